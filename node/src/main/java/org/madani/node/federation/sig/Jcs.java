package org.madani.node.federation.sig;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 JSON Canonicalization Scheme over a Jackson tree: properties sorted by UTF-16 code units
 * (§3.2.3), strings escaped as ECMAScript {@code JSON.stringify} does (only {@code "}, {@code \}
 * and controls below U+0020; everything else, Arabic and bidi marks included, stays raw UTF-8,
 * §3.2.2.2), numbers as IEEE-754 doubles printed the ECMAScript way (§3.2.2.3: {@code 1e+21},
 * {@code 0.000001}, {@code -0} as {@code 0}), no whitespace.
 *
 * <p>The tree is written by Jackson and canonicalized by the RFC author's reference implementation
 * ({@code org.erdtman.jcs}); every number therefore passes through a double, as I-JSON (RFC 7493)
 * requires, so integers beyond 2^53 lose precision exactly as they would in any other JCS
 * implementation. NaN and infinities have no JSON form and are refused.
 *
 * <p>Stateless and thread-safe.
 */
public final class Jcs {

  private Jcs() {}

  /**
   * The canonical UTF-8 bytes of {@code value}.
   *
   * @throws IllegalArgumentException if {@code value} holds a non-finite number or a lone surrogate
   */
  public static byte[] canonicalize(JsonNode value) {
    return canonicalString(value).getBytes(StandardCharsets.UTF_8);
  }

  /** The canonical form as text; see {@link #canonicalize(JsonNode)}. */
  public static String canonicalString(JsonNode value) {
    check(value);
    String text = value.toString();
    try {
      if (!value.isContainerNode()) {
        // The reference implementation takes only an object or array at the top level.
        String wrapped = new JsonCanonicalizer("[" + text + "]").getEncodedString();
        return wrapped.substring(1, wrapped.length() - 1);
      }
      return new JsonCanonicalizer(text).getEncodedString();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not canonicalizable JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Refuses what has no canonical form: a non-finite number (Jackson would write NaN as the string
   * "NaN", silently making it a different value) and a lone surrogate (I-JSON §2.1; its UTF-8 form
   * would be '?', so two documents would share a canonical form).
   */
  private static void check(JsonNode node) {
    if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
      throw new IllegalArgumentException("non-finite number has no JSON form");
    } else if (node.isTextual()) {
      checkText(node.textValue());
    } else if (node.isObject()) {
      for (var e : node.properties()) {
        checkText(e.getKey());
        check(e.getValue());
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        check(element);
      }
    }
  }

  private static void checkText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("lone surrogate in JSON text");
      }
    }
  }
}
