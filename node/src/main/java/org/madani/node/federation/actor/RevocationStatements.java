package org.madani.node.federation.actor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PublicKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import org.madani.node.federation.EmittedContexts;
import org.madani.node.federation.Origins;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.ObjectProofs;
import org.madani.node.federation.sig.ProofVerification;
import org.madani.node.federation.sig.SigningKey;
import org.madani.node.federation.sig.VerificationKey;

/**
 * Key revocation statements (protocol-spec/keys.md §4): "key K of actor A is compromised since T;
 * key R replaces it", signed with A's offline recovery key. Peers check them against the recovery
 * key they pinned, never against the (possibly stolen) signing key. Stateless and thread-safe.
 */
public final class RevocationStatements {

  public static final String TYPE = "KeyRevocation";

  private RevocationStatements() {}

  /** A verified statement. {@code replacement} is the new signing key it vouches for, if any. */
  public record Revocation(
      String actorId,
      String revokedKey,
      Instant since,
      Optional<Replacement> replacement,
      ObjectNode statement) {}

  /** The replacement key a statement names. */
  public record Replacement(String keyId, PublicKey key) {}

  /**
   * Builds and signs a statement with the recovery key (the CLI does this with the offline key
   * file).
   */
  public static ObjectNode sign(
      String actorId,
      String revokedKey,
      Instant since,
      String replacementKeyId,
      PublicKey replacement,
      SigningKey recoveryKey,
      Instant now) {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.set("@context", EmittedContexts.object());
    s.put("id", actorId + "#revocation-" + revokedKey.substring(revokedKey.indexOf('#') + 1));
    s.put("type", TYPE);
    s.put("actor", actorId);
    s.put("revokedKey", revokedKey);
    s.put("revokedSince", since.toString());
    if (replacementKeyId != null) {
      s.putObject("replacementKey")
          .put("id", replacementKeyId)
          .put("type", "Multikey")
          .put("controller", actorId)
          .put("publicKeyMultibase", Keys.toMultibase(replacement));
    }
    s.put("published", now.toString());
    return ObjectProofs.sign(s, recoveryKey, now);
  }

  /**
   * Verifies a statement of {@code actorId} against its recovery keys only. Empty when it is not a
   * statement, not by a pinned recovery key, or names keys of another actor or origin.
   *
   * @param recoveryKeys the actor's pinned, unrevoked recovery keys
   */
  public static Optional<Revocation> verify(
      JsonNode node, String actorId, Function<String, Optional<VerificationKey>> recoveryKeys) {
    if (!(node instanceof ObjectNode s)
        || !TYPE.equals(s.path("type").asText())
        || !actorId.equals(s.path("actor").asText())) {
      return Optional.empty();
    }
    // The proof purpose stays assertionMethod (what ObjectProofs checks); what makes it a recovery
    // statement is that only recovery keys are offered to resolve its verification method.
    if (!(ObjectProofs.verify(s, recoveryKeys) instanceof ProofVerification.Verified ok)
        || !actorId.equals(ok.ownerId())) {
      return Optional.empty();
    }
    String revoked = s.path("revokedKey").asText("");
    if (!Origins.sameOrigin(revoked, actorId) || !revoked.startsWith(actorId + "#"))
      return Optional.empty();
    Instant since;
    try {
      since = OffsetDateTime.parse(s.path("revokedSince").asText("")).toInstant();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    Optional<Replacement> replacement = Optional.empty();
    JsonNode r = s.get("replacementKey");
    if (r != null && r.isObject()) {
      String id = r.path("id").asText("");
      if (!id.startsWith(actorId + "#") || id.equals(revoked)) return Optional.empty();
      try {
        replacement =
            Optional.of(
                new Replacement(id, Keys.fromMultibase(r.path("publicKeyMultibase").asText())));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
    return Optional.of(new Revocation(actorId, revoked, since, replacement, s));
  }
}
