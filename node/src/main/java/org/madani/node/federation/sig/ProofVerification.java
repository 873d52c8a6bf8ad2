package org.madani.node.federation.sig;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of verifying an object integrity proof (FEP-8b32): {@link Verified} or {@link
 * Rejected} with a {@link Reason}. The detail of a rejection is safe to log and to show the peer.
 */
public sealed interface ProofVerification {

  /** Why a proof was refused, in the order {@link ObjectProofs#verify} checks. */
  enum Reason {
    /** The document has no {@code proof}. */
    MISSING_PROOF,
    /**
     * The proof is not an object, lacks a member, or has an unreadable {@code created} or {@code
     * proofValue}.
     */
    MALFORMED,
    /** Not a {@code DataIntegrityProof} with {@code eddsa-jcs-2022}, or the key is not Ed25519. */
    UNSUPPORTED_SUITE,
    /** {@code proofPurpose} is not {@code assertionMethod} (FEP-8b32 requires it). */
    WRONG_PURPOSE,
    /** The verification method did not resolve to a key. */
    UNKNOWN_KEY,
    /** The signature does not cover this document and this proof configuration. */
    BAD_SIGNATURE,
    /**
     * A valid signature, but the key's owner is not of the origin of the object's id, actor or
     * attributedTo.
     */
    ORIGIN_MISMATCH,
    /** The proof's {@code created} is at or after the key's revocation. */
    KEY_REVOKED,
    /** The proof's {@code created} is before the key became valid. */
    KEY_NOT_YET_VALID
  }

  /** Whether this is {@link Verified}. */
  default boolean isVerified() {
    return this instanceof Verified;
  }

  /**
   * A proof that verified.
   *
   * @param keyId the verification method that verified
   * @param ownerId the key's owner (an actor id), which shares the origin of the object
   * @param created the proof's {@code created} time
   */
  record Verified(String keyId, String ownerId, Instant created) implements ProofVerification {
    public Verified {
      Objects.requireNonNull(keyId);
      Objects.requireNonNull(ownerId);
      Objects.requireNonNull(created);
    }
  }

  /**
   * A refused proof.
   *
   * @param reason the named reason
   * @param detail a short explanation, safe to show
   */
  record Rejected(Reason reason, String detail) implements ProofVerification {
    public Rejected {
      Objects.requireNonNull(reason);
      Objects.requireNonNull(detail);
    }
  }
}
