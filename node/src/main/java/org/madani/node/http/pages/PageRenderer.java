package org.madani.node.http.pages;

import static org.madani.node.http.pages.Messages.t;
import static org.madani.node.http.pages.PageText.attachments;
import static org.madani.node.http.pages.PageText.block;
import static org.madani.node.http.pages.PageText.link;
import static org.madani.node.http.pages.PageText.text;
import static org.madani.node.text.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.madani.node.content.Taxonomies;
import org.madani.node.model.Entry;
import org.madani.node.model.EntryKind;
import org.madani.node.model.Organization;
import org.madani.node.model.Urls;
import org.madani.node.text.Html;

/**
 * Server-rendered public pages. Output is plain HTML with one same-origin stylesheet: no scripts,
 * no inline styles, nothing from third parties, so a strict Content-Security-Policy holds. Every
 * user-supplied string is escaped; user links are rendered only for http(s) URLs, with {@code
 * rel="nofollow noopener noreferrer"}.
 */
public final class PageRenderer {

  private final Urls urls;
  private final EntryFacts facts;
  private final PageFrame frame = new PageFrame();

  public PageRenderer(Taxonomies taxonomies, Urls urls) {
    this.urls = urls;
    this.facts = new EntryFacts(taxonomies, urls);
  }

  public String organizationList(Lang lang, List<Organization> orgs, String path) {
    StringBuilder b =
        new StringBuilder("<p><a href=\"/directory\">")
            .append(esc(t(lang, "directory")))
            .append("</a></p><h1>")
            .append(esc(t(lang, "organizations")))
            .append("</h1><ul class=\"cards\">");
    for (Organization o : orgs) {
      b.append("<li class=\"card\"><a href=\"")
          .append(esc(pathOf(urls.organization(o.handle()))))
          .append("\">")
          .append(text(lang, o.profile().get("name"), "span"))
          .append("</a>")
          .append(text(lang, o.profile().get("summary"), "p"))
          .append("</li>");
    }
    b.append("</ul>");
    return layout(lang, t(lang, "site"), b.toString(), path);
  }

  public String organization(Lang lang, Organization org, List<Entry> entries, String path) {
    return organization(lang, org, entries, path, null, null);
  }

  /** The fediverse handle of a hosted organization: {@code @handle@host}. */
  public String fediverseHandle(String handle) {
    return "@" + handle + "@" + java.net.URI.create(urls.root()).getAuthority();
  }

