package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.madani.node.federation.Origins;
import org.madani.node.federation.PeerPolicy;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.federation.sig.CavageVerifier;
import org.madani.node.federation.sig.HttpRequestView;
import org.madani.node.federation.sig.Rfc9421Verifier;
import org.madani.node.federation.sig.SignatureKeyIds;
import org.madani.node.federation.sig.SignaturePolicy;
import org.madani.node.federation.sig.Verification;
import org.madani.node.federation.sig.VerificationKey;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;
import org.madani.node.store.Database;
import org.madani.node.store.InboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts an incoming activity: verifies its HTTP signature (RFC 9421 or draft-cavage), refuses
 * replays, checks that the signing key's owner is the activity's actor and that the activity and
 * what it creates or changes share the actor's origin, then stores it (once per activity id).
 * Handling happens later, off the request, in {@link InboxProcessor}. Thread-safe.
 */
public final class InboxService {

  private static final Logger LOG = LoggerFactory.getLogger(InboxService.class);

  private final Database db;
  private final WorkerExecutor crypto;
  private final InboxRepository inbox;
  private final RemoteActors actors;
  private final JsonCodec json;
  private final Clock clock;
  private final SignaturePolicy policy;
  private final PeerPolicy peers;
  private final ReceivedActivityChecks content;
  private final EmbeddedProofCheck proofs;
  private final InboxWriter writer;

  /**
   * @param crypto worker pool for signature verification
   * @param peers the trust model: senders it refuses get 403 before their key is fetched
   */
  public InboxService(
      Database db,
      InboxRepository inbox,
      RemoteActors actors,
      JsonCodec json,
      Clock clock,
      WorkerExecutor crypto,
      PeerPolicy peers) {
    this.crypto = crypto;
    this.peers = peers;
    this.db = db;
    this.inbox = inbox;
    this.actors = actors;
    this.json = json;
    this.clock = clock;
    this.policy = SignaturePolicy.federation(clock);
    this.content =
        new ReceivedActivityChecks(new org.madani.node.content.Taxonomies(json.mapper()));
    this.proofs =
        new EmbeddedProofCheck(db, new org.madani.node.store.RemoteActorRepository(), crypto);
    this.writer = new InboxWriter(db, inbox);
  }

  /** Outcome of a successful receive: stored now, or a repeat of an activity already stored. */
  public enum Received {
    STORED,
    DUPLICATE
  }

  public Future<Received> receive(HttpRequestView request) {
    return receive(request, SenderGate.OPEN);
  }

  /**
   * As {@link #receive(HttpRequestView)}, asking {@code gate} once the signature is verified
   * whether the verified sender may be heard now; fails with 429 when not.
   */
  public Future<Received> receive(HttpRequestView request, SenderGate gate) {
    // What was verified must be what is stored: malformed UTF-8 is refused, never repaired.
    // The decoded text is what is stored (no second decoding of the body). The view hands out a
    // copy of its body each time: one copy serves both.
    byte[] body = request.body();
    String document = org.madani.node.json.StrictUtf8.decode(body);
    ObjectNode activity = json.parseObject(body);
    String actor = idOf(activity.get("actor"));
    String id = activity.path("id").asText("");
    String type = activity.path("type").asText("");
    if (actor == null || id.isEmpty() || type.isEmpty()) {
      return Future.failedFuture(Problem.badRequest("An activity needs id, type and actor."));
    }
    // Trust first, before the key is resolved: a blocked or unlisted node must never be fetched
    // from, not even for its key (protocol-spec/trust.md). Both the claimed actor and every key
    // id's node must be allowed; the key check below then ties the two together.
    if (!peers.allowsActor(actor)
        || !SignatureKeyIds.of(request).stream().allMatch(this::keyAllowed)) {
      LOG.info("refused {} from {}: not allowed by this node's trust settings", id, actor);
      return Future.failedFuture(
          Problem.of(
                  403,
                  "refused-peer",
                  "Not accepted from this sender",
                  "This node does not accept activities from this sender or its node.")
              .exception());
    }
    return authenticate(request)
        .compose(
            ok ->
                gate.admit(ok.ownerId())
                    ? Future.succeededFuture(ok)
                    : Future.failedFuture(
                        Problem.of(
                                429,
                                "rate-limited",
                                "Too many requests",
                                "Slow down and retry later.")
                            .with("retryAfter", 10)
                            .exception()))
        .compose(ok -> checkOriginsAndStore(request, document, activity, actor, id, type, ok))
        .onFailure(err -> LOG.info("refused {} {} from {}: {}", type, id, actor, err.getMessage()));
  }

