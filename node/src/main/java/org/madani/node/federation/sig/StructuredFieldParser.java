package org.madani.node.federation.sig;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madani.node.federation.sig.StructuredFields.ByteSequence;
import org.madani.node.federation.sig.StructuredFields.InnerList;
import org.madani.node.federation.sig.StructuredFields.Item;
import org.madani.node.federation.sig.StructuredFields.Member;
import org.madani.node.federation.sig.StructuredFields.Parameters;
import org.madani.node.federation.sig.StructuredFields.Token;

/**
 * A strict RFC 8941 §4.2 parser for dictionaries, lists and items. Input is whatever a peer sent,
 * so every deviation is an error rather than a guess: a lenient parser here would let two
 * implementations disagree on what was signed.
 *
 * <p>Stateless; one instance holds only the input being parsed, so use one per call (the static
 * entry points do). Thread-safe through confinement.
 */
public final class StructuredFieldParser {

  /** Thrown for input that is not a valid structured field. */
  public static final class ParseException extends IllegalArgumentException {
    ParseException(String message, int position) {
      super(message + " at position " + position);
    }
  }

  private final String input;
  private int pos;

  private StructuredFieldParser(String input) {
    this.input = input;
  }

  /** Parses a dictionary field value (RFC 8941 §4.2.2), keeping member order. */
  public static Map<String, Member> parseDictionary(String value) {
    StructuredFieldParser p = new StructuredFieldParser(value);
    p.skipSpaces();
    Map<String, Member> result = p.dictionary();
    p.finish();
    return result;
  }

  /** Parses a list field value (RFC 8941 §4.2.1). */
  public static List<Member> parseList(String value) {
    StructuredFieldParser p = new StructuredFieldParser(value);
    p.skipSpaces();
    List<Member> result = p.list();
    p.finish();
    return result;
  }

  /** Parses an item field value (RFC 8941 §4.2.3). */
  public static Item parseItem(String value) {
    StructuredFieldParser p = new StructuredFieldParser(value);
    p.skipSpaces();
    Item result = p.item();
    p.finish();
    return result;
  }

  private void finish() {
    skipSpaces();
    if (pos != input.length()) {
      throw error("trailing characters");
    }
  }

  private Map<String, Member> dictionary() {
    Map<String, Member> out = new LinkedHashMap<>();
    while (pos < input.length()) {
      String key = key();
      Member member;
      if (peek() == '=') {
        pos++;
        member = itemOrInnerList();
      } else {
        member = new Item(Boolean.TRUE, parameters());
      }
      // RFC 8941 §4.2.2: a repeated key overwrites the earlier value but keeps its place.
      out.put(key, member);
      if (!nextMember()) {
        return out;
      }
    }
    return out;
  }

  private List<Member> list() {
    List<Member> out = new ArrayList<>();
    while (pos < input.length()) {
      out.add(itemOrInnerList());
      if (!nextMember()) {
        return out;
      }
    }
    return out;
  }

  /** After a member: optional whitespace, then end or a comma followed by another member. */
  private boolean nextMember() {
    skipOws();
    if (pos >= input.length()) {
      return false;
    }
    if (input.charAt(pos) != ',') {
      throw error("expected ','");
    }
    pos++;
    skipOws();
    if (pos >= input.length()) {
      throw error("trailing comma");
    }
    return true;
  }

  private Member itemOrInnerList() {
    return peek() == '(' ? innerList() : item();
  }

  private InnerList innerList() {
    expect('(');
    List<Item> items = new ArrayList<>();
    while (pos < input.length()) {
      skipSpaces();
      if (peek() == ')') {
        pos++;
        return new InnerList(items, parameters());
      }
      items.add(item());
      char c = peek();
      if (c != ' ' && c != ')') {
        throw error("expected ' ' or ')' in inner list");
      }
    }
    throw error("unterminated inner list");
  }

  private Item item() {
    Object bare = bareItem();
    return new Item(bare, parameters());
  }

  private Parameters parameters() {
    Map<String, Object> params = new LinkedHashMap<>();
    while (peek() == ';') {
      pos++;
      skipSpaces();
      String key = key();
      Object value = Boolean.TRUE;
      if (peek() == '=') {
        pos++;
        value = bareItem();
      }
      params.put(key, value);
    }
    return new Parameters(params);
  }

