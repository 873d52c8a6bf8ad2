package org.madani.node.federation.sig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.madani.node.federation.sig.ProofVerification.Reason;
import org.madani.node.federation.sig.ProofVerification.Rejected;
import org.madani.node.federation.sig.ProofVerification.Verified;

/**
 * FEP-8b32 object integrity proofs: W3C Data Integrity {@code DataIntegrityProof} with the {@code
 * eddsa-jcs-2022} cryptosuite, signed by an actor's Ed25519 key (FEP-521a Multikey), checked
 * against the FEP-fe34 origin rule. A proof travels inside the object, so a copy relayed by any
 * node verifies without contacting the origin, given the key (protocol-spec/integrity.md).
 *
 * <p>What a proof covers: the whole JSON document except its own top-level {@code proof} member,
 * canonicalized with JCS, plus the proof's configuration (everything in the proof but {@code
 * proofValue}). An activity's proof therefore covers an embedded object byte for byte, including
 * the embedded object's own proof; the embedded proof covers only the embedded object.
 *
 * <p>Stateless and thread-safe. The key lookups passed to {@code verify} are called on the caller's
 * thread; a blocking lookup must not run on an event loop.
 */
public final class ObjectProofs {

  /**
   * The Data Integrity v2 context, which defines {@code proof} and its terms for JSON-LD
   * processors.
   */
  public static final String DATA_INTEGRITY_CONTEXT = "https://w3id.org/security/data-integrity/v1";

  public static final String PROOF_TYPE = EddsaJcs2022.PROOF_TYPE;
  public static final String CRYPTOSUITE = EddsaJcs2022.CRYPTOSUITE;

  /** FEP-8b32: the only purpose an object proof may have. */
  public static final String ASSERTION_METHOD = "assertionMethod";

  private static final int SIGNATURE_SIZE = 64;

  private ObjectProofs() {}

  /**
   * A copy of {@code document} with an added proof by {@code key}.
   *
   * <p>When the document has an {@code @context} without {@value #DATA_INTEGRITY_CONTEXT}, that
   * context is appended (so JSON-LD processors know {@code proof}); the proof then carries the
   * document's full {@code @context}, as eddsa-jcs-2022 §3.3.1 step 2 and the FEP-8b32 examples do.
   * A document without {@code @context} (an object embedded in an activity, say) is signed as it is
   * and its proof has none. If the document already has proofs, the new one joins them as a proof
   * set (Data Integrity §2.1.2); each proof covers the document without any proof. An LD {@code
   * signature} object is dropped: adding a proof would invalidate it anyway.
   *
   * @param created the proof time; truncated to whole seconds, the form other implementations parse
   * @throws IllegalArgumentException if {@code key} is not Ed25519
   */
  public static ObjectNode sign(ObjectNode document, SigningKey key, Instant created) {
    Objects.requireNonNull(created, "created");
    ObjectNode unsecured = unsecured(document);
    if (unsecured.has("@context")) {
      unsecured.set("@context", withDataIntegrity(unsecured.get("@context")));
    }
    ObjectNode options = JsonNodeFactory.instance.objectNode();
    options.put("type", PROOF_TYPE);
    options.put("cryptosuite", CRYPTOSUITE);
    options.put("verificationMethod", key.keyId());
    options.put("proofPurpose", ASSERTION_METHOD);
    options.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
    ObjectNode proof = EddsaJcs2022.createProof(unsecured, options, key);

    // unsecured is this method's own copy: the signed document may share its members.
    ObjectNode secured = shallowCopy(unsecured);
    JsonNode existing = document.get("proof");
    if (existing == null) {
      secured.set("proof", proof);
    } else {
      ArrayNode set = secured.putArray("proof");
      if (existing.isArray()) {
        existing.forEach(p -> set.add(p.deepCopy()));
      } else {
        set.add(existing.deepCopy());
      }
      set.add(proof);
    }
    return secured;
  }

  /**
   * A copy of {@code document} without its {@code proof} member and without a Mastodon-style Linked
   * Data {@code signature} object: what a proof covers (modulo contexts appended later). FEP-8b32
   * §"Backward compatibility": an LD signature is made after the proof and removed before verifying
   * it.
   */
  public static ObjectNode unsecured(ObjectNode document) {
    ObjectNode copy = document.deepCopy();
    copy.remove("proof");
    if (copy.get("signature") instanceof ObjectNode) {
      copy.remove("signature");
    }
    return copy;
  }

  /** A new object with the same members (not copies of them). */
  static ObjectNode shallowCopy(ObjectNode document) {
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    copy.setAll(document);
    return copy;
  }

  /** {@link #verify(ObjectNode, Function, Function)} without key validity bounds. */
  public static ProofVerification verify(
      ObjectNode document, Function<String, Optional<VerificationKey>> keys) {
    return verify(document, keys, keyId -> Optional.empty());
  }