  /**
   * Verifies a request's HTTP signature (RFC 9421 or draft-cavage-12) against its key, fetched from
   * the key owner's origin when not known yet, and fetched once more if a cached key fails (the
   * owner may have rotated it). Fails with a 401 problem.
   */
  public Future<Verification.Verified> authenticate(HttpRequestView request) {
    List<String> keyIds = SignatureKeyIds.of(request);
    if (keyIds.isEmpty()) {
      return Future.failedFuture(
          unauthorized("The request is not signed (RFC 9421 or draft-cavage-12)."));
    }
    String keyId = keyIds.get(0);
    return actors
        .key(keyId, false)
        .recover(
            err ->
                Future.failedFuture(
                    unauthorized("The signing key could not be resolved: " + err.getMessage())))
        .compose(
            resolved ->
                checkValid(resolved)
                    .compose(k -> verify(request, k.key()))
                    .compose(
                        v -> {
                          if (v instanceof Verification.Rejected r
                              && r.reason() == Verification.Reason.BAD_SIGNATURE
                              && resolved.cached()) {
                            // Refetched through the pinning policy (protocol-spec/keys.md §3): a
                            // document that now
                            // shows other key material is not believed, so a third party that took
                            // over the domain
                            // gets the change flagged for the admin and its request refused here.
                            return actors
                                .key(keyId, true)
                                .recover(
                                    err ->
                                        Future.failedFuture(
                                            unauthorized(
                                                "The signing key could not be resolved: "
                                                    + err.getMessage())))
                                .compose(this::checkValid)
                                .compose(fresh -> verify(request, fresh.key()));
                          }
                          return Future.succeededFuture(v);
                        }))
        .compose(
            v ->
                switch (v) {
                  case Verification.Rejected r ->
                      Future.failedFuture(
                          unauthorized(
                              "Signature rejected: " + r.reason() + " (" + r.detail() + ")"));
                  case Verification.Verified ok -> Future.succeededFuture(ok);
                })
        .recover(err -> explainPendingKeyChange(keyId, err));
  }

  /**
   * A peer that restarted with new keys sees its requests refused while the change waits for our
   * admin (protocol-spec/keys.md §3). A bare "bad signature" would leave its operator guessing: say
   * what is happening, so they can ask this node's admin to review the change.
   */
  private Future<Verification.Verified> explainPendingKeyChange(String keyId, Throwable err) {
    return actors
        .keyChangePending(keyId)
        .transform(
            pending ->
                Future.failedFuture(
                    pending.succeeded() && Boolean.TRUE.equals(pending.result())
                        ? Problem.of(
                                401,
                                "key-change-pending",
                                "Key change awaiting approval",
                                "This node has seen a new key for "
                                    + keyId
                                    + " and holds it until its administrator "
                                    + "accepts the change; until then requests signed with it are refused. Ask this "
                                    + "node's administrator to review the key change.")
                            .exception()
                        : err));
  }

  /** A revoked key, or one past its rotation overlap, signs nothing new. */
  private Future<RemoteActors.ResolvedKey> checkValid(RemoteActors.ResolvedKey k) {
    return k.validAt(clock.instant())
        ? Future.succeededFuture(k)
        : Future.failedFuture(
            unauthorized("The signing key " + k.key().keyId() + " is revoked or rotated out."));
  }

  private Future<Verification> verify(HttpRequestView request, VerificationKey key) {
    // Cryptography on a worker: RSA verification of large bodies must not stall the event loop.
    return crypto.executeBlocking(
        () ->
            switch (SignatureKeyIds.scheme(request)) {
              case RFC9421 ->
                  new Rfc9421Verifier(
                          k ->
                              k.equals(key.keyId())
                                  ? java.util.Optional.of(key)
                                  : java.util.Optional.empty(),
                          policy)
                      .verify(request);
              case CAVAGE ->
                  new CavageVerifier(
                          k ->
                              k.equals(key.keyId())
                                  ? java.util.Optional.of(key)
                                  : java.util.Optional.empty(),
                          policy)
                      .verify(request);
              case NONE ->
                  new Verification.Rejected(Verification.Reason.MISSING_SIGNATURE, "unsigned");
            },
        false);
  }

  private Future<Received> checkOriginsAndStore(
      HttpRequestView request,
      String document,
      ObjectNode activity,
      String actor,
      String id,
      String type,
      Verification.Verified ok) {
    // Origin rules (protocol-spec/federation.md; their vectors:
    // protocol-spec/vectors/inbox-origin).
    var refusal = OriginRules.check(activity, ok.ownerId());
    if (refusal.isPresent()) return Future.failedFuture(refusal.get().exception());
    try {
      content.content(activity);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return proofs
        .check(activity, actor)
        .compose(v -> store(request, document, actor, id, type, ok));
  }

  private Future<Received> store(
      HttpRequestView request,
      String document,
      String actor,
      String id,
      String type,
      Verification.Verified ok) {
    String verifiedBy =
        (request.header("signature-input").isPresent() ? "rfc9421/" : "cavage/")
            + ok.algorithm().wireName();
    String signatureDigest =
        sha256(
            request.header("signature").orElse("")
                + "|"
                + request.header("authorization").orElse(""));
    Duration window = policy.maxAge().plus(policy.maxClockSkew());
    // Stored with other requests' activities in one durable commit (group commit); the future
    // completes only after that commit.
    Instant now = clock.instant();
    return writer
        .store(
            new InboxWriter.Pending(
                signatureDigest,
                now.plus(window),
                id,
                actor,
                type,
                document,
                verifiedBy,
                now,
                Origins.hostKey(actor),
                request.header("signature-input").isPresent() ? "rfc9421" : "cavage"))
        .compose(
            outcome ->
                switch (outcome) {
                  // A signature seen before is a captured request played again: refuse it outright.
                  case REPLAYED ->
                      Future.failedFuture(
                          unauthorized("This signed request was already received (replay)."));
                  case STORED -> Future.succeededFuture(Received.STORED);
                  case DUPLICATE -> Future.succeededFuture(Received.DUPLICATE);
                });
  }

  private boolean keyAllowed(String keyId) {
    try {
      return peers.allowsUrl(java.net.URI.create(keyId));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static String idOf(JsonNode n) {
    if (n == null) return null;
    if (n.isTextual()) return n.asText();
    if (n.isObject() && n.hasNonNull("id")) return n.get("id").asText();
    return null;
  }

  private static RuntimeException unauthorized(String detail) {
    return Problem.of(401, "signature", "Signature not accepted", detail).exception();
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
