package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.madani.node.federation.actor.KeyPins;
import org.madani.node.federation.sig.KeyStatus;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.ObjectProofs;
import org.madani.node.federation.sig.ProofVerification;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.VerificationKey;
import org.madani.node.model.Problem;
import org.madani.node.store.Database;
import org.madani.node.store.RemoteActorRepository;

/**
 * A proof that is present must hold (FEP-8b32): an activity or embedded object whose {@code proof}
 * was tampered with, has another purpose than {@code assertionMethod}, uses an unknown cryptosuite,
 * or is made with a key that is not one of the actor's own pinned signing keys is refused, rather
 * than stored with a proof that readers and relays would take as the author's word. Activities
 * without a proof are left to the HTTP signature alone. Thread-safe.
 */
final class EmbeddedProofCheck {

  private static final java.util.Set<String> SELF_AUTHORED = java.util.Set.of("Create", "Update");

  private final Database db;
  private final RemoteActorRepository repo;
  private final WorkerExecutor crypto;

  EmbeddedProofCheck(Database db, RemoteActorRepository repo, WorkerExecutor crypto) {
    this.db = db;
    this.repo = repo;
    this.crypto = crypto;
  }

  /**
   * Succeeds when no proof is present or every present proof verifies as the actor's; else a 403
   * problem.
   */
  Future<Void> check(ObjectNode activity, String actor) {
    JsonNode object = activity.get("object");
    boolean outer = activity.has("proof");
    // An embedded object is kept as it is only by Create and Update, whose object must be the
    // actor's own (InboxService checks origin and attribution): there its proof must be the
    // actor's. Other activities embed what others made (an Accept carries our own Follow, an
    // Announce someone's note); those objects are never stored as they came, but fetched again.
    boolean inner =
        SELF_AUTHORED.contains(activity.path("type").asText())
            && object instanceof ObjectNode o
            && o.has("proof");
    if (!outer && !inner) return Future.succeededFuture();
    // Only the actor's signing keys count: a recovery key signs revocations, nothing else.
    return db.tx(
            c -> repo.keysOf(c, actor).stream().filter(k -> "signing".equals(k.purpose())).toList())
        .compose(
            pinned -> crypto.executeBlocking(() -> verify(activity, actor, pinned, inner), false))
        .compose(
            refusal ->
                refusal == null
                    ? Future.<Void>succeededFuture()
                    : Future.failedFuture(
                        Problem.of(403, "proof", "Proof not accepted", refusal).exception()));
  }

  private static String verify(
      ObjectNode activity, String actor, List<RemoteActorRepository.KeyRow> pinned, boolean inner) {
    Map<String, VerificationKey> keys = new HashMap<>();
    for (var k : pinned) {
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
    Function<String, Optional<VerificationKey>> lookup = id -> Optional.ofNullable(keys.get(id));
    Function<String, Optional<KeyStatus>> statuses = KeyPins.statuses(pinned);
    if (activity.has("proof")) {
      String why = refusal("activity", ObjectProofs.verify(activity, lookup, statuses), actor);
      if (why != null) return why;
    }
    if (inner) {
      return refusal(
          "embedded object",
          ObjectProofs.verify((ObjectNode) activity.get("object"), lookup, statuses),
          actor);
    }
    return null;
  }

  private static String refusal(String what, ProofVerification v, String actor) {
    return switch (v) {
      case ProofVerification.Rejected r ->
          "The " + what + "'s proof does not hold: " + r.reason() + " (" + r.detail() + ").";
      case ProofVerification.Verified ok ->
          actor.equals(ok.ownerId())
              ? null
              : "The "
                  + what
                  + "'s proof is made with a key of "
                  + ok.ownerId()
                  + ", not of the actor.";
    };
  }
}
