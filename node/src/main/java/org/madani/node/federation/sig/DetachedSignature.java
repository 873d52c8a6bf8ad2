package org.madani.node.federation.sig;

/**
 * Signatures over a document's bytes, carried beside it rather than in HTTP headers (for example a
 * signed trust list over its JCS form). Stateless and thread-safe.
 */
public final class DetachedSignature {
  private DetachedSignature() {}

  /**
   * Whether {@code signature} over {@code data} verifies with {@code key} under {@code algorithm}.
   */
  public static boolean verify(
      VerificationKey key, SignatureAlgorithm algorithm, byte[] data, byte[] signature) {
    return key.verify(algorithm, data, signature);
  }
}
