package org.madani.node.federation.sig;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Base58 with the Bitcoin alphabet, as multibase {@code z} uses (draft-msporny-base58). Leading
 * zero bytes map to leading {@code 1}s. Stateless and thread-safe.
 */
public final class Base58 {

  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger RADIX = BigInteger.valueOf(58);

  private Base58() {}

  public static String encode(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) {
      zeros++;
    }
    BigInteger n = new BigInteger(1, data);
    StringBuilder out = new StringBuilder();
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(RADIX);
      out.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    out.append("1".repeat(zeros));
    return out.reverse().toString();
  }

  /**
   * @throws IllegalArgumentException on a character outside the alphabet
   */
  public static byte[] decode(String text) {
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    BigInteger n = BigInteger.ZERO;
    for (int i = 0; i < text.length(); i++) {
      int digit = ALPHABET.indexOf(text.charAt(i));
      if (digit < 0) {
        throw new IllegalArgumentException("not base58: '" + text.charAt(i) + "'");
      }
      n = n.multiply(RADIX).add(BigInteger.valueOf(digit));
    }
    byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
    if (magnitude.length > 0 && magnitude[0] == 0) {
      magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length); // sign byte of BigInteger
    }
    byte[] out = new byte[zeros + magnitude.length];
    System.arraycopy(magnitude, 0, out, zeros, magnitude.length);
    return out;
  }
}
