package org.madani.node.spaces;

/**
 * A space ciphertext, wrapped key or signature that does not hold; the message names the check,
 * never a key.
 */
public final class SpaceCryptoException extends RuntimeException {
  public SpaceCryptoException(String message) {
    super(message);
  }
}
