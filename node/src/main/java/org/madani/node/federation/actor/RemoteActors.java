package org.madani.node.federation.actor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.net.URI;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
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
 * lists it was fetched from the key's own origin and names itself as the key's owner. Thread-safe.
 */
public final class RemoteActors {

  /**
   * Pinned keys, kept in memory (bounded) to spare a query per request; cleared when pins change.
   */
  private final PinnedKeyCache keyCache = new PinnedKeyCache();

  private final Database db;
  private final RemoteActorRepository repo;
  private final DocumentFetcher fetcher;
  private final ObjectMapper json;
  private final Clock clock;
  private final KeyPins pins;

  /**
   * @param pins the pinning policy every fetched document goes through (protocol-spec/keys.md §3)
   */
  public RemoteActors(
      Database db,
      RemoteActorRepository repo,
      DocumentFetcher fetcher,
      ObjectMapper json,
      Clock clock,
      KeyPins pins) {
    this.pins = pins;
    pins.onChange(keyCache::invalidateAll);
    this.db = db;
    this.repo = repo;
    this.fetcher = fetcher;
    this.json = json;
    this.clock = clock;
  }

  /**
   * A pinned key, whether it came from the cache (a cached key may be stale after rotation), and
   * when it stops being valid (end of a rotation overlap, or a revocation), if ever.
   */
  public record ResolvedKey(
      VerificationKey key, boolean cached, Optional<java.time.Instant> invalidFrom) {

    /** Whether the key may still sign at {@code now}. */
    public boolean validAt(java.time.Instant now) {
      return invalidFrom.isEmpty() || now.isBefore(invalidFrom.get());
    }
  }

  /**
   * A pinned key: from memory or the database, else fetched from its owner's origin; with {@code
   * refresh}, the owner's document is fetched again first. Either way the fetched document goes
   * through {@link KeyPins}: a key that is not pinned afterwards (a key change held for the admin)
   * is not returned.
   */
  public Future<ResolvedKey> key(String keyId, boolean refresh) {
    if (refresh) {
      keyCache.invalidate(keyId);
      return fetchKey(keyId).onSuccess(k -> remember(keyId, k));
    }
    ResolvedKey cached = keyCache.get(keyId);
    if (cached != null) return Future.succeededFuture(cached);
    return db.tx(c -> repo.findKey(c, keyId))
        .compose(
            found ->
                found.isPresent()
                    ? Future.succeededFuture(resolved(found.get(), true))
                    : fetchKey(keyId))
        .onSuccess(k -> remember(keyId, k));
  }

  /**
   * Whether a new key under {@code keyId} waits for the admin's decision (blocking work off the
   * loop).
   */
  public Future<Boolean> keyChangePending(String keyId) {
    return db.tx(c -> pins.changePending(c, keyId));
  }

  private static ResolvedKey resolved(KeyRow k, boolean cached) {
    return new ResolvedKey(toVerificationKey(k), cached, Optional.ofNullable(k.invalidFrom()));
  }

  private void remember(String keyId, ResolvedKey key) {
    keyCache.put(keyId, new ResolvedKey(key.key(), true, key.invalidFrom()));
  }

  /** The actor, from the database unless {@code refresh}; fetched and stored otherwise. */
  public Future<ActorRow> actor(String actorId, boolean refresh) {
    if (refresh) return fetchActor(URI.create(actorId));
    return db.tx(c -> repo.find(c, actorId))
        .compose(
            found ->
                found.isPresent()
                    ? Future.succeededFuture(found.get())
                    : fetchActor(URI.create(actorId)));
  }

  private Future<ResolvedKey> fetchKey(String keyId) {
    URI keyUri;
    try {
      keyUri = URI.create(keyId);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(new IllegalArgumentException("key id is not a URL"));
    }
    URI withoutFragment = Origins.withoutFragment(keyUri);
    return fetcher
        .fetch(withoutFragment)
        .compose(
            f -> {
              ObjectNode doc = f.document();
              // GoToSocial-style key ids name a key document whose owner is the actor.
              if (!doc.has("inbox") && doc.hasNonNull("owner")) {
                return fetchActor(URI.create(doc.get("owner").asText()));
              }
              return store(f);
            })
        .compose(actor -> db.tx(c -> repo.findKey(c, keyId)))
        .compose(
            k ->
                k.isPresent()
                    ? Future.succeededFuture(resolved(k.get(), false))
                    : Future.failedFuture(
                        new IllegalArgumentException(
                            "key "
                                + keyId
                                + " is not pinned for its actor (not published, or a key change held for the admin)")));
  }

  private Future<ActorRow> fetchActor(URI id) {
    return fetcher.fetch(id).compose(this::store);
  }

  /** Checks and stores a fetched actor document with its keys. */
  Future<ActorRow> store(DocumentFetcher.Fetched f) {
    ObjectNode doc = f.document();
    String id = doc.path("id").asText("");
    if (id.isEmpty() || !Origins.sameOrigin(id, f.finalUrl().toString())) {
      return Future.failedFuture(
          new IllegalArgumentException(
              "actor document id "
                  + id
                  + " is not from where it was fetched ("
                  + f.finalUrl().getHost()
                  + ")"));
    }
    String inbox = doc.path("inbox").asText("");
    if (inbox.isEmpty())
      return Future.failedFuture(new IllegalArgumentException("not an actor: no inbox"));
    String shared = doc.path("endpoints").path("sharedInbox").asText(null);
    ActorRow row =
        new ActorRow(
            id,
            URI.create(id).getHost(),
            doc.path("type").asText("Person"),
            inbox,
            shared,
            doc.path("preferredUsername").asText(null),
            doc.toString(),
            clock.instant());
    return db.tx(
        c -> {
          boolean known = repo.find(c, id).isPresent();
          KeyPins.Outcome outcome = pins.apply(c, id, doc, false);
          // A document that tried to change keys without proof does not replace the one we have.
          if (!known || !outcome.refusedSomething()) repo.upsert(c, row);
          return repo.find(c, id).orElse(row);
        });
  }

  /**
   * Applies an Update of an actor whose activity proof was checked by the caller's pipeline (a log
   * item): new keys are pinned when the activity is signed by a pinned key. Inside a transaction.
   */
  public KeyPins.Outcome applyUpdate(Connection c, String actorId, ObjectNode activity)
      throws SQLException {
    return pins.applyUpdate(c, actorId, activity);
  }

  static VerificationKey toVerificationKey(KeyRow k) {
    PublicKey key = Keys.publicKeyFromPem(k.publicPem());
    if ("ed25519".equals(k.algorithm())) {
      return VerificationKey.of(k.keyId(), k.actorId(), key, SignatureAlgorithm.ED25519);
    }
    return new VerificationKey(
        k.keyId(),
        k.actorId(),
        key,
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
