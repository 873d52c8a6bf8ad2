package org.madani.node.http.pages;

import java.util.Locale;

/**
 * A language's name in the page's language ("German" / «الألمانية» for {@code de}), from the JDK's
 * CLDR data, so any BCP 47 tag an entry carries is named, not shown as a code. A tag the JDK cannot
 * name is shown as given.
 */
public final class LanguageNames {

  private LanguageNames() {}

  public static String name(Lang page, String tag) {
    if (tag == null || tag.isBlank()) return "";
    Locale l = Locale.forLanguageTag(tag.trim());
    String name = l.getDisplayName(page.locale());
    if (name.isBlank() || name.equalsIgnoreCase(tag)) return tag;
    return name;
  }
}
