package org.madani.node.collab.qa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.madani.node.model.Problem;
import org.madani.node.text.Html;

/** Language maps and plain text for the collaboration documents (collab.md §5-§6). Stateless. */
public final class Texts {

  private Texts() {}

  /**
   * A language map given by an admin ({@code {"ar": …, "en": …}}): 1 to 2 languages of {@code max}
   * characters each, at least one not blank; else 422 naming {@code field}.
   */
  public static Map<String, String> input(JsonNode n, String field, int max, boolean required) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n != null && n.isObject()) {
      for (String lang : new String[] {"ar", "en"}) {
        String v = n.path(lang).asText("").strip();
        if (v.length() > max)
          throw Problem.unprocessable(
              "'" + field + "." + lang + "' has more than " + max + " characters.");
        if (!v.isEmpty()) out.put(lang, v);
      }
    }
    if (required && out.isEmpty()) {
      throw Problem.unprocessable(
          "Give '" + field + "' in Arabic or English ({\"ar\": …, \"en\": …}).");
    }
    return out;
  }

  /**
   * A received language map ({@code nameMap} or plain {@code name}), reduced to plain text and
   * bounded.
   */
  public static Map<String, String> received(JsonNode o, String property, int max) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode m = o.get(property + "Map");
    if (m != null && m.isObject()) {
      m.fields()
          .forEachRemaining(
              e -> {
                if (out.size() < 4 && e.getKey().length() <= 8 && e.getValue().isTextual()) {
                  out.put(e.getKey(), bound(plain(e.getValue().asText()), max));
                }
              });
    }
    if (out.isEmpty() && o.path(property).isTextual()) {
      String s = bound(plain(o.get(property).asText()), max);
      out.put(arabic(s) ? "ar" : "en", s);
    }
    out.values().removeIf(String::isBlank);
    return out;
  }

  /** {@code <p>}-paragraphs of escaped text, as ActivityStreams content is HTML. */
  public static ObjectNode html(ObjectMapper json, Map<String, String> map) {
    ObjectNode o = json.createObjectNode();
    map.forEach((k, v) -> o.put(k, Html.paragraphs(v)));
    return o;
  }

  public static String paragraphs(String text) {
    return Html.paragraphs(text);
  }

  public static ObjectNode node(ObjectMapper json, Map<String, String> map) {
    ObjectNode o = json.createObjectNode();
    map.forEach(o::put);
    return o;
  }

  public static String write(ObjectMapper json, Map<String, String> map) {
    return node(json, map).toString();
  }

  public static Map<String, String> read(ObjectMapper json, String stored) {
    Map<String, String> out = new LinkedHashMap<>();
    if (stored == null) return out;
    try {
      json.readTree(stored)
          .fields()
          .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    } catch (java.io.IOException e) {
      // not a map: nothing to show
    }
    return out;
  }

  /** Markup removed, entities decoded, white space collapsed. */
  public static String plain(String html) {
    return html.replaceAll("(?s)<br\\s*/?>|</p>", "\n")
        .replaceAll("(?s)<[^>]*>", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
        .replaceAll(" ?\\n ?", "\n")
        .replaceAll("\\n{3,}", "\n\n")
        .strip();
  }

  public static String bound(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  public static boolean arabic(String s) {
    return s.codePoints()
        .anyMatch(cp -> Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.ARABIC);
  }
}
