package org.madani.node.federation.sig;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;

/**
 * RFC 8785 JSON Canonicalization Scheme over a Jackson tree: properties sorted by UTF-16 code units
 * (§3.2.3), strings escaped as ECMAScript {@code JSON.stringify} does (only {@code "}, {@code \}
 * and controls below U+0020; everything else, Arabic and bidi marks included, stays raw UTF-8,
 * §3.2.2.2), numbers as IEEE-754 doubles printed the ECMAScript way (§3.2.2.3: {@code 1e+21},
 * {@code 0.000001}, {@code -0} as {@code 0}), no whitespace.
 *
 * <p>The tree is written directly in canonical form; numbers are printed by the RFC author's
 * reference implementation ({@code org.erdtman.jcs.NumberToJSON}). Every number therefore passes
 * through a double, as I-JSON (RFC 7493) requires, so integers beyond 2^53 lose precision exactly
 * as they would in any other JCS implementation. NaN and infinities have no JSON form and are
 * refused. (The reference implementation's own entry point takes JSON text: writing the tree out
 * and parsing it again cost more than the canonical form itself, and every proof signed or verified
 * pays it, issue 13; JcsVectorTest checks both give the same bytes.)
 *
 * <p>Thread-safe; keeps only the canonical forms of the last few {@code @context}s per thread
 * ({@link RecentContexts}).
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
    // One pass: what has no canonical form (a non-finite number, a lone surrogate) is refused
    // where it is written.
    StringBuilder out = new StringBuilder(2048);
    try {
      write(value, out);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not canonicalizable JSON: " + e.getMessage(), e);
    }
    return out.toString();
  }

  /**
   * The canonical form as the reference implementation computes it, from the tree written out as
   * text (for tests that compare the two).
   */
  static String referenceString(JsonNode value) {
    canonicalString(value); // refuses what has no canonical form, as above
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
   * The canonical UTF-8 bytes of each of {@code documents}, where a {@code @context} member that is
   * the very same node in several of them is canonicalized once. An eddsa-jcs-2022 proof hashes its
   * configuration and its document, which carry the same context (about 4 KB for Madani's
   * documents, most of what there is to canonicalize).
   */
  static byte[][] canonicalizeSharingContext(JsonNode... documents) {
    // Also across calls: the items of a log page, or a burst of activities, all carry the same
    // context, and comparing it with the last one costs a fraction of canonicalizing it again.
    JsonNode shared = null;
    String canonical = null;
    byte[][] out = new byte[documents.length][];
    for (int d = 0; d < documents.length; d++) {
      JsonNode context = documents[d].isObject() ? documents[d].get("@context") : null;
      if (context != null && context != shared) {
        shared = context;
        canonical = CONTEXTS.of(context);
      }
      StringBuilder text = new StringBuilder(2048);
      try {
        if (context == null) {
          write(documents[d], text);
        } else {
          writeObject(documents[d], text, canonical);
        }
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("not canonicalizable JSON: " + e.getMessage(), e);
      }
      out[d] = text.toString().getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  /** The canonical forms of the last {@code @context}s canonicalized, per thread. */
  private static final RecentContexts<String> CONTEXTS =
      new RecentContexts<>(Jcs::canonicalString, String::length);

  private static void write(JsonNode node, StringBuilder out) throws IOException {
    if (node.isObject()) {
      writeObject(node, out, null);
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) out.append(',');
        write(node.get(i), out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      string(node.textValue(), out);
    } else if (node.isNumber()) {
      // A float is written by Jackson as its shortest decimal, which the reference then reads as
      // a double: do the same rather than widen its binary value.
      double d =
          node.isFloat()
              ? Double.parseDouble(Float.toString(node.floatValue()))
              : node.doubleValue();
      if (!Double.isFinite(d)) {
        // Jackson would write NaN as the string "NaN", silently making it a different value.
        throw new IllegalArgumentException("non-finite number has no JSON form");
      }
      out.append(NumberToJSON.serializeNumber(d));
    } else if (node.isBinary()) {
      string(node.asText(), out); // base64, as Jackson writes it
    } else if (node.isBoolean()) {
      out.append(node.booleanValue() ? "true" : "false");
    } else if (node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else {
      throw new IllegalArgumentException("no JSON form for " + node.getNodeType());
    }
  }

  /** An object; its {@code @context} member as {@code canonicalContext} when that is given. */
  private static void writeObject(JsonNode node, StringBuilder out, String canonicalContext)
      throws IOException {
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.size());
    for (var e : node.properties()) fields.add(e);
    // §3.2.3: by the UTF-16 code units of the names, which is what String.compareTo compares.
    fields.sort(Map.Entry.comparingByKey());
    out.append('{');
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) out.append(',');
      String name = fields.get(i).getKey();
      string(name, out);
      out.append(':');
      if (canonicalContext != null && name.equals("@context")) {
        out.append(canonicalContext);
      } else {
        write(fields.get(i).getValue(), out);
      }
    }
    out.append('}');
  }

  /**
   * §3.2.2.2: as ECMAScript's JSON.stringify writes a string. Runs of characters that need no
   * escape (nearly all of them) are copied at once. A lone surrogate is refused (I-JSON §2.1: its
   * UTF-8 form would be '?', so two documents would share a canonical form).
   */
  private static void string(String s, StringBuilder out) {
    out.append('"');
    int n = s.length();
    int run = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
        continue;
      }
      if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("lone surrogate in JSON text");
      }
      out.append(s, run, i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
      run = i + 1;
    }
    out.append(s, run, n);
    out.append('"');
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();
}