  /**
   * The organization page; {@code followError} (a sentence in {@code lang}) and {@code account}
   * (what the visitor typed) come back from a remote follow that could not be done.
   */
  public String organization(
      Lang lang,
      Organization org,
      List<Entry> entries,
      String path,
      String followError,
      String account) {
    JsonNode p = org.profile();
    StringBuilder b = new StringBuilder();
    b.append("<header class=\"org-head\"><div class=\"avatar\" aria-hidden=\"true\">")
        .append(esc(initial(lang, p.get("name"))))
        .append("</div><div>")
        .append(text(lang, p.get("name"), "h1"))
        .append(text(lang, p.get("summary"), "p"))
        .append("<p class=\"handle-line\"><bdi dir=\"ltr\">")
        .append(esc(fediverseHandle(org.handle())))
        .append("</bdi> · <a href=\"#follow\">")
        .append(esc(t(lang, "follow.heading")))
        .append("</a></p>")
        .append("</div></header>");

    b.append("<section><h2>").append(esc(t(lang, "about"))).append("</h2><dl class=\"facts\">");
    if (p.has("sectors")) fact(b, t(lang, "sectors"), facts.terms(lang, p.get("sectors"), true));
    if (p.has("regions")) fact(b, t(lang, "regions"), facts.terms(lang, p.get("regions"), false));
    if (p.has("foundingYear")) fact(b, t(lang, "founded"), esc(p.get("foundingYear").asText()));
    if (p.has("legalForm"))
      fact(b, t(lang, "legalForm"), esc(t(lang, "legalForm." + p.get("legalForm").asText())));
    b.append("</dl>");
    if (p.has("mission")) {
      b.append("<h3>")
          .append(esc(t(lang, "mission")))
          .append("</h3>")
          .append(block(lang, p.get("mission")));
    }
    b.append("</section>");

    StringBuilder contacts = new StringBuilder();
    for (JsonNode c : p.path("contacts")) {
      // Hidden contact channels are for the network's admins, never for public pages.
      if (!"public".equals(c.path("visibility").asText())) continue;
      String value = c.path("value").asText();
      contacts
          .append("<li><span class=\"kind\">")
          .append(esc(t(lang, "contact." + c.path("kind").asText())))
          .append(":</span> ");
      if ("email".equals(c.path("kind").asText())) {
        contacts
            .append("<a href=\"mailto:")
            .append(esc(value))
            .append("\">")
            .append(esc(value))
            .append("</a>");
      } else if (Html.safeUrl(value)) {
        contacts.append(link(value, value));
      } else {
        contacts.append("<bdi>").append(esc(value)).append("</bdi>");
      }
      contacts.append("</li>");
    }
    if (!contacts.isEmpty()) {
      b.append("<section><h2>")
          .append(esc(t(lang, "contact")))
          .append("</h2><ul class=\"plain\">")
          .append(contacts)
          .append("</ul></section>");
    }
    StringBuilder links = new StringBuilder();
    for (JsonNode l : p.path("links")) {
      String url = l.path("url").asText();
      if (!Html.safeUrl(url)) continue;
      Lang.Localized label = lang.pick(l.get("label"));
      links.append("<li>").append(link(url, label == null ? url : label.text())).append("</li>");
    }
    if (!links.isEmpty()) {
      b.append("<section><h2>")
          .append(esc(t(lang, "links")))
          .append("</h2><ul class=\"plain\">")
          .append(links)
          .append("</ul></section>");
    }

    b.append("<section><h2>").append(esc(t(lang, "activities"))).append("</h2>");
    if (entries.isEmpty()) {
      b.append("<p class=\"muted\">").append(esc(t(lang, "noActivities"))).append("</p>");
    } else {
      b.append("<ul class=\"cards\">");
      for (Entry e : entries) {
        b.append("<li class=\"card\"><span class=\"badge\">")
            .append(esc(t(lang, "kind." + e.kind().wireName())))
            .append("</span> <a href=\"")
            .append(esc(pathOf(urls.entry(org.handle(), e.id()))))
            .append("\">")
            .append(text(lang, e.document().get("title"), "span"))
            .append("</a>");
        String when = facts.when(lang, e.document());
        if (!when.isEmpty()) b.append("<p class=\"muted\">").append(when).append("</p>");
        b.append(text(lang, e.document().get("summary"), "p")).append("</li>");
      }
      b.append("</ul>");
    }
    b.append("</section>");
    List<PageFrame.FeedLink> feeds = PageFrame.feeds("/feeds/org/" + org.handle(), "");
    b.append(
        FollowBox.render(
            lang, org.handle(), fediverseHandle(org.handle()), feeds, followError, account));
    Lang.Localized title = lang.pick(p.get("name"));
    return frame.layoutWithHead(
        lang,
        title == null ? org.handle() : title.text(),
        b.toString(),
        path,
        PageFrame.headLinks(lang, feeds));
  }

