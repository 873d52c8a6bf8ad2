package org.madani.node.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer tokens for the admin API: 32 random bytes, shown once, stored only as SHA-256. The {@code
 * mdn_} prefix lets secret scanners recognise a leaked token. Thread-safe.
 */
public final class ApiTokens {

  public static final String PREFIX = "mdn_";
  private final SecureRandom random = new SecureRandom();

  public String newToken() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  public static String hash(String token) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
