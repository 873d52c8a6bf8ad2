package org.madani.node.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.madani.node.model.Problem;

/**
 * Refuses text that is not well-formed UTF-8 (RFC 3629), before anything is verified or stored. A
 * lenient decoder turns an overlong form ({@code C0 AF}) or an encoded surrogate ({@code ED A0 80})
 * into U+FFFD, so what a signature or proof covered would not be what is kept; a byte order mark
 * means another encoding (RFC 8259 §8.1 forbids one on the wire), and Jackson would read a UTF-16
 * body that the rest of the node then mis-decodes. Stateless.
 */
public final class StrictUtf8 {
  private StrictUtf8() {}

  /** The body decoded, or a 400 problem naming what is wrong with it. */
  public static String decode(byte[] body) {
    if (body.length >= 2
        && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
            || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE))) {
      throw malformed("The body starts with a UTF-16 byte order mark; send UTF-8 without one.");
    }
    if (body.length >= 3
        && body[0] == (byte) 0xEF
        && body[1] == (byte) 0xBB
        && body[2] == (byte) 0xBF) {
      throw malformed("The body starts with a byte order mark; send UTF-8 without one.");
    }
    // The JDK's own decoding copies ASCII bytes straight into the string, where a decoder fills a
    // char buffer first (twice the body's size, then compressed again). It turns every malformed
    // sequence (overlong form, encoded surrogate, broken sequence) into U+FFFD: text without one is
    // well-formed as it is, and only text with one (sent, or put there) is decoded strictly.
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') >= 0) text = strictly(body);
    if (text.indexOf('\0') >= 0) {
      throw malformed("The body contains NUL characters; UTF-16 or UTF-32 is not accepted.");
    }
    return text;
  }

  private static String strictly(byte[] body) {
    CharBuffer chars;
    try {
      chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      throw malformed(
          "The body is not well-formed UTF-8 (overlong form, encoded surrogate or broken sequence).");
    }
    return chars.toString();
  }

  /**
   * Whether {@code s} holds a surrogate that is not half of a pair (as a JSON {@code \\uD800}
   * escape can).
   */
  public static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return true;
      }
      if (Character.isLowSurrogate(c)) return true;
    }
    return false;
  }

  /**
   * Whether the JSON text {@code json} may hold a {@code \\uD800}–{@code \\uDFFF} escape: the only
   * way a lone surrogate gets into what a parser reads from well-formed text. Errs on the side of
   * yes (an escaped backslash followed by such letters counts too).
   */
  public static boolean mayEscapeSurrogate(String json) {
    for (int i = json.indexOf('\\'); i >= 0; i = json.indexOf('\\', i + 1)) {
      if (i + 3 < json.length()
          && json.charAt(i + 1) == 'u'
          && (json.charAt(i + 2) | 0x20) == 'd'
          && "89abcdefABCDEF".indexOf(json.charAt(i + 3)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static RuntimeException malformed(String detail) {
    return Problem.of(400, "malformed-text", "Malformed text", detail).exception();
  }
}
