package org.madani.node.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}), with OWASP's recommended minimum parameters.
 * Parameters are read back from each stored hash, so they can be raised later without invalidating
 * old hashes. Thread-safe. Blocking (tens of milliseconds): call off the event loop. Not final:
 * tests stand in a hasher that shows where verification runs.
 */
public class PasswordHasher {

  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  private final SecureRandom random = new SecureRandom();

  public String hash(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] out = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p="
        + PARALLELISM
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(out);
  }

  /**
   * Constant-time check of {@code password} against an encoded hash; false on any malformed hash.
   */
  public boolean verify(char[] password, String encoded) {
    try {
      String[] parts = encoded.split("\\$");
      // ["", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash]
      if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2]))
        return false;
      int m = 0, t = 0, p = 0;
      for (String kv : parts[3].split(",")) {
        String[] pair = kv.split("=");
        int v = Integer.parseInt(pair[1]);
        switch (pair[0]) {
          case "m" -> m = v;
          case "t" -> t = v;
          case "p" -> p = v;
          default -> {
            return false;
          }
        }
      }
      Base64.Decoder b64 = Base64.getDecoder();
      byte[] salt = b64.decode(parts[4]);
      byte[] expected = b64.decode(parts[5]);
      byte[] actual = derive(password, salt, m, t, p, expected.length);
      return MessageDigest.isEqual(expected, actual);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static byte[] derive(char[] password, byte[] salt, int m, int t, int p, int len) {
    Argon2BytesGenerator gen = new Argon2BytesGenerator();
    gen.init(
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(m)
            .withIterations(t)
            .withParallelism(p)
            .withSalt(salt)
            .build());
    byte[] out = new byte[len];
    gen.generateBytes(new String(password).getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
