package org.madani.node.http.pages;

import static org.madani.node.http.pages.Messages.t;
import static org.madani.node.text.Html.esc;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.Organization;
import org.madani.node.model.Urls;
import org.madani.node.text.Html;

/**
 * The node's home page: what it is, a search box (a GET form to the directory), the organizations
 * it hosts with their Fediverse handles, the latest public activities, and where to go next
 * (directory, statistics, feeds). Same rules as {@link PageRenderer}. Stateless.
 */
public final class LandingPageRenderer {

  private final PageRenderer frame;
  private final Urls urls;

  public LandingPageRenderer(PageRenderer frame, Urls urls) {
    this.frame = frame;
    this.urls = urls;
  }

  public String page(Lang lang, List<Organization> orgs, List<DirectoryEntry> latest, String path) {
    StringBuilder b = new StringBuilder();
    b.append("<h1>")
        .append(esc(t(lang, "site")))
        .append("</h1>")
        .append("<p class=\"lead\">")
        .append(esc(t(lang, "home.intro")))
        .append("</p>");
    b.append(
            "<form class=\"search home-search\" method=\"get\" action=\"/directory\" role=\"search\">")
        .append("<input type=\"hidden\" name=\"lang\" value=\"")
        .append(lang.code)
        .append("\">")
        .append("<label class=\"wide\" for=\"home-q\">")
        .append(esc(t(lang, "searchLabel")))
        .append("</label>")
        .append("<input class=\"wide\" id=\"home-q\" type=\"search\" name=\"q\" maxlength=\"200\">")
        .append("<button type=\"submit\">")
        .append(esc(t(lang, "search")))
        .append("</button></form>");
    b.append("<nav class=\"explore\" aria-labelledby=\"explore-h\"><h2 id=\"explore-h\">")
        .append(esc(t(lang, "home.explore")))
        .append("</h2><ul class=\"plain links\">")
        .append("<li><a href=\"/directory\">")
        .append(esc(t(lang, "directory")))
        .append("</a></li>")
        .append("<li><a href=\"/reports\">")
        .append(esc(t(lang, "reports")))
        .append("</a></li></ul></nav>");

    b.append("<section aria-labelledby=\"orgs-h\"><h2 id=\"orgs-h\">")
        .append(esc(t(lang, "organizations")))
        .append("</h2><ul class=\"cards\">");
    for (Organization o : orgs) {
      b.append("<li class=\"card\"><a href=\"")
          .append(esc(path(urls.organization(o.handle()))))
          .append("\">")
          .append(PageText.text(lang, o.profile().get("name"), "span"))
          .append("</a>")
          .append(PageText.text(lang, o.profile().get("summary"), "p"))
          .append("<p class=\"muted\"><bdi dir=\"ltr\">")
          .append(esc(frame.fediverseHandle(o.handle())))
          .append("</bdi></p></li>");
    }
    b.append("</ul></section>");

    b.append("<section aria-labelledby=\"latest-h\"><h2 id=\"latest-h\">")
        .append(esc(t(lang, "home.latest")))
        .append("</h2>");
    if (latest.isEmpty()) {
      b.append("<p class=\"muted\">").append(esc(t(lang, "noActivities"))).append("</p>");
    } else {
      b.append("<ul class=\"cards\">");
      DateTimeFormatter f =
          DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(lang.locale());
      for (DirectoryEntry e : latest) {
        String href = e.local() ? path(e.id()) : e.id();
        b.append("<li class=\"card\"><span class=\"badge\">")
            .append(esc(t(lang, "kind." + e.kind())))
            .append("</span> <a href=\"")
            .append(esc(Html.safeUrl(e.id()) || e.local() ? href : "#"))
            .append("\"")
            .append(e.local() ? "" : " rel=\"nofollow noopener noreferrer\"")
            .append(">")
            .append(PageText.text(lang, node(e.title()), "span"))
            .append("</a>")
            .append("<p class=\"muted\">")
            .append(PageText.text(lang, node(e.orgName()), "span"))
            .append(" · <time datetime=\"")
            .append(esc(e.date().toString()))
            .append("\">")
            .append(esc(e.date().atZone(ZoneOffset.UTC).toLocalDate().format(f)))
            .append("</time></p></li>");
      }
      b.append("</ul>");
    }
    b.append("</section>");
    return frame.layout(
        lang, t(lang, "site"), b.toString(), path, PageFrame.feeds("/feeds/directory", ""));
  }

  private String path(String absolute) {
    return absolute.startsWith(urls.root()) ? absolute.substring(urls.root().length()) : absolute;
  }

  private static com.fasterxml.jackson.databind.JsonNode node(Map<String, String> m) {
    var n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    m.forEach(n::put);
    return n;
  }
}
