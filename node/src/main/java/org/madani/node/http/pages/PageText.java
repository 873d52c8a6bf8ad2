package org.madani.node.http.pages;

import static org.madani.node.http.pages.Messages.t;
import static org.madani.node.text.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import org.madani.node.text.Html;

/**
 * HTML for language-map values and links on public pages: the value in the page language, or in the
 * other language marked as such (own lang/dir); user links only for http(s) URLs.
 */
final class PageText {

  private PageText() {}

  /**
   * A language-map value as an element; in the other language it gets its own lang/dir and a
   * marker.
   */
  static String text(Lang lang, JsonNode map, String tag) {
    Lang.Localized l = lang.pick(map);
    if (l == null) return "";
    StringBuilder b = new StringBuilder("<").append(tag);
    if (l.fallback())
      b.append(" lang=\"")
          .append(l.lang().code)
          .append("\" dir=\"")
          .append(l.lang().dir)
          .append("\"");
    b.append(">").append(esc(l.text()));
    if (l.fallback()) {
      b.append(" <small class=\"lang-marker\" lang=\"")
          .append(lang.code)
          .append("\" dir=\"")
          .append(lang.dir)
          .append("\">(")
          .append(esc(Messages.fallbackMarker(lang, l.lang())))
          .append(")</small>");
    }
    return b.append("</").append(tag).append(">").toString();
  }

  static String block(Lang lang, JsonNode map) {
    Lang.Localized l = lang.pick(map);
    if (l == null) return "";
    String attrs =
        l.fallback() ? " lang=\"" + l.lang().code + "\" dir=\"" + l.lang().dir + "\"" : "";
    String marker =
        l.fallback()
            ? "<p class=\"lang-marker\">(" + esc(Messages.fallbackMarker(lang, l.lang())) + ")</p>"
            : "";
    return "<div class=\"prose\"" + attrs + ">" + marker + Html.paragraphs(l.text()) + "</div>";
  }

  /** A knowledge post's resources: each a download link with its type and size. */
  static String attachments(Lang lang, JsonNode list) {
    if (!list.isArray() || list.isEmpty()) return "";
    StringBuilder b =
        new StringBuilder("<section class=\"attachments\"><h2>")
            .append(esc(t(lang, "attachments")))
            .append("</h2><ul class=\"plain\">");
    for (JsonNode a : list) {
      String url = a.path("url").asText();
      if (!Html.safeUrl(url)) continue;
      Lang.Localized name = lang.pick(a.get("name"));
      String type = a.path("mediaType").asText("");
      String kind =
          type.equals("application/pdf")
              ? "PDF"
              : type.startsWith("image/") ? t(lang, "image") : type;
      long kib = Math.max(1, (a.path("size").asLong() + 1023) / 1024);
      b.append("<li>")
          .append(link(url, name == null ? url.substring(url.lastIndexOf('/') + 1) : name.text()))
          .append(" <span class=\"muted\"><bdi>(")
          .append(esc(kind))
          .append(", ")
          .append(kib)
          .append(" KiB)</bdi></span></li>");
    }
    return b.append("</ul></section>").toString();
  }

  static String link(String url, String label) {
    return "<a rel=\"nofollow noopener noreferrer\" href=\""
        + esc(url)
        + "\"><bdi>"
        + esc(label)
        + "</bdi></a>";
  }
}
