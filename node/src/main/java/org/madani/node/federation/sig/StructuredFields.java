package org.madani.node.federation.sig;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The RFC 8941 structured-field values RFC 9421 needs, and their serialization (RFC 8941 §4.1).
 *
 * <p>Bare item values are {@link Long} (Integer), {@link BigDecimal} (Decimal), {@link String},
 * {@link Token}, {@link ByteSequence} and {@link Boolean}. Dictionaries are ordered maps from key
 * to {@link Member}. All types are immutable and thread-safe; parsing lives in {@link
 * StructuredFieldParser}.
 */
public final class StructuredFields {

  private StructuredFields() {}

  /** A dictionary or list member: an {@link Item} or an {@link InnerList}. */
  public sealed interface Member permits Item, InnerList {
    Parameters params();
  }

  /** A token (RFC 8941 §3.3.4), kept apart from strings because they serialize differently. */
  public record Token(String value) {
    public Token {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A byte sequence (RFC 8941 §3.3.5). */
  public record ByteSequence(byte[] bytes) {
    public ByteSequence {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ByteSequence other && java.util.Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return ":" + Base64.getEncoder().encodeToString(bytes) + ":";
    }
  }

  /** Ordered parameters (RFC 8941 §3.1.2); a key without value holds {@code Boolean.TRUE}. */
  public record Parameters(Map<String, Object> values) {
    public static final Parameters EMPTY = new Parameters(Map.of());

    public Parameters {
      Map<String, Object> copy = new LinkedHashMap<>();
      values.forEach((k, v) -> copy.put(k, checkBare(v)));
      values = Collections.unmodifiableMap(copy);
    }

    /** Parameters from alternating key, value arguments, in order. */
    public static Parameters of(Object... keyValues) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < keyValues.length; i += 2) {
        map.put((String) keyValues[i], keyValues[i + 1]);
      }
      return new Parameters(map);
    }

    public Optional<Object> get(String key) {
      return Optional.ofNullable(values.get(key));
    }

    public boolean isEmpty() {
      return values.isEmpty();
    }
  }

  /** An item: a bare value with parameters. */
  public record Item(Object value, Parameters params) implements Member {
    public Item {
      value = checkBare(value);
      params = params == null ? Parameters.EMPTY : params;
    }

    public static Item of(Object value) {
      return new Item(value, Parameters.EMPTY);
    }
  }

  /** An inner list (RFC 8941 §3.1.1): items in parentheses, with parameters of its own. */
  public record InnerList(List<Item> items, Parameters params) implements Member {
    public InnerList {
      items = List.copyOf(items);
      params = params == null ? Parameters.EMPTY : params;
    }
  }

  private static Object checkBare(Object v) {
    if (v instanceof Integer i) {
      v = i.longValue();
    }
    if (!(v instanceof Long
        || v instanceof BigDecimal
        || v instanceof String
        || v instanceof Token
        || v instanceof ByteSequence
        || v instanceof Boolean)) {
      throw new IllegalArgumentException("not a structured-field bare item: " + v);
    }
    return v;
  }

  /** Serializes a dictionary (RFC 8941 §4.1.2). */
  public static String serializeDictionary(Map<String, ? extends Member> dictionary) {
    StringBuilder out = new StringBuilder();
    dictionary.forEach(
        (key, member) -> {
          if (!out.isEmpty()) {
            out.append(", ");
          }
          out.append(checkKey(key));
          if (member instanceof Item item && Boolean.TRUE.equals(item.value())) {
            appendParams(out, item.params());
          } else {
            out.append('=');
            appendMember(out, member);
          }
        });
    return out.toString();
  }

  /** Serializes an item or inner list (RFC 8941 §4.1.1.1, §4.1.3). */
  public static String serialize(Member member) {
    StringBuilder out = new StringBuilder();
    appendMember(out, member);
    return out.toString();
  }

  private static void appendMember(StringBuilder out, Member member) {
    switch (member) {
      case Item item -> {
        appendBare(out, item.value());
        appendParams(out, item.params());
      }
      case InnerList list -> {
        out.append('(');
        for (int i = 0; i < list.items().size(); i++) {
          if (i > 0) {
            out.append(' ');
          }
          appendMember(out, list.items().get(i));
        }
        out.append(')');
        appendParams(out, list.params());
      }
    }
  }

  private static void appendParams(StringBuilder out, Parameters params) {
    params
        .values()
        .forEach(
            (key, value) -> {
              out.append(';').append(checkKey(key));
              if (!Boolean.TRUE.equals(value)) {
                out.append('=');
                appendBare(out, value);
              }
            });
  }

  private static void appendBare(StringBuilder out, Object value) {
    switch (value) {
      case Long l -> {
        if (Math.abs(l) > 999_999_999_999_999L) {
          throw new IllegalArgumentException("integer out of range: " + l);
        }
        out.append(l);
      }
      case BigDecimal d ->
          out.append(
              d.setScale(Math.min(3, Math.max(1, d.scale())), java.math.RoundingMode.HALF_EVEN)
                  .toPlainString());
      case String s -> {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (c < 0x20 || c > 0x7e) {
            throw new IllegalArgumentException("string has a character outside printable ASCII");
          }
          if (c == '"' || c == '\\') {
            out.append('\\');
          }
          out.append(c);
        }
        out.append('"');
      }
      case Token t -> out.append(t.value());
      case ByteSequence b -> out.append(b);
      case Boolean b -> out.append(b ? "?1" : "?0");
      default -> throw new IllegalArgumentException("not a bare item: " + value);
    }
  }

  private static String checkKey(String key) {
    if (key.isEmpty() || !(Character.isLowerCase(key.charAt(0)) || key.charAt(0) == '*')) {
      throw new IllegalArgumentException("bad key: " + key);
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!((c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '-'
          || c == '.'
          || c == '*')) {
        throw new IllegalArgumentException("bad key: " + key);
      }
    }
    return key;
  }
}
