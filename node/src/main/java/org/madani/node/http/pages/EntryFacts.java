package org.madani.node.http.pages;

import static org.madani.node.http.pages.Messages.t;
import static org.madani.node.text.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.madani.node.content.Taxonomies;
import org.madani.node.model.Urls;
import org.madani.node.text.Html;

/**
 * The facts of an entry page as HTML: when, where, sectors and regions by their labels, its image.
 */
final class EntryFacts {

  private final Taxonomies taxonomies;
  private final Urls urls;

  EntryFacts(Taxonomies taxonomies, Urls urls) {
    this.taxonomies = taxonomies;
    this.urls = urls;
  }

  /**
   * Name, address and region of a place. The address is shown without a language marker (a street
   * address is in the place's own language, whatever key it was filed under), and the region is
   * left out when the name or address already says it ("Berlin — Berlin").
   */
  String place(Lang lang, JsonNode place) {
    StringBuilder where = new StringBuilder(PageText.text(lang, place.get("name"), "span"));
    Lang.Localized address = lang.pick(place.get("address"));
    if (address != null) {
      if (!where.isEmpty()) where.append(lang == Lang.AR ? "، " : ", ");
      where.append("<bdi class=\"address\">").append(esc(address.text())).append("</bdi>");
    }
    if (place.hasNonNull("region")) {
      String id = place.get("region").asText();
      String said =
          (textOf(place.get("name")) + " " + textOf(place.get("address")))
              .toLowerCase(java.util.Locale.ROOT);
      boolean repeated =
          taxonomies
              .region(id)
              .map(
                  tm -> {
                    for (String code : new String[] {"ar", "en"}) {
                      String label = tm.label(code);
                      if (label != null
                          && !label.isBlank()
                          && said.contains(label.toLowerCase(java.util.Locale.ROOT))) return true;
                    }
                    return false;
                  })
              .orElse(false);
      if (!repeated) {
        if (!where.isEmpty()) where.append(" — ");
        where.append(esc(regionLabel(lang, id)));
      }
    }
    return where.toString();
  }

  private static String textOf(JsonNode map) {
    StringBuilder b = new StringBuilder();
    if (map != null) map.forEach(v -> b.append(v.asText()).append(' '));
    return b.toString();
  }

  /**
   * An entry image. Shown only when this node serves it (an upload): the CSP admits images from
   * this origin alone, so a visitor's browser never contacts a third party; otherwise a link.
   */
  String image(Lang lang, JsonNode img) {
    if (img == null || !img.hasNonNull("url")) return "";
    String url = img.get("url").asText();
    Lang.Localized alt = lang.pick(img.get("alt"));
    String altText = alt == null ? "" : alt.text();
    if (url.startsWith(urls.root() + "/")) {
      return "<figure class=\"entry-image\"><img src=\""
          + esc(pathOf(url))
          + "\" alt=\""
          + esc(altText)
          + "\" loading=\"lazy\"></figure>";
    }
    if (!Html.safeUrl(url)) return "";
    return "<p>"
        + PageText.link(
            url, altText.isEmpty() ? t(lang, "image") : t(lang, "image") + ": " + altText)
        + "</p>";
  }

  String terms(Lang lang, JsonNode ids, boolean sectors) {
    StringBuilder b = new StringBuilder("<ul class=\"tags\">");
    for (JsonNode id : ids) {
      String label =
          sectors
              ? taxonomies.sector(id.asText()).map(tm -> tm.label(lang.code)).orElse(id.asText())
              : regionLabel(lang, id.asText());
      b.append("<li>").append(esc(label)).append("</li>");
    }
    return b.append("</ul>").toString();
  }

  private String regionLabel(Lang lang, String id) {
    return taxonomies.region(id).map(tm -> tm.label(lang.code)).orElse(id);
  }

  static String when(Lang lang, JsonNode d) {
    if (d.hasNonNull("startTime")) {
      ZoneId zone = zone(d.path("timeZone").asText(null));
      ZonedDateTime start =
          OffsetDateTime.parse(d.get("startTime").asText()).atZoneSameInstant(zone);
      DateTimeFormatter f =
          DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
              .withLocale(lang.locale());
      String s = start.format(f.withZone(zone));
      if (d.hasNonNull("endTime")) {
        ZonedDateTime end = OffsetDateTime.parse(d.get("endTime").asText()).atZoneSameInstant(zone);
        s += " – " + end.format(f);
      }
      return "<time datetime=\""
          + esc(d.get("startTime").asText())
          + "\">"
          + esc(s)
          + "</time> <bdi>("
          + esc(zone.getId())
          + ")</bdi>";
    }
    if (d.hasNonNull("startDate")) {
      String s = date(lang, d.get("startDate").asText());
      if (d.hasNonNull("endDate")) s += " – " + date(lang, d.get("endDate").asText());
      return s;
    }
    return "";
  }

  private static ZoneId zone(String id) {
    try {
      return id == null ? ZoneId.of("UTC") : ZoneId.of(id);
    } catch (RuntimeException e) {
      return ZoneId.of("UTC");
    }
  }

  static String date(Lang lang, String isoDate) {
    try {
      return esc(
          LocalDate.parse(isoDate)
              .format(
                  DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(lang.locale())));
    } catch (RuntimeException e) {
      return esc(isoDate);
    }
  }

  /** Page links are same-origin paths, so a page works under any host name it is reached by. */
  private String pathOf(String absolute) {
    return absolute.substring(urls.root().length());
  }
}