  public String entry(Lang lang, Organization org, Entry e, String path) {
    JsonNode d = e.document();
    StringBuilder b = new StringBuilder();
    b.append("<p><a href=\"")
        .append(esc(pathOf(urls.organization(org.handle()))))
        .append("\">")
        .append(lang == Lang.AR ? "→ " : "← ")
        .append(esc(t(lang, "back")))
        .append("</a></p>");
    b.append("<article><span class=\"badge\">")
        .append(esc(t(lang, "kind." + e.kind().wireName())))
        .append("</span>");
    b.append(text(lang, d.get("title"), "h1"));
    b.append("<p class=\"muted\">")
        .append(esc(t(lang, "by")))
        .append(' ')
        .append(text(lang, org.profile().get("name"), "span"))
        .append("</p>");
    b.append(text(lang, d.get("summary"), "p"));
    b.append(facts.image(lang, d.get("image")));
    String orgPath = pathOf(urls.organization(org.handle()));
    String icsPath = pathOf(urls.entry(org.handle(), e.id())) + ".ics";
    b.append(
        e.kind() == EntryKind.TRAINING
            ? TrainingSection.cta(lang, urls.entry(org.handle(), e.id()), icsPath)
            : EntryActions.render(lang, org, e, orgPath, icsPath));
    b.append("<dl class=\"facts\">");
    String when = facts.when(lang, d);
    if (!when.isEmpty()) fact(b, t(lang, "when"), when);
    if (d.has("place")) fact(b, t(lang, "where"), facts.place(lang, d.get("place")));
    if (d.has("onlineUrl") && Html.safeUrl(d.get("onlineUrl").asText())) {
      fact(b, t(lang, "online"), link(d.get("onlineUrl").asText(), d.get("onlineUrl").asText()));
    }
    if (d.has("period")) {
      fact(
          b,
          t(lang, "period"),
          facts.date(lang, d.path("period").path("start").asText())
              + " – "
              + facts.date(lang, d.path("period").path("end").asText()));
    }
    if (d.has("status"))
      fact(b, t(lang, "status"), esc(t(lang, "status." + d.get("status").asText())));
    if (d.has("category"))
      fact(b, t(lang, "category"), esc(t(lang, "category." + d.get("category").asText())));
    if (d.has("validUntil"))
      fact(b, t(lang, "validUntil"), facts.date(lang, d.get("validUntil").asText()));
    if (d.has("quantity")) fact(b, t(lang, "quantity"), text(lang, d.get("quantity"), "span"));
    if (d.has("reportType"))
      fact(b, t(lang, "reportType"), esc(t(lang, "reportType." + d.get("reportType").asText())));
    if (d.has("sectors")) fact(b, t(lang, "sectors"), facts.terms(lang, d.get("sectors"), true));
    if (d.has("regions")) fact(b, t(lang, "regions"), facts.terms(lang, d.get("regions"), false));
    if (d.has("languages")) {
      List<String> names = new java.util.ArrayList<>();
      for (String code : strings(d.get("languages"))) names.add(LanguageNames.name(lang, code));
      fact(b, t(lang, "languages"), esc(String.join(lang == Lang.AR ? "، " : ", ", names)));
    }
    if (e.kind() == EntryKind.TRAINING) b.append(TrainingSection.facts(lang, d));
    fact(b, t(lang, "updated"), facts.date(lang, e.updated().toString().substring(0, 10)));
    b.append("</dl>");
    if (e.kind() == EntryKind.TRAINING) b.append(TrainingSection.sessions(lang, facts, d));
    b.append(EntryActions.facts(lang, e));
    b.append(block(lang, d.get("content")));
    b.append(attachments(lang, d.path("attachments")));
    StringBuilder more = new StringBuilder();
    for (JsonNode l : d.path("links")) {
      String url = l.path("url").asText();
      if (!Html.safeUrl(url)) continue;
      Lang.Localized label = lang.pick(l.get("label"));
      more.append("<li>").append(link(url, label == null ? url : label.text())).append("</li>");
    }
    if (!more.isEmpty()) {
      b.append("<section><h2>")
          .append(esc(t(lang, "moreLinks")))
          .append("</h2><ul class=\"plain\">")
          .append(more)
          .append("</ul></section>");
    }
    b.append("</article>");
    Lang.Localized title = lang.pick(d.get("title"));
    return layout(lang, title == null ? e.id() : title.text(), b.toString(), path);
  }

  public String notFound(Lang lang, String path) {
    return layout(
        lang,
        t(lang, "notFound"),
        "<h1>" + esc(t(lang, "notFound")) + "</h1><p>" + esc(t(lang, "notFoundText")) + "</p>",
        path);
  }

  /** The page frame around {@code body} (head, bar with language switch, footer). */
  public String page(Lang lang, String title, String body, String path) {
    return frame.layout(lang, title, body, path);
  }

  String layout(Lang lang, String title, String body, String path) {
    return frame.layout(lang, title, body, path);
  }

  String layout(Lang lang, String title, String body, String path, List<PageFrame.FeedLink> feeds) {
    return frame.layout(lang, title, body, path, feeds);
  }

  private static void fact(StringBuilder b, String label, String valueHtml) {
    b.append("<dt>").append(esc(label)).append("</dt><dd>").append(valueHtml).append("</dd>");
  }

  private static String initial(Lang lang, JsonNode name) {
    Lang.Localized l = lang.pick(name);
    return l == null || l.text().isBlank()
        ? "؟"
        : l.text().substring(0, l.text().offsetByCodePoints(0, 1));
  }

  private static List<String> strings(JsonNode arr) {
    List<String> out = new java.util.ArrayList<>();
    arr.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Page links are same-origin paths, so a page works under any host name it is reached by. */
  private String pathOf(String absolute) {
    return absolute.substring(urls.root().length());
  }
}
