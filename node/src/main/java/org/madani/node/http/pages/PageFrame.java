package org.madani.node.http.pages;

import static org.madani.node.http.pages.Messages.t;
import static org.madani.node.text.Html.esc;

/**
 * The frame of every public page: head (stylesheet, feed links), the bar with the language switch,
 * main and footer, in the page language's direction. Stateless and thread-safe.
 */
public final class PageFrame {

  /** The page frame (head, bar with language switch, footer) around {@code body}. */
  public String layout(Lang lang, String title, String body, String path) {
    return layout(lang, title, body, path, java.util.List.of());
  }

  /**
   * A feed of the page's content, announced in its head ({@code <link rel="alternate">}) so feed
   * readers find it, and listed at its foot for people.
   *
   * @param format {@code atom}, {@code json} or {@code ics}
   * @param href a same-origin path with query
   */
  public record FeedLink(String format, String href) {
    String type() {
      return switch (format) {
        case "atom" -> "application/atom+xml";
        case "json" -> "application/feed+json";
        default -> "text/calendar";
      };
    }
  }

  /** The three feeds of a path such as {@code /feeds/org/sawa}, with an optional query. */
  public static java.util.List<FeedLink> feeds(String base, String query) {
    return java.util.List.of(
        new FeedLink("atom", base + ".atom" + query),
        new FeedLink("json", base + ".json" + query),
        new FeedLink("ics", base + ".ics" + query));
  }

  public String layout(
      Lang lang, String title, String body, String path, java.util.List<FeedLink> feeds) {
    StringBuilder foot = new StringBuilder();
    for (FeedLink f : feeds) {
      foot.append(foot.isEmpty() ? "" : " · ")
          .append("<a type=\"")
          .append(f.type())
          .append("\" href=\"")
          .append(esc(f.href()))
          .append("\">")
          .append(esc(t(lang, "feed." + f.format())))
          .append("</a>");
    }
    if (!foot.isEmpty()) {
      body =
          body
              + "<section class=\"feeds\" aria-label=\""
              + esc(t(lang, "feeds"))
              + "\"><p><strong>"
              + esc(t(lang, "feeds"))
              + ":</strong> "
              + foot
              + "</p></section>";
    }
    return layoutWithHead(lang, title, body, path, headLinks(lang, feeds));
  }

  static String headLinks(Lang lang, java.util.List<FeedLink> feeds) {
    StringBuilder head = new StringBuilder();
    for (FeedLink f : feeds) {
      head.append("<link rel=\"alternate\" type=\"")
          .append(f.type())
          .append("\" title=\"")
          .append(esc(t(lang, "feed." + f.format())))
          .append("\" href=\"")
          .append(esc(f.href()))
          .append("\">");
    }
    return head.toString();
  }

  public String layoutWithHead(
      Lang lang, String title, String body, String path, String extraHead) {
    String switchHref = esc(path) + "?lang=" + lang.other().code;
    return "<!doctype html>\n<html lang=\""
        + lang.code
        + "\" dir=\""
        + lang.dir
        + "\">"
        + "<head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + esc(title)
        + "</title>"
        + "<link rel=\"stylesheet\" href=\"/static/madani.css\">"
        + extraHead
        + "</head><body><a class=\"skip\" href=\"#main\">"
        + esc(t(lang, "skip"))
        + "</a>"
        + "<header class=\"bar\"><a class=\"brand\" href=\"/\">"
        + esc(t(lang, "site"))
        + "</a>"
        + "<nav class=\"nav\" aria-label=\""
        + esc(t(lang, "siteNav"))
        + "\"><a href=\"/directory\">"
        + esc(t(lang, "directory"))
        + "</a><a href=\"/reports\">"
        + esc(t(lang, "reports"))
        + "</a></nav>"
        + "<a class=\"switch\" hreflang=\""
        + lang.other().code
        + "\" lang=\""
        + lang.other().code
        + "\" href=\""
        + switchHref
        + "\">"
        + esc(t(lang, "switchTo"))
        + "</a></header>"
        + "<main id=\"main\">"
        + body
        + "</main>"
        + "<footer class=\"muted\">"
        + esc(t(lang, "poweredBy"))
        + "</footer></body></html>";
  }
}