  private String key() {
    char first = peek();
    if (!((first >= 'a' && first <= 'z') || first == '*')) {
      throw error("key must start with lcalpha or '*'");
    }
    int start = pos;
    while (pos < input.length()) {
      char c = input.charAt(pos);
      if ((c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '_'
          || c == '-'
          || c == '.'
          || c == '*') {
        pos++;
      } else {
        break;
      }
    }
    return input.substring(start, pos);
  }

  private Object bareItem() {
    char c = peek();
    if (c == '-' || (c >= '0' && c <= '9')) {
      return number();
    }
    if (c == '"') {
      return string();
    }
    if (c == ':') {
      return byteSequence();
    }
    if (c == '?') {
      return bool();
    }
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '*') {
      return token();
    }
    throw error("unexpected character for an item");
  }

  private Object number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (!Character.isDigit(peek())) {
      throw error("expected a digit");
    }
    boolean decimal = false;
    int digits = 0;
    int dotAt = -1;
    while (pos < input.length()) {
      char c = input.charAt(pos);
      if (c >= '0' && c <= '9') {
        digits++;
        pos++;
      } else if (c == '.' && !decimal) {
        if (digits > 12) {
          throw error("decimal integer part too long");
        }
        decimal = true;
        dotAt = pos;
        pos++;
      } else {
        break;
      }
      if (!decimal && digits > 15) {
        throw error("integer too long");
      }
      if (decimal && digits > 15) {
        throw error("decimal too long");
      }
    }
    String text = input.substring(start, pos);
    if (!decimal) {
      return Long.parseLong(text);
    }
    int fraction = pos - dotAt - 1;
    if (fraction == 0 || fraction > 3) {
      throw error("decimal needs 1 to 3 fractional digits");
    }
    return new BigDecimal(text);
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (pos < input.length()) {
      char c = input.charAt(pos++);
      if (c == '\\') {
        if (pos >= input.length()) {
          throw error("dangling escape");
        }
        char next = input.charAt(pos++);
        if (next != '"' && next != '\\') {
          throw error("only \\\" and \\\\ may be escaped");
        }
        out.append(next);
      } else if (c == '"') {
        return out.toString();
      } else if (c < 0x20 || c > 0x7e) {
        throw error("string character outside printable ASCII");
      } else {
        out.append(c);
      }
    }
    throw error("unterminated string");
  }

  private Token token() {
    int start = pos;
    pos++;
    while (pos < input.length() && isTokenChar(input.charAt(pos))) {
      pos++;
    }
    return new Token(input.substring(start, pos));
  }

  private static boolean isTokenChar(char c) {
    // tchar (RFC 9110 §5.6.2) plus ':' and '/'
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~:/".indexOf(c) >= 0;
  }

  private ByteSequence byteSequence() {
    expect(':');
    int start = pos;
    while (pos < input.length() && input.charAt(pos) != ':') {
      char c = input.charAt(pos);
      if (!((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '+'
          || c == '/'
          || c == '=')) {
        throw error("byte sequence is not base64");
      }
      pos++;
    }
    if (pos >= input.length()) {
      throw error("unterminated byte sequence");
    }
    String b64 = input.substring(start, pos);
    pos++;
    try {
      return new ByteSequence(Base64.getDecoder().decode(b64));
    } catch (IllegalArgumentException e) {
      throw error("byte sequence is not base64");
    }
  }

  private Boolean bool() {
    expect('?');
    char c = peek();
    pos++;
    if (c == '1') {
      return Boolean.TRUE;
    }
    if (c == '0') {
      return Boolean.FALSE;
    }
    throw error("boolean must be ?0 or ?1");
  }

  private char peek() {
    return pos < input.length() ? input.charAt(pos) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void skipSpaces() {
    while (pos < input.length() && input.charAt(pos) == ' ') {
      pos++;
    }
  }

  private void skipOws() {
    while (pos < input.length() && (input.charAt(pos) == ' ' || input.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private ParseException error(String message) {
    return new ParseException(message, pos);
  }
}