  /**
   * Verifies the document's proof, or its proof set (verified when one proof verifies).
   *
   * <p>Per proof, in this order: shape ({@code MALFORMED}); type and cryptosuite ({@code
   * UNSUPPORTED_SUITE}); purpose ({@code WRONG_PURPOSE}); key lookup ({@code UNKNOWN_KEY}, or
   * {@code UNSUPPORTED_SUITE} for a key that is not Ed25519); signature over this exact document
   * and proof configuration ({@code BAD_SIGNATURE}; a changed character anywhere lands here);
   * origin ({@code ORIGIN_MISMATCH}); key validity at {@code created} ({@code KEY_REVOKED}, {@code
   * KEY_NOT_YET_VALID}). When no proof verifies, the answer is the first rejection that is not
   * merely "cannot check" (unknown key, unsupported suite), since FEP-8b32 lets a verifier skip
   * such proofs.
   *
   * @param keys resolves a verification method id to a key and its owner (the actor id)
   * @param statuses resolves a verification method id to its validity bounds; empty means unbounded
   */
  public static ProofVerification verify(
      ObjectNode document,
      Function<String, Optional<VerificationKey>> keys,
      Function<String, Optional<KeyStatus>> statuses) {
    JsonNode proofs = document.get("proof");
    if (proofs == null || proofs.isNull() || (proofs.isArray() && proofs.isEmpty())) {
      return new Rejected(Reason.MISSING_PROOF, "no proof");
    }
    // Verifying changes nothing, so the members are shared rather than copied: a deep copy of a
    // page of log items cost about as much as canonicalizing them (issue 13).
    ObjectNode unsecured = shallowCopy(document);
    unsecured.remove("proof");
    if (unsecured.get("signature") instanceof ObjectNode) {
      unsecured.remove("signature");
    }
    if (!proofs.isArray()) {
      return verifyOne(unsecured, proofs, keys, statuses);
    }
    List<Rejected> rejections = new ArrayList<>();
    for (JsonNode proof : proofs) {
      ProofVerification result = verifyOne(unsecured, proof, keys, statuses);
      if (result instanceof Rejected r) {
        rejections.add(r);
      } else {
        return result;
      }
    }
    return rejections.stream()
        .filter(r -> r.reason() != Reason.UNKNOWN_KEY && r.reason() != Reason.UNSUPPORTED_SUITE)
        .findFirst()
        .orElse(rejections.get(0));
  }

  /**
   * Verifies an activity's proof and, independently, the proof of the object it embeds. The
   * activity's proof covers the embedded object including that object's proof; the object's proof
   * covers the object alone, so the object stays verifiable when relayed or stored without the
   * activity. Callers still check that the object belongs with the activity (for a Create, that its
   * {@code attributedTo} is the activity's {@code actor}).
   */
  public static ActivityVerification verifyWithEmbedded(
      ObjectNode activity,
      Function<String, Optional<VerificationKey>> keys,
      Function<String, Optional<KeyStatus>> statuses) {
    ProofVerification outer = verify(activity, keys, statuses);
    JsonNode object = activity.get("object");
    Optional<ProofVerification> inner =
        object instanceof ObjectNode o && o.has("proof")
            ? Optional.of(verify(o, keys, statuses))
            : Optional.empty();
    return new ActivityVerification(outer, inner);
  }

