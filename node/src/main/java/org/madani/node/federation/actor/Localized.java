package org.madani.node.federation.actor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a Madani language map as ActivityStreams natural-language values: {@code nameMap} with
 * every language, plus a plain {@code name} that software without language-map support (Mastodon)
 * shows. The plain value is Arabic when present, else the first language: Madani is Arabic first.
 */
public final class Localized {
  private Localized() {}

  public static void put(ObjectNode target, String property, JsonNode langMap) {
    if (langMap == null || !langMap.isObject() || langMap.isEmpty()) return;
    JsonNode plain = langMap.has("ar") ? langMap.get("ar") : langMap.elements().next();
    target.put(property, plain.asText());
    target.set(property + "Map", langMap.deepCopy());
  }

  /**
   * The plain value of a language map: Arabic when present, else the first language; null for no
   * map.
   */
  public static String plain(JsonNode langMap) {
    if (langMap == null || !langMap.isObject() || langMap.isEmpty()) return null;
    return (langMap.has("ar") ? langMap.get("ar") : langMap.elements().next()).asText();
  }

  /** A copy of the language map, or null when there is none (so the term is left out). */
  public static JsonNode map(JsonNode langMap) {
    if (langMap == null || !langMap.isObject() || langMap.isEmpty()) return null;
    return langMap.deepCopy();
  }

  /** Both languages joined, for fields where one plain string must carry everything (summaries). */
  public static String bilingual(JsonNode langMap) {
    if (langMap == null || !langMap.isObject() || langMap.isEmpty()) return null;
    String ar = langMap.path("ar").asText(null);
    String en = langMap.path("en").asText(null);
    if (ar != null && en != null) return ar + "\n\n" + en;
    return ar != null ? ar : en != null ? en : langMap.elements().next().asText();
  }
}
