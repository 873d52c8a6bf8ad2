package org.madani.node.federation.actor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.madani.node.federation.Origins;
import org.madani.node.federation.sig.KeyStatus;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.ObjectProofs;
import org.madani.node.federation.sig.ProofVerification;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.VerificationKey;
import org.madani.node.store.KeyChangeRepository;
import org.madani.node.store.MirrorRepository;
import org.madani.node.store.RemoteActorRepository;
import org.madani.node.store.RemoteActorRepository.KeyRow;
import org.madani.node.store.RemoteObjectRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key pinning policy for remote actors (protocol-spec/keys.md §3). The keys of the first actor
 * document seen are pinned (trust on first use). A key that a later document introduces is pinned
 * only when the change is proven by a key already pinned: the document (or the Update that carries
 * it) has a proof by a pinned signing key that is neither revoked nor past its overlap, or a
 * revocation statement signed by the pinned recovery key names it as the replacement. Anything else
 * — a new key, or a known key id with other key material — is not pinned but flagged for the admin.
 * Revocation statements verified against the pinned recovery key revoke keys and withdraw what was
 * signed with them after the revocation time.
 *
 * <p>Stateless apart from a change hook; every method runs inside the caller's transaction.
 */
public final class KeyPins {

  private static final Logger LOG = LoggerFactory.getLogger(KeyPins.class);

  private final RemoteActorRepository repo;
  private final KeyChangeRepository flags;
  private final MirrorRepository mirrors;
  private final RemoteObjectRepository objects;
  private final ObjectMapper json;
  private final Clock clock;
  private volatile Runnable changed = () -> {};

