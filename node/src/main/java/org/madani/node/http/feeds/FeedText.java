package org.madani.node.http.feeds;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madani.node.http.pages.Lang;
import org.madani.node.http.pages.Messages;
import org.madani.node.model.DirectoryEntry;

/**
 * The readable text of an entry in a feed, per language: Arabic first, then English, then any other
 * language it was written in. Formats that allow one title only (Atom, JSON Feed, iCalendar
 * SUMMARY) get both languages joined; bodies get one section per language with its own language tag
 * and direction.
 */
final class FeedText {
  private FeedText() {}

  /** A block of text in one language: paragraphs and at most one link. */
  record Section(
      String lang, String dir, List<String> paragraphs, String linkLabel, String linkUrl) {}

  /** Both languages in one line, Arabic first: «…» — "…"; one of them when that is all there is. */
  static String both(Map<String, String> m) {
    String ar = m.get("ar");
    String en = m.get("en");
    if (ar != null && en != null && !ar.equals(en)) return ar + " — " + en;
    if (ar != null) return ar;
    if (en != null) return en;
    return m.values().stream().findFirst().orElse("");
  }

  /** The language to declare for {@link #both}: {@code ar} when Arabic is in it. */
  static String mainLanguage(Map<String, String> m) {
    if (m.containsKey("ar")) return "ar";
    if (m.containsKey("en")) return "en";
    return m.keySet().stream().findFirst().orElse("ar");
  }

  static String dir(String lang) {
    return lang.equals("ar") || lang.equals("fa") || lang.equals("ku") || lang.equals("he")
        ? "rtl"
        : "ltr";
  }

  /** The body of an entry: one section per language of its title, summary or content. */
  static List<Section> sections(DirectoryEntry e) {
    Set<String> langs = new LinkedHashSet<>();
    for (String l : List.of("ar", "en")) {
      if (e.title().containsKey(l) || e.summary().containsKey(l) || e.content().containsKey(l))
        langs.add(l);
    }
    langs.addAll(e.summary().keySet());
    langs.addAll(e.content().keySet());
    if (langs.isEmpty()) langs.add(mainLanguage(e.title()));
    List<Section> out = new ArrayList<>();
    for (String l : langs) {
      Lang labels = l.equals("ar") ? Lang.AR : Lang.EN;
      List<String> ps = new ArrayList<>();
      if (e.summary().containsKey(l)) ps.add(e.summary().get(l));
      if (e.content().containsKey(l)) {
        for (String p : e.content().get(l).split("\\n\\s*\\n")) if (!p.isBlank()) ps.add(p.strip());
      }
      DirectoryEntry.Schedule s = e.schedule();
      String link = null;
      if (s != null) {
        ps.add(Messages.t(labels, "when") + ": " + when(s, labels));
        String place =
            s.place().getOrDefault(l, s.place().values().stream().findFirst().orElse(null));
        if (place != null && !place.isBlank()) ps.add(Messages.t(labels, "where") + ": " + place);
        if (s.onlineUrl() != null && s.onlineUrl().startsWith("http")) link = s.onlineUrl();
      }
      if (ps.isEmpty()) ps.add(e.title().getOrDefault(l, both(e.title())));
      out.add(new Section(l, dir(l), ps, link == null ? null : Messages.t(labels, "online"), link));
    }
    return out;
  }

  /** The start (and end) in the event's own zone, named, so readers elsewhere are not misled. */
  static String when(DirectoryEntry.Schedule s, Lang lang) {
    ZoneId zone = zone(s.timeZone());
    DateTimeFormatter f =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
            .withLocale(lang.locale())
            .withZone(zone);
    ZonedDateTime start = s.start().atZone(zone);
    String out = f.format(start);
    if (s.end() != null) out += " – " + f.format(s.end().atZone(zone));
    return out + " (" + zone.getId() + ")";
  }

  static ZoneId zone(String id) {
    try {
      return id == null ? ZoneId.of("UTC") : ZoneId.of(id);
    } catch (java.time.DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }

  /** Plain text of the sections, for JSON Feed's content_text and iCalendar's DESCRIPTION. */
  static String plain(List<Section> sections) {
    StringBuilder b = new StringBuilder();
    for (Section s : sections) {
      if (!b.isEmpty()) b.append("\n\n");
      b.append(String.join("\n\n", s.paragraphs()));
      if (s.linkUrl() != null)
        b.append("\n\n").append(s.linkLabel()).append(": ").append(s.linkUrl());
    }
    return b.toString();
  }
}
