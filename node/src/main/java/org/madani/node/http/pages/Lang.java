package org.madani.node.http.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** A page language: Arabic (right-to-left, the default) or English. */
public enum Lang {
  AR("ar", "rtl", "العربية"),
  EN("en", "ltr", "English");

  public final String code;
  public final String dir;
  public final String nativeName;

  Lang(String code, String dir, String nativeName) {
    this.code = code;
    this.dir = dir;
    this.nativeName = nativeName;
  }

  public Lang other() {
    return this == AR ? EN : AR;
  }

  public Locale locale() {
    return Locale.forLanguageTag(code);
  }

  /**
   * Picks the page language: an explicit {@code ?lang=} wins, then the first supported language of
   * Accept-Language by quality, then Arabic.
   */
  public static Lang choose(String queryLang, String acceptLanguage) {
    return choose(queryLang, null, acceptLanguage);
  }

  /**
   * As {@link #choose(String, String)}, with the language the visitor picked before (the {@code
   * lang} cookie) between the query and Accept-Language.
   */
  public static Lang choose(String queryLang, String cookieLang, String acceptLanguage) {
    if ("en".equals(queryLang)) return EN;
    if ("ar".equals(queryLang)) return AR;
    if ("en".equals(cookieLang)) return EN;
    if ("ar".equals(cookieLang)) return AR;
    if (acceptLanguage != null) {
      try {
        for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
          String tag = r.getRange().toLowerCase(Locale.ROOT);
          if (r.getWeight() <= 0) continue;
          if (tag.equals("ar") || tag.startsWith("ar-")) return AR;
          if (tag.equals("en") || tag.startsWith("en-")) return EN;
        }
      } catch (IllegalArgumentException ignored) {
        // malformed header: fall through to the default
      }
    }
    return AR;
  }

  /**
   * Text of a language map in this language; else the other one, flagged so the page can mark it
   * (and set its own lang/dir).
   */
  public Localized pick(JsonNode langMap) {
    if (langMap == null || !langMap.isObject() || langMap.isEmpty()) return null;
    JsonNode mine = langMap.get(code);
    if (mine != null && mine.isTextual()) return new Localized(mine.asText(), this, false);
    JsonNode theirs = langMap.get(other().code);
    if (theirs != null && theirs.isTextual()) return new Localized(theirs.asText(), other(), true);
    var first = langMap.properties().iterator().next();
    Lang l = first.getKey().startsWith("ar") ? AR : EN;
    return new Localized(first.getValue().asText(), l, true);
  }

  /** A text and the language it is actually in. */
  public record Localized(String text, Lang lang, boolean fallback) {}
}