  public KeyPins(
      RemoteActorRepository repo,
      KeyChangeRepository flags,
      MirrorRepository mirrors,
      RemoteObjectRepository objects,
      ObjectMapper json,
      Clock clock) {
    this.repo = repo;
    this.flags = flags;
    this.mirrors = mirrors;
    this.objects = objects;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Called (inside the transaction) whenever a pin, expiry or revocation changed: caches drop keys.
   */
  void onChange(Runnable hook) {
    this.changed = hook;
  }

  /** What applying a document did. */
  public record Outcome(List<String> pinned, List<String> flagged, List<String> revoked) {
    public boolean refusedSomething() {
      return !flagged.isEmpty();
    }
  }

  /** A key an actor document offers, with the bounds it states. */
  record Offered(KeyRow row, Instant expires) {}

  /**
   * Applies an Update of the actor: the activity's proof by a pinned key proves the embedded
   * document's new keys. Used for Updates received as (possibly relayed) log items.
   */
  public Outcome applyUpdate(Connection c, String actorId, ObjectNode activity)
      throws SQLException {
    JsonNode object = activity.get("object");
    if (!(object instanceof ObjectNode doc) || !actorId.equals(doc.path("id").asText())) {
      return new Outcome(List.of(), List.of(), List.of());
    }
    boolean proven =
        ObjectProofs.verify(activity, voucherKeys(repo.keysOf(c, actorId)))
                instanceof ProofVerification.Verified ok
            && actorId.equals(ok.ownerId());
    return apply(c, actorId, doc, proven);
  }

  /**
   * Applies a fetched (or otherwise received) actor document.
   *
   * @param proven whether the caller already verified a proof over this document by a pinned key
   */
  public Outcome apply(Connection c, String actorId, ObjectNode doc, boolean proven)
      throws SQLException {
    Instant now = clock.instant();
    List<KeyRow> pinned = repo.keysOf(c, actorId);
    boolean first = pinned.isEmpty();
    List<Offered> offered = extractKeys(actorId, doc, now);
    boolean vouched = proven || (!first && documentProven(doc, actorId, pinned));

    // Recovery keys that may verify statements: the pinned ones, or on first contact those offered.
    List<KeyRow> recovery = new ArrayList<>();
    for (KeyRow k : first ? offered.stream().map(Offered::row).toList() : pinned) {
      if ("recovery".equals(k.purpose()) && k.revokedAt() == null) recovery.add(k);
    }
    List<RevocationStatements.Revocation> revocations = new ArrayList<>();
    JsonNode statements = doc.get("keyRevocations");
    if (statements != null && statements.isArray()) {
      Function<String, Optional<VerificationKey>> recoveryLookup = lookup(recovery);
      for (JsonNode s : statements) {
        RevocationStatements.verify(s, actorId, recoveryLookup).ifPresent(revocations::add);
      }
    }

    Map<String, KeyRow> byId = new HashMap<>();
    pinned.forEach(k -> byId.put(k.keyId(), k));
    List<String> pinnedNow = new ArrayList<>();
    List<String> flagged = new ArrayList<>();
    for (Offered o : offered) {
      KeyRow k = o.row();
      KeyRow known = byId.get(k.keyId());
      if (known != null) {
        if (!Keys.publicKeyFromPem(known.publicPem())
            .equals(Keys.publicKeyFromPem(k.publicPem()))) {
          flag(c, k, "the key id now names different key material", flagged);
        } else if (o.expires() != null && (first || vouched)) {
          repo.expire(c, k.keyId(), o.expires());
        }
        continue;
      }
      boolean replacement =
          revocations.stream()
              .anyMatch(
                  r ->
                      r.replacement()
                          .filter(
                              rep ->
                                  rep.keyId().equals(k.keyId())
                                      && rep.key().equals(Keys.publicKeyFromPem(k.publicPem())))
                          .isPresent());
      if (!first && "recovery".equals(k.purpose())) {
        // Only the recovery key itself could vouch for its successor; a stolen signing key must
        // not.
        flag(c, k, "a new recovery key", flagged);
      } else if (first || vouched || replacement) {
        repo.addKeyIfAbsent(c, k);
        pinnedNow.add(k.keyId());
      } else {
        flag(c, k, "a new key without a proof by a key pinned for this actor", flagged);
      }
    }

    List<String> revoked = new ArrayList<>();
    for (RevocationStatements.Revocation r : revocations) {
      Optional<KeyRow> target = repo.findKey(c, r.revokedKey());
      if (target.isEmpty() || !target.get().actorId().equals(actorId)) continue;
      if (repo.revoke(c, r.revokedKey(), r.since(), r.statement().toString())) {
        revoked.add(r.revokedKey());
        withdraw(c, actorId, r.revokedKey(), r.since());
      }
    }
    if (!pinnedNow.isEmpty() || !revoked.isEmpty() || vouched) changed.run();
    if (!pinnedNow.isEmpty() && !first)
      LOG.info("pinned new key(s) {} of {}: change proven", pinnedNow, actorId);
    if (!revoked.isEmpty())
      LOG.warn("key(s) {} of {} revoked by its recovery key", revoked, actorId);
    return new Outcome(pinnedNow, flagged, revoked);
  }

  /** The admin accepted a flagged key: pin it (replacing other material under the same id). */
  /** Whether a change of key {@code keyId} is held for the admin (protocol-spec/keys.md §3). */
  public boolean changePending(Connection c, String keyId) throws SQLException {
    return flags.pending(c, keyId);
  }

  public void pinAccepted(Connection c, KeyChangeRepository.Flag f) throws SQLException {
    repo.repin(
        c,
        new KeyRow(
            f.keyId(),
            f.actorId(),
            f.algorithm(),
            f.publicPem(),
            clock.instant(),
            f.purpose(),
            null,
            null));
    changed.run();
  }

  private void flag(Connection c, KeyRow k, String reason, List<String> flagged)
      throws SQLException {
    flags.flagIfNew(
        c,
        k.actorId(),
        k.keyId(),
        k.algorithm(),
        k.purpose(),
        k.publicPem(),
        clock.instant(),
        reason);
    flagged.add(k.keyId());
    LOG.warn(
        "key change of {} refused and held for the admin: {} ({})", k.actorId(), k.keyId(), reason);
  }

  /**
   * Whether the document itself carries a proof by a pinned, still-valid signing key of the actor.
   */
  private boolean documentProven(ObjectNode doc, String actorId, List<KeyRow> pinned) {
    return doc.has("proof")
        && ObjectProofs.verify(doc, voucherKeys(pinned)) instanceof ProofVerification.Verified ok
        && actorId.equals(ok.ownerId());
  }

  /**
   * Keys that may vouch for a key change: pinned Ed25519 signing keys, not revoked at all (a thief
   * holding a revoked key could back-date {@code created}) and not past their overlap now.
   */
  private Function<String, Optional<VerificationKey>> voucherKeys(List<KeyRow> pinned) {
    Instant now = clock.instant();
    List<KeyRow> ok = new ArrayList<>();
    for (KeyRow k : pinned) {
      if ("ed25519".equals(k.algorithm())
          && "signing".equals(k.purpose())
          && k.revokedAt() == null
          && (k.expiresAt() == null || now.isBefore(k.expiresAt()))) {
        ok.add(k);
      }
    }
    return lookup(ok);
  }

  private static Function<String, Optional<VerificationKey>> lookup(List<KeyRow> rows) {
    Map<String, VerificationKey> keys = new HashMap<>();
    for (KeyRow k : rows) {
      if ("ed25519".equals(k.algorithm())) {
        keys.put(
            k.keyId(),
            VerificationKey.of(
                k.keyId(),
                k.actorId(),
                Keys.publicKeyFromPem(k.publicPem()),
                SignatureAlgorithm.ED25519));
      }
    }
    return id -> Optional.ofNullable(keys.get(id));
  }

  /**
   * Validity bounds of pinned keys, for {@link ObjectProofs#verify}: proofs created at or after
   * them fail.
   */
  public static Function<String, Optional<KeyStatus>> statuses(List<KeyRow> pinned) {
    Map<String, KeyStatus> out = new HashMap<>();
    for (KeyRow k : pinned) {
      if (k.invalidFrom() != null) out.put(k.keyId(), KeyStatus.revoked(k.invalidFrom()));
    }
    return id -> Optional.ofNullable(out.get(id));
  }

  /**
   * Mirror items and stored objects of {@code actorId} signed with {@code keyId} at or after {@code
   * since} are no longer known to be genuine: mirror items are withdrawn (kept, never applied or
   * served again), objects whose stored copy carries such a proof are purged.
   */
  private void withdraw(Connection c, String actorId, String keyId, Instant since)
      throws SQLException {
    var items =
        mirrors.withdraw(
            c, actorId, doc -> signedWithAfter(read(doc), keyId, since), clock.instant());
    int purged = 0;
    for (var o : objects.ofActor(c, actorId)) {
      if (signedWithAfter(read(o.document()), keyId, since) && objects.purge(c, o.id(), actorId))
        purged++;
    }
    if (!items.isEmpty() || purged > 0) {
      LOG.warn(
          "withdrew {} mirror item(s) and {} object(s) of {} signed with revoked {}",
          items.size(),
          purged,
          actorId,
          keyId);
    }
  }

  /**
   * Whether the document, or the object it embeds, has a proof by {@code keyId} created at or after
   * {@code since}.
   */
  static boolean signedWithAfter(JsonNode doc, String keyId, Instant since) {
    if (doc == null) return false;
    if (proofsBy(doc.get("proof"), keyId, since)) return true;
    JsonNode o = doc.get("object");
    return o != null && o.isObject() && proofsBy(o.get("proof"), keyId, since);
  }

  private static boolean proofsBy(JsonNode proof, String keyId, Instant since) {
    if (proof == null) return false;
    if (proof.isArray()) {
      for (JsonNode p : proof) if (proofsBy(p, keyId, since)) return true;
      return false;
    }
    if (!keyId.equals(proof.path("verificationMethod").asText())) return false;
    try {
      return !OffsetDateTime.parse(proof.path("created").asText("")).toInstant().isBefore(since);
    } catch (DateTimeParseException e) {
      return true; // unreadable date on a revoked key's proof: not known to be before the
      // revocation
    }
  }

  private JsonNode read(String s) {
    try {
      return json.readTree(s);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Keys an actor document offers: RSA {@code publicKey}(s), Ed25519 Multikeys in {@code
   * assertionMethod} (with their {@code expires}) and Madani {@code recoveryKey}s. A key of another
   * origin or claimed for another owner is not this actor's key and is skipped.
   */
  List<Offered> extractKeys(String actorId, ObjectNode doc, Instant now) {
    List<Offered> out = new ArrayList<>();
    JsonNode pk = doc.get("publicKey");
    List<JsonNode> pks = new ArrayList<>();
    if (pk != null && pk.isArray()) pk.forEach(pks::add);
    else if (pk != null && pk.isObject()) pks.add(pk);
    for (JsonNode k : pks) {
      String kid = k.path("id").asText("");
      String owner = k.path("owner").asText(actorId);
      String pem = k.path("publicKeyPem").asText("");
      if (kid.isEmpty()
          || pem.isEmpty()
          || !owner.equals(actorId)
          || !Origins.sameOrigin(kid, actorId)) continue;
      try {
        PublicKey key = Keys.publicKeyFromPem(pem);
        boolean ed =
            "Ed25519".equalsIgnoreCase(key.getAlgorithm())
                || "EdDSA".equalsIgnoreCase(key.getAlgorithm());
        out.add(
            new Offered(
                new KeyRow(kid, actorId, ed ? "ed25519" : "rsa", Keys.toPem(key), now), null));
      } catch (RuntimeException ignored) {
        // unreadable key: skip it, others may do
      }
    }
    List<Offered> multi = new ArrayList<>();
    multikeys(multi, doc.get("assertionMethod"), actorId, "signing", now);
    multikeys(multi, doc.get("recoveryKey"), actorId, "recovery", now);
    // An Ed25519 key listed both under publicKey (for RFC 9421 verifiers such as Fedify) and as a
    // Multikey is one key: keep the Multikey form, which carries its expiry and purpose.
    java.util.Set<String> multiIds = new java.util.HashSet<>();
    for (Offered o : multi) multiIds.add(o.row().keyId());
    out.removeIf(o -> multiIds.contains(o.row().keyId()));
    out.addAll(multi);
    return out;
  }

  private static void multikeys(
      List<Offered> out, JsonNode list, String actorId, String purpose, Instant now) {
    if (list == null) return;
    List<JsonNode> items = new ArrayList<>();
    if (list.isArray()) list.forEach(items::add);
    else items.add(list);
    for (JsonNode k : items) {
      String kid = k.path("id").asText("");
      String controller = k.path("controller").asText(actorId);
      if (!"Multikey".equals(k.path("type").asText())
          || kid.isEmpty()
          || !controller.equals(actorId)
          || !Origins.sameOrigin(kid, actorId)) continue;
      try {
        PublicKey key = Keys.fromMultibase(k.path("publicKeyMultibase").asText());
        Instant expires =
            k.hasNonNull("expires")
                ? OffsetDateTime.parse(k.get("expires").asText()).toInstant()
                : null;
        out.add(
            new Offered(
                new KeyRow(kid, actorId, "ed25519", Keys.toPem(key), now, purpose, expires, null),
                expires));
      } catch (RuntimeException ignored) {
        // not an Ed25519 multikey we understand
      }
    }
  }
}
