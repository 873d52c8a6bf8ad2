package org.madani.node.federation.sig;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.madani.node.federation.sig.Verification.Reason;
import org.madani.node.federation.sig.Verification.Rejected;
import org.madani.node.federation.sig.Verification.Verified;

/**
 * Verifies draft-cavage-http-signatures-12 signatures from a {@code Signature} field or an {@code
 * Authorization: Signature …} field, under the same {@link SignaturePolicy} and with the same
 * {@link Verification} result as {@link Rfc9421Verifier}.
 *
 * <p>Algorithms: {@code rsa-sha256} needs a key allowed {@code rsa-v1_5-sha256}. {@code hs2019} (or
 * no algorithm) takes the algorithm from the key, as §2.1.3 says: RSA keys verify as
 * RSASSA-PKCS1-v1_5 SHA-256, which is what Mastodon does, and Ed25519 keys as Ed25519. Anything
 * else is {@link Reason#ALGORITHM_MISMATCH}. Per §2.3, {@code (created)} and {@code (expires)} are
 * refused with algorithms that start with {@code rsa}, {@code hmac} or {@code ecdsa}.
 *
 * <p>Immutable and thread-safe if the resolver is.
 */
public final class CavageVerifier {

  private final KeyResolver keys;
  private final SignaturePolicy policy;

  public CavageVerifier(KeyResolver keys, SignaturePolicy policy) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  public Verification verify(HttpRequestView request) {
    String label = "signature";
    Optional<String> value = request.header("signature");
    if (value.isEmpty()) {
      Optional<String> authorization = request.header("authorization");
      if (authorization.isPresent()
          && authorization.get().regionMatches(true, 0, "Signature ", 0, 10)) {
        value = Optional.of(authorization.get().substring(10));
        label = "authorization";
      }
    }
    if (value.isEmpty()) {
      return new Rejected(
          Reason.MISSING_SIGNATURE, "no Signature or Authorization: Signature field");
    }
    CavageSignatureHeader sig;
    try {
      sig = CavageSignatureHeader.parse(value.get());
    } catch (ComponentException e) {
      return new Rejected(e.reason(), e.getMessage());
    }
    String algorithmName =
        sig.algorithm() == null ? "hs2019" : sig.algorithm().toLowerCase(Locale.ROOT);
    if ((sig.headers().contains("(created)") || sig.headers().contains("(expires)"))
        && (algorithmName.startsWith("rsa")
            || algorithmName.startsWith("hmac")
            || algorithmName.startsWith("ecdsa"))) {
      return new Rejected(
          Reason.MALFORMED, "(created)/(expires) are not allowed with " + algorithmName);
    }
    Set<String> covered = new HashSet<>(sig.headers());
    if (covered.contains(CavageSignatureHeader.REQUEST_TARGET)) {
      // (request-target) is "<method> <path>?<query>", so it binds both.
      covered.add("@method");
      covered.add("@request-target");
    }
    Optional<Rejected> coverage = PolicyCheck.coverage(policy, covered, true, request.hasBody());
    if (coverage.isPresent()) {
      return coverage.get();
    }
    String date = covered.contains("date") ? request.header("date").orElse(null) : null;
    if (covered.contains("date") && date == null) {
      return new Rejected(Reason.MISSING_COMPONENT, "covered header date is absent");
    }
    PolicyCheck.TimeResult time =
        PolicyCheck.time(
            policy,
            covered.contains("(created)") ? sig.created() : null,
            covered.contains("(expires)") || sig.expires() != null ? sig.expires() : null,
            date);
    if (time.rejection() != null) {
      return time.rejection();
    }
    Optional<VerificationKey> resolved = keys.resolve(sig.keyId());
    if (resolved.isEmpty()) {
      return new Rejected(Reason.UNKNOWN_KEY, "unknown key " + sig.keyId());
    }
    VerificationKey key = resolved.get();
    Optional<SignatureAlgorithm> algorithm = algorithmFor(algorithmName, key);
    if (algorithm.isEmpty()) {
      return new Rejected(
          Reason.ALGORITHM_MISMATCH, algorithmName + " cannot be used with key " + sig.keyId());
    }
    String signingString;
    try {
      signingString =
          CavageSignatureHeader.signingString(request, sig.headers(), sig.created(), sig.expires());
    } catch (ComponentException e) {
      return new Rejected(e.reason(), e.getMessage());
    }
    if (!key.verify(
        algorithm.get(), signingString.getBytes(StandardCharsets.UTF_8), sig.signature())) {
      return new Rejected(Reason.BAD_SIGNATURE, "signature does not verify");
    }
    if (covered.contains(Digests.DIGEST) || covered.contains(Digests.CONTENT_DIGEST)) {
      Set<String> fields = new HashSet<>(covered);
      fields.retainAll(Set.of(Digests.DIGEST, Digests.CONTENT_DIGEST));
      Digests.Outcome outcome = Digests.check(request, fields);
      if (!(outcome == Digests.Outcome.MATCH
          || (outcome == Digests.Outcome.ABSENT && !request.hasBody()))) {
        return new Rejected(
            Reason.DIGEST_MISMATCH, "covered digest does not match the body (" + outcome + ")");
      }
    }
    return new Verified(sig.keyId(), key.ownerId(), algorithm.get(), label, time.signedAt());
  }

  private static Optional<SignatureAlgorithm> algorithmFor(String name, VerificationKey key) {
    List<SignatureAlgorithm> candidates =
        switch (name) {
          case "rsa-sha256" -> List.of(SignatureAlgorithm.RSA_V1_5_SHA256);
          case "ed25519" -> List.of(SignatureAlgorithm.ED25519);
          // §2.1.3: hs2019 means "derive from the key"; Mastodon treats it as rsa-sha256 for RSA
          // keys.
          case "hs2019" -> List.of(SignatureAlgorithm.RSA_V1_5_SHA256, SignatureAlgorithm.ED25519);
          default -> List.of();
        };
    return candidates.stream().filter(key.algorithms()::contains).findFirst();
  }
}
