package org.madani.node.federation.sig;

import java.security.Key;
import java.security.PrivateKey;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A key a verifier may check signatures with: the public key (or HMAC secret), the algorithms it
 * may be used with, and who owns it. Restricting algorithms per key blocks algorithm substitution
 * (RFC 9421 §3.2 step 6, §7.3.6): a signature naming another algorithm is rejected, never retried.
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows secret material.
 *
 * @param keyId the key id as it appears in signatures
 * @param ownerId the owner (for federation, the actor id that published the key)
 * @param key a public key, or a secret key for HMAC
 * @param algorithms the algorithms this key may verify; when a signature names none they are tried
 *     in declaration order
 */
public record VerificationKey(
    String keyId, String ownerId, Key key, Set<SignatureAlgorithm> algorithms) {

  public VerificationKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(key, "key");
    if (key instanceof PrivateKey) {
      throw new IllegalArgumentException("a verification key must not be private");
    }
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("no algorithms for " + keyId);
    }
    for (SignatureAlgorithm algorithm : algorithms) {
      if (!algorithm.accepts(key)) {
        throw new IllegalArgumentException(
            algorithm.wireName() + " cannot use a " + key.getAlgorithm() + " key");
      }
    }
    algorithms = Collections.unmodifiableSet(EnumSet.copyOf(algorithms));
  }

  /** A key usable with exactly one algorithm. */
  public static VerificationKey of(
      String keyId, String ownerId, Key key, SignatureAlgorithm algorithm) {
    return new VerificationKey(keyId, ownerId, key, EnumSet.of(algorithm));
  }

  boolean verify(SignatureAlgorithm algorithm, byte[] data, byte[] signature) {
    return algorithms.contains(algorithm) && algorithm.verify(key, data, signature);
  }

  @Override
  public String toString() {
    return "VerificationKey[keyId="
        + keyId
        + ", ownerId="
        + ownerId
        + ", key="
        + key.getAlgorithm()
        + ", algorithms="
        + algorithms
        + "]";
  }
}
