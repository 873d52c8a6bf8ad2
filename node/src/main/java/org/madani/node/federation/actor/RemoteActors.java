package org.madani.node.federation.actor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.net.URI;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.madani.node.federation.Origins;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.VerificationKey;
import org.madani.node.store.Database;
import org.madani.node.store.RemoteActorRepository;
import org.madani.node.store.RemoteActorRepository.ActorRow;
import org.madani.node.store.RemoteActorRepository.KeyRow;

/**
 * Remote actors and their keys: served from the database when known, otherwise fetched from their
 * origin through the guarded fetcher and stored. A key is accepted only if the actor document that
 * lists it was fetched from the key's own origin and names itself as the key's owner.
 * Thread-safe.
 */
public final class RemoteActors {

  private final Database db;
  private final RemoteActorRepository repo;
  private final DocumentFetcher fetcher;
  private final ObjectMapper json;
  private final Clock clock;

  public RemoteActors(Database db, RemoteActorRepository repo, DocumentFetcher fetcher, ObjectMapper json, Clock clock) {
    this.db = db;
    this.repo = repo;
    this.fetcher = fetcher;
    this.json = json;
    this.clock = clock;
  }

  /** A resolved key and whether it came from the cache (a cached key may be stale after rotation). */
  public record ResolvedKey(VerificationKey key, boolean cached) {}

  public Future<ResolvedKey> key(String keyId, boolean refresh) {
    if (refresh) {
      keyCache.remove(keyId);
      return fetchKey(keyId).onSuccess(k -> remember(keyId, k.key()));
    }
    VerificationKey cached = keyCache.get(keyId);
    if (cached != null) return Future.succeededFuture(new ResolvedKey(cached, true));
    return db.tx(c -> repo.findKey(c, keyId)).compose(found -> found.isPresent()
        ? Future.succeededFuture(new ResolvedKey(toVerificationKey(found.get()), true))
        : fetchKey(keyId)).onSuccess(k -> remember(keyId, k.key()));
  }

  /** Keys verified against their owner's document, kept in memory (bounded) to spare a query per request. */
  private final java.util.concurrent.ConcurrentHashMap<String, VerificationKey> keyCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  private void remember(String keyId, VerificationKey key) {
    if (keyCache.size() > 10_000) keyCache.clear();
    keyCache.put(keyId, key);
  }

  /** The actor, from the database unless {@code refresh}; fetched and stored otherwise. */
  public Future<ActorRow> actor(String actorId, boolean refresh) {
    if (refresh) return fetchActor(URI.create(actorId));
    return db.tx(c -> repo.find(c, actorId)).compose(found -> found.isPresent()
        ? Future.succeededFuture(found.get()) : fetchActor(URI.create(actorId)));
  }

  private Future<ResolvedKey> fetchKey(String keyId) {
    URI keyUri;
    try {
      keyUri = URI.create(keyId);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new IllegalArgumentException("key id is not a URL"));
    }
    URI withoutFragment = Origins.withoutFragment(keyUri);
    return fetcher.fetch(withoutFragment).compose(f -> {
      ObjectNode doc = f.document();
      // GoToSocial-style key ids name a key document whose owner is the actor.
      if (!doc.has("inbox") && doc.hasNonNull("owner")) {
        return fetchActor(URI.create(doc.get("owner").asText()));
      }
      return store(f);
    }).compose(actor -> db.tx(c -> repo.findKey(c, keyId)))
        .compose(k -> k.isPresent()
            ? Future.succeededFuture(new ResolvedKey(toVerificationKey(k.get()), false))
            : Future.failedFuture(new IllegalArgumentException("the actor does not publish key " + keyId)));
  }

  private Future<ActorRow> fetchActor(URI id) {
    return fetcher.fetch(id).compose(this::store);
  }

  /** Checks and stores a fetched actor document with its keys. */
  Future<ActorRow> store(DocumentFetcher.Fetched f) {
    ObjectNode doc = f.document();
    String id = doc.path("id").asText("");
    if (id.isEmpty() || !Origins.sameOrigin(id, f.finalUrl().toString())) {
      return Future.failedFuture(new IllegalArgumentException(
          "actor document id " + id + " is not from where it was fetched (" + f.finalUrl().getHost() + ")"));
    }
    String inbox = doc.path("inbox").asText("");
    if (inbox.isEmpty()) return Future.failedFuture(new IllegalArgumentException("not an actor: no inbox"));
    List<KeyRow> keys = extractKeys(id, doc);
    String shared = doc.path("endpoints").path("sharedInbox").asText(null);
    ActorRow row = new ActorRow(id, URI.create(id).getHost(), doc.path("type").asText("Person"), inbox,
        shared, doc.path("preferredUsername").asText(null), doc.toString(), clock.instant());
    return db.tx(c -> {
      repo.upsert(c, row);
      for (KeyRow k : keys) repo.addKeyIfAbsent(c, k);
      return row;
    });
  }

  private List<KeyRow> extractKeys(String actorId, ObjectNode doc) {
    List<KeyRow> out = new ArrayList<>();
    JsonNode pk = doc.get("publicKey");
    List<JsonNode> pks = new ArrayList<>();
    if (pk != null && pk.isArray()) pk.forEach(pks::add);
    else if (pk != null && pk.isObject()) pks.add(pk);
    for (JsonNode k : pks) {
      String kid = k.path("id").asText("");
      String owner = k.path("owner").asText(actorId);
      String pem = k.path("publicKeyPem").asText("");
      // A key from another origin, or claimed for another owner, is not this actor's key.
      if (kid.isEmpty() || pem.isEmpty() || !owner.equals(actorId) || !Origins.sameOrigin(kid, actorId)) continue;
      try {
        PublicKey key = Keys.publicKeyFromPem(pem);
        out.add(new KeyRow(kid, actorId, "Ed25519".equalsIgnoreCase(key.getAlgorithm()) || "EdDSA".equalsIgnoreCase(key.getAlgorithm()) ? "ed25519" : "rsa",
            Keys.toPem(key), clock.instant()));
      } catch (RuntimeException ignored) {
        // unreadable key: skip it, others may do
      }
    }
    JsonNode am = doc.get("assertionMethod");
    if (am != null && am.isArray()) {
      for (JsonNode k : am) {
        String kid = k.path("id").asText("");
        String controller = k.path("controller").asText(actorId);
        if (!"Multikey".equals(k.path("type").asText()) || kid.isEmpty() || !controller.equals(actorId)
            || !Origins.sameOrigin(kid, actorId)) continue;
        try {
          PublicKey key = Keys.fromMultibase(k.path("publicKeyMultibase").asText());
          out.add(new KeyRow(kid, actorId, "ed25519", Keys.toPem(key), clock.instant()));
        } catch (RuntimeException ignored) {
          // not an Ed25519 multikey we understand
        }
      }
    }
    return out;
  }

  static VerificationKey toVerificationKey(KeyRow k) {
    PublicKey key = Keys.publicKeyFromPem(k.publicPem());
    if ("ed25519".equals(k.algorithm())) {
      return VerificationKey.of(k.keyId(), k.actorId(), key, SignatureAlgorithm.ED25519);
    }
    return new VerificationKey(k.keyId(), k.actorId(), key,
        java.util.Set.of(SignatureAlgorithm.RSA_V1_5_SHA256, SignatureAlgorithm.RSA_PSS_SHA512));
  }

  /** Known actor, without fetching. Blocking; call inside a transaction. */
  public Optional<ActorRow> known(Connection c, String actorId) throws SQLException {
    return repo.find(c, actorId);
  }

  ObjectMapper json() {
    return json;
  }
}
