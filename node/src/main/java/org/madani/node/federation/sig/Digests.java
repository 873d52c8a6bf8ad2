package org.madani.node.federation.sig;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.madani.node.federation.sig.StructuredFields.ByteSequence;
import org.madani.node.federation.sig.StructuredFields.Item;
import org.madani.node.federation.sig.StructuredFields.Member;

/**
 * Body digests: the legacy {@code Digest} field (RFC 3230, {@code SHA-256=<base64>}, what Mastodon
 * sends with draft-cavage signatures) and RFC 9530 {@code Content-Digest} (a structured dictionary,
 * {@code sha-256=:<base64>:}), which RFC 9421 signatures cover instead of the body itself.
 *
 * <p>Stateless and thread-safe.
 */
public final class Digests {

  /** Field name of the legacy digest (RFC 3230). */
  public static final String DIGEST = "digest";

  /** Field name of the RFC 9530 content digest. */
  public static final String CONTENT_DIGEST = "content-digest";

  /** The outcome of checking digests against a body. */
  public enum Outcome {
    /** At least one supported digest is present and every supported one matches. */
    MATCH,
    /** No supported digest is present (unknown algorithms are ignored). */
    ABSENT,
    /** A supported digest does not match the body. */
    MISMATCH,
    /** A digest field could not be parsed. */
    MALFORMED;
  }

  private Digests() {}

  /** {@code SHA-256=<base64>}, the value of a legacy {@code Digest} field. */
  public static String digestHeader(byte[] body) {
    return "SHA-256=" + Base64.getEncoder().encodeToString(hash("SHA-256", body));
  }

  /**
   * {@code sha-256=:<base64>:} (or {@code sha-512}), the value of an RFC 9530 {@code
   * Content-Digest} field.
   */
  public static String contentDigestHeader(byte[] body, String algorithm) {
    String jdk =
        jdkName(algorithm)
            .orElseThrow(() -> new IllegalArgumentException("unsupported: " + algorithm));
    return algorithm.toLowerCase(Locale.ROOT)
        + "=:"
        + Base64.getEncoder().encodeToString(hash(jdk, body))
        + ":";
  }

  /** Checks both digest fields of {@code message} against its body. */
  public static Outcome check(HttpMessageView message) {
    return check(message, Set.of(DIGEST, CONTENT_DIGEST));
  }

  /**
   * Checks only the named digest fields ({@link #DIGEST}, {@link #CONTENT_DIGEST}). A verifier
   * passes the fields the signature covers: an uncovered digest field is attacker-controlled and
   * says nothing.
   */
  public static Outcome check(HttpMessageView message, Set<String> fields) {
    byte[] body = rawBody(message);
    boolean anySupported = false;
    if (fields.contains(CONTENT_DIGEST)) {
      Optional<String> value = message.header(CONTENT_DIGEST);
      if (value.isPresent()) {
        Map<String, Member> dict;
        try {
          dict = StructuredFieldParser.parseDictionary(value.get());
        } catch (IllegalArgumentException e) {
          return Outcome.MALFORMED;
        }
        for (Map.Entry<String, Member> entry : dict.entrySet()) {
          Optional<String> jdk = jdkName(entry.getKey());
          if (jdk.isEmpty()) {
            continue; // RFC 9530 §2: unknown algorithms are ignored
          }
          if (!(entry.getValue() instanceof Item item)
              || !(item.value() instanceof ByteSequence bytes)) {
            return Outcome.MALFORMED;
          }
          anySupported = true;
          if (!MessageDigest.isEqual(hash(jdk.get(), body), bytes.bytes())) {
            return Outcome.MISMATCH;
          }
        }
      }
    }
    if (fields.contains(DIGEST)) {
      Optional<String> value = message.header(DIGEST);
      if (value.isPresent()) {
        // RFC 3230 §4.3.2: comma-separated instance digests, algorithm names case-insensitive.
        for (String part : value.get().split(",")) {
          String entry = part.strip();
          int eq = entry.indexOf('=');
          if (eq <= 0) {
            return Outcome.MALFORMED;
          }
          Optional<String> jdk = jdkName(entry.substring(0, eq));
          if (jdk.isEmpty()) {
            continue;
          }
          byte[] expected;
          try {
            expected = Base64.getDecoder().decode(entry.substring(eq + 1).strip());
          } catch (IllegalArgumentException e) {
            return Outcome.MALFORMED;
          }
          anySupported = true;
          if (!MessageDigest.isEqual(hash(jdk.get(), body), expected)) {
            return Outcome.MISMATCH;
          }
        }
      }
    }
    return anySupported ? Outcome.MATCH : Outcome.ABSENT;
  }

  /**
   * Whether the body is vouched for: every present supported digest matches and at least one is
   * present; a message with an empty body needs none.
   */
  public static boolean matches(HttpMessageView message) {
    Outcome outcome = check(message);
    return outcome == Outcome.MATCH || (outcome == Outcome.ABSENT && !message.hasBody());
  }

  static byte[] rawBody(HttpMessageView message) {
    return switch (message) {
      case HttpRequestView r -> r.bodyBytes();
      case HttpResponseView r -> r.bodyBytes();
    };
  }

  private static Optional<String> jdkName(String algorithm) {
    return switch (algorithm.strip().toLowerCase(Locale.ROOT)) {
      case "sha-256" -> Optional.of("SHA-256");
      case "sha-512" -> Optional.of("SHA-512");
      default -> Optional.empty();
    };
  }

  private static byte[] hash(String jdkName, byte[] body) {
    try {
      return MessageDigest.getInstance(jdkName).digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks " + jdkName, e);
    }
  }
}