  private static ProofVerification verifyOne(
      ObjectNode unsecured,
      JsonNode node,
      Function<String, Optional<VerificationKey>> keys,
      Function<String, Optional<KeyStatus>> statuses) {
    if (!(node instanceof ObjectNode proof)) {
      return new Rejected(Reason.MALFORMED, "proof is not an object");
    }
    if (!PROOF_TYPE.equals(text(proof, "type"))
        || !CRYPTOSUITE.equals(text(proof, "cryptosuite"))) {
      return new Rejected(
          Reason.UNSUPPORTED_SUITE,
          "unsupported proof " + text(proof, "type") + "/" + text(proof, "cryptosuite"));
    }
    if (!ASSERTION_METHOD.equals(text(proof, "proofPurpose"))) {
      return new Rejected(Reason.WRONG_PURPOSE, "proofPurpose must be assertionMethod");
    }
    String keyId = text(proof, "verificationMethod");
    String value = text(proof, "proofValue");
    String createdText = text(proof, "created");
    if (keyId == null || keyId.isEmpty() || value == null || createdText == null) {
      return new Rejected(
          Reason.MALFORMED, "proof lacks verificationMethod, proofValue or created");
    }
    if (proof.has("previousProof")) {
      // Proof chains sign other proofs too (Data Integrity §2.1.2); FEP-8b32 has no use for them.
      return new Rejected(Reason.MALFORMED, "proof chains (previousProof) are not supported");
    }
    Instant created;
    try {
      created = OffsetDateTime.parse(createdText).toInstant();
    } catch (DateTimeParseException e) {
      return new Rejected(Reason.MALFORMED, "created is not a date-time with offset");
    }
    byte[] signature = decodeProofValue(value);
    if (signature == null) {
      return new Rejected(
          Reason.MALFORMED, "proofValue is not a base58btc multibase Ed25519 signature");
    }
    Optional<VerificationKey> found = keys.apply(keyId);
    if (found.isEmpty()) {
      return new Rejected(Reason.UNKNOWN_KEY, "unknown key " + keyId);
    }
    VerificationKey key = found.get();
    if (!key.algorithms().contains(SignatureAlgorithm.ED25519)) {
      return new Rejected(Reason.UNSUPPORTED_SUITE, "key " + keyId + " is not an Ed25519 key");
    }
    boolean valid;
    try {
      valid = EddsaJcs2022.verifyProof(unsecured, proof, key, signature);
    } catch (
        IllegalArgumentException e) { // not canonicalizable: a lone surrogate, a non-finite number
      return new Rejected(Reason.MALFORMED, "document is not canonicalizable JSON");
    }
    if (!valid) {
      return new Rejected(Reason.BAD_SIGNATURE, "signature does not match the document");
    }
    Optional<String> mismatch = originMismatch(unsecured, key);
    if (mismatch.isPresent()) {
      return new Rejected(Reason.ORIGIN_MISMATCH, mismatch.get());
    }
    Optional<KeyStatus> status = statuses.apply(keyId);
    if (status.isPresent()) {
      if (status.get().revokedAt().filter(revoked -> !created.isBefore(revoked)).isPresent()) {
        return new Rejected(
            Reason.KEY_REVOKED, "proof created after key " + keyId + " was revoked");
      }
      if (status.get().validFrom().filter(created::isBefore).isPresent()) {
        return new Rejected(
            Reason.KEY_NOT_YET_VALID, "proof created before key " + keyId + " was valid");
      }
    }
    return new Verified(keyId, key.ownerId(), created);
  }

  /**
   * FEP-fe34 origin rule, as FEP-8b32 applies it: the key's owner must be of the origin of the
   * object's {@code id}, its {@code actor} and its {@code attributedTo}, whichever are present (at
   * least one must be), and an HTTP key id must be of that origin too. Without it, any node could
   * sign objects in another node's name with its own valid key.
   */
  private static Optional<String> originMismatch(ObjectNode document, VerificationKey key) {
    Optional<String> owner = origin(key.ownerId());
    if (owner.isEmpty()) {
      return Optional.of("key owner " + key.ownerId() + " has no https origin");
    }
    if (isHttp(key.keyId()) && !owner.equals(origin(key.keyId()))) {
      return Optional.of("key " + key.keyId() + " is not of its owner's origin");
    }
    List<String> subjects = new ArrayList<>();
    addIds(subjects, document.get("id"));
    addIds(subjects, document.get("actor"));
    addIds(subjects, document.get("attributedTo"));
    if (subjects.isEmpty()) {
      return Optional.of("object has no id, actor or attributedTo to bind the key to");
    }
    for (String subject : subjects) {
      if (!owner.equals(origin(subject))) {
        return Optional.of(subject + " is not of the origin of key owner " + key.ownerId());
      }
    }
    return Optional.empty();
  }

  private static void addIds(List<String> out, JsonNode node) {
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isArray()) {
      node.forEach(n -> addIds(out, n));
    } else if (node.isObject()) {
      out.add(node.path("id").asText(""));
    } else {
      out.add(node.asText());
    }
  }

  private static boolean isHttp(String uri) {
    String lower = uri.toLowerCase(Locale.ROOT);
    return lower.startsWith("https:") || lower.startsWith("http:");
  }

  /**
   * scheme://host[:port], lower-cased, default port dropped; empty for anything but absolute
   * http(s).
   */
  static Optional<String> origin(String uri) {
    try {
      URI u = new URI(uri);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null) {
        return Optional.empty();
      }
      int port = u.getPort();
      boolean defaultPort =
          port == -1
              || (scheme.equals("https") && port == 443)
              || (scheme.equals("http") && port == 80);
      return Optional.of(
          scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static JsonNode withDataIntegrity(JsonNode context) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    if (context.isArray()) {
      context.forEach(c -> out.add(c.deepCopy()));
    } else {
      out.add(context.deepCopy());
    }
    for (JsonNode c : out) {
      if (DATA_INTEGRITY_CONTEXT.equals(c.asText(null))) {
        return context.deepCopy();
      }
    }
    out.add(DATA_INTEGRITY_CONTEXT);
    return out;
  }

  private static byte[] decodeProofValue(String value) {
    if (value.length() < 2 || value.charAt(0) != 'z') {
      return null;
    }
    try {
      byte[] bytes = Base58.decode(value.substring(1));
      return bytes.length == SIGNATURE_SIZE ? bytes : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String text(ObjectNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }
}
