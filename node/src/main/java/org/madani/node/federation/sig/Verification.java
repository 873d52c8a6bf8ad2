package org.madani.node.federation.sig;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of verifying a signed message: {@link Verified} or {@link Rejected} with a {@link
 * Reason}. Callers switch over it; the detail of a rejection is safe to log and to show the peer
 * (it never contains key material).
 */
public sealed interface Verification {

  /** Why a message was rejected. */
  enum Reason {
    /** No signature fields at all. */
    MISSING_SIGNATURE,
    /** A signature field or parameter could not be parsed. */
    MALFORMED,
    /** The key id did not resolve. */
    UNKNOWN_KEY,
    /** The cryptographic check failed. */
    BAD_SIGNATURE,
    /** The signature's {@code expires} has passed. */
    EXPIRED,
    /** The signature's time ({@code date} or {@code created}) is outside the accepted window. */
    CLOCK_SKEW,
    /**
     * A component the policy requires is not covered, or a covered one is absent from the message.
     */
    MISSING_COMPONENT,
    /** A covered digest does not match the body, or a body has no usable digest. */
    DIGEST_MISMATCH,
    /** The signature names an algorithm the key may not be used with, or one we do not support. */
    ALGORITHM_MISMATCH
  }

  /** Whether this is {@link Verified}. */
  default boolean isVerified() {
    return this instanceof Verified;
  }

  /**
   * A signature that verified under the policy.
   *
   * @param keyId the key id that verified
   * @param ownerId the key's owner, to compare with the activity's actor
   * @param algorithm the algorithm used
   * @param label the RFC 9421 signature label, or for draft-cavage the field it came in ({@code
   *     signature} or {@code authorization})
   * @param createdAt the signature time ({@code created}, else the covered {@code date})
   */
  record Verified(
      String keyId, String ownerId, SignatureAlgorithm algorithm, String label, Instant createdAt)
      implements Verification {
    public Verified {
      Objects.requireNonNull(keyId);
      Objects.requireNonNull(ownerId);
      Objects.requireNonNull(algorithm);
      Objects.requireNonNull(label);
      Objects.requireNonNull(createdAt);
    }
  }

  /**
   * A rejected message.
   *
   * @param reason the named reason
   * @param detail a short explanation, safe to show
   */
  record Rejected(Reason reason, String detail) implements Verification {
    public Rejected {
      Objects.requireNonNull(reason);
      Objects.requireNonNull(detail);
    }
  }
}
