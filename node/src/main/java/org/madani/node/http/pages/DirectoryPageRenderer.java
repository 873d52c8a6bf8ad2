package org.madani.node.http.pages;

import static org.madani.node.http.pages.Messages.t;
import static org.madani.node.text.Html.esc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import org.madani.node.content.Taxonomies;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.DirectoryResult;
import org.madani.node.model.EntryKind;
import org.madani.node.model.Urls;
import org.madani.node.text.Html;

/**
 * The public directory page: a GET form (works without JavaScript), results as cards, facet counts
 * as plain links that add a filter, and previous/next links. Same rules as {@link PageRenderer}:
 * everything escaped, nothing from third parties, rtl for Arabic. Links to received entries point
 * to their origin and carry {@code rel="nofollow noopener noreferrer"}.
 */
public final class DirectoryPageRenderer {

  /** Form fields, in the order they are kept in links. {@code language} filters content. */
  public static final String[] FIELDS = {
    "q", "kind", "sector", "region", "language", "org", "from", "to", "sort"
  };

  private final PageRenderer frame;
  private final Taxonomies taxonomies;
  private final Urls urls;

  public DirectoryPageRenderer(PageRenderer frame, Taxonomies taxonomies, Urls urls) {
    this.frame = frame;
    this.taxonomies = taxonomies;
    this.urls = urls;
  }

  /** {@code params}: the form fields as received (null or absent: not set). */
  public String page(
      Lang lang, Map<String, String> params, DirectoryResult r, String error, String path) {
    StringBuilder b = new StringBuilder();
    b.append("<h1>").append(esc(t(lang, "directory"))).append("</h1>");
    b.append("<p class=\"muted\">").append(esc(t(lang, "directoryIntro"))).append("</p>");
    form(b, lang, params);
    if (error != null) {
      b.append("<p class=\"error\" role=\"alert\">")
          .append(esc(t(lang, "badFilter")))
          .append(": <bdi>")
          .append(esc(error))
          .append("</bdi></p>");
    }
    if (r != null) {
      b.append("<p class=\"muted\">")
          .append(esc(t(lang, "results")))
          .append(": ")
          .append(r.total())
          .append("</p>");
      b.append("<div class=\"directory\"><section class=\"results\">");
      results(b, lang, r);
      paging(b, lang, params, r);
      b.append("</section><aside class=\"facets\">");
      facets(b, lang, params, r);
      b.append("</aside></div>");
    }
    return frame.layout(
        lang,
        t(lang, "directory"),
        b.toString(),
        path,
        error == null
            ? PageFrame.feeds("/feeds/directory", feedQuery(params))
            : java.util.List.of());
  }

  private void form(StringBuilder b, Lang lang, Map<String, String> p) {
    b.append("<form class=\"search\" method=\"get\" action=\"/directory\" role=\"search\">")
        .append("<input type=\"hidden\" name=\"lang\" value=\"")
        .append(lang.code)
        .append("\">")
        .append("<label class=\"wide\">")
        .append(esc(t(lang, "searchLabel")))
        .append("<input type=\"search\" name=\"q\" maxlength=\"200\" value=\"")
        .append(esc(p.getOrDefault("q", "")))
        .append("\"></label>");
    Map<String, String> kinds = new LinkedHashMap<>();
    for (EntryKind k : EntryKind.values()) kinds.put(k.wireName(), t(lang, "kind." + k.wireName()));
    select(b, lang, "kind", kinds, p);
    Map<String, String> sectors = new LinkedHashMap<>();
    taxonomies.sectors().forEach((id, term) -> sectors.put(id, term.label(lang.code)));
    select(b, lang, "sector", sectors, p);
    Map<String, String> regions = new LinkedHashMap<>();
    taxonomies.regions().forEach((id, term) -> regions.put(id, term.label(lang.code)));
    select(b, lang, "region", regions, p);
    Map<String, String> languages = new LinkedHashMap<>();
    languages.put("ar", t(lang, "lang.ar"));
    languages.put("en", t(lang, "lang.en"));
    select(b, lang, "language", languages, p);
    b.append("<label>")
        .append(esc(t(lang, "from")))
        .append("<input type=\"date\" name=\"from\" value=\"")
        .append(esc(p.getOrDefault("from", "")))
        .append("\"></label>");
    b.append("<label>")
        .append(esc(t(lang, "to")))
        .append("<input type=\"date\" name=\"to\" value=\"")
        .append(esc(p.getOrDefault("to", "")))
        .append("\"></label>");
    b.append("<label>").append(esc(t(lang, "sort"))).append("<select name=\"sort\">");
    for (String s : new String[] {"relevance", "date"}) {
      b.append("<option value=\"")
          .append(s)
          .append("\"")
          .append(s.equals(p.get("sort")) ? " selected" : "")
          .append(">")
          .append(esc(t(lang, "sort." + s)))
          .append("</option>");
    }
    b.append("</select></label>");
    if (p.get("org") != null) {
      b.append("<input type=\"hidden\" name=\"org\" value=\"")
          .append(esc(p.get("org")))
          .append("\">");
    }
    b.append("<button type=\"submit\">")
        .append(esc(t(lang, "search")))
        .append("</button> <a href=\"/directory?lang=")
        .append(lang.code)
        .append("\">")
        .append(esc(t(lang, "clearFilters")))
        .append("</a></form>");
  }

  private static void select(
      StringBuilder b, Lang lang, String name, Map<String, String> options, Map<String, String> p) {
    b.append("<label>")
        .append(esc(t(lang, name)))
        .append("<select name=\"")
        .append(name)
        .append("\">")
        .append("<option value=\"\">")
        .append(esc(t(lang, "any")))
        .append("</option>");
    options.forEach(
        (v, label) ->
            b.append("<option value=\"")
                .append(esc(v))
                .append("\"")
                .append(v.equals(p.get(name)) ? " selected" : "")
                .append(">")
                .append(esc(label))
                .append("</option>"));
    b.append("</select></label>");
  }

  private void results(StringBuilder b, Lang lang, DirectoryResult r) {
    if (r.items().isEmpty()) {
      b.append("<p>").append(esc(t(lang, "noResults"))).append("</p>");
      return;
    }
    b.append("<ul class=\"cards\">");
    for (DirectoryEntry e : r.items()) {
      b.append("<li class=\"card\"><span class=\"badge\">")
          .append(esc(t(lang, "kind." + e.kind())))
          .append("</span> ");
      String href = e.local() ? e.id().substring(urls.root().length()) : e.id();
      b.append("<a href=\"")
          .append(esc(Html.safeUrl(e.id()) ? href : "#"))
          .append("\"")
          .append(e.local() ? "" : " rel=\"nofollow noopener noreferrer\"")
          .append(">")
          .append(PageText.text(lang, node(e.title()), "span"))
          .append("</a>");
      b.append("<p class=\"muted\">").append(PageText.text(lang, node(e.orgName()), "span"));
      b.append(" · <time datetime=\"")
          .append(esc(e.date().toString()))
          .append("\">")
          .append(
              esc(
                  e.date()
                      .atZone(ZoneOffset.UTC)
                      .toLocalDate()
                      .format(
                          DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                              .withLocale(lang.locale()))))
          .append("</time></p>");
      b.append(PageText.text(lang, node(e.summary()), "p"));
      b.append("<p class=\"provenance muted\"><small>");
      if (e.local()) {
        b.append(esc(t(lang, "localEntry")));
      } else {
        b.append(esc(t(lang, "received")))
            .append(" <bdi>")
            .append(esc(host(e.provenance().origin())))
            .append("</bdi>, ")
            .append(esc(t(lang, "verified")))
            .append(" (<bdi>")
            .append(esc(e.provenance().verifiedBy()))
            .append("</bdi>)");
        if (e.provenance().via() != null) {
          b.append(", ")
              .append(esc(t(lang, "via")))
              .append(" <bdi>")
              .append(esc(host(e.provenance().via())))
              .append("</bdi>");
        }
      }
      b.append("</small></p></li>");
    }
    b.append("</ul>");
  }

  private static void paging(StringBuilder b, Lang lang, Map<String, String> p, DirectoryResult r) {
    if (r.page() <= 1 && !r.hasNext()) return;
    b.append("<nav class=\"paging\">");
    if (r.page() > 1) {
      b.append("<a rel=\"prev\" href=\"")
          .append(esc(link(lang, p, "page", String.valueOf(r.page() - 1))))
          .append("\">")
          .append(esc(t(lang, "previous")))
          .append("</a> ");
    }
    if (r.hasNext()) {
      b.append("<a rel=\"next\" href=\"")
          .append(esc(link(lang, p, "page", String.valueOf(r.page() + 1))))
          .append("\">")
          .append(esc(t(lang, "next")))
          .append("</a>");
    }
    b.append("</nav>");
  }

  private void facets(StringBuilder b, Lang lang, Map<String, String> p, DirectoryResult r) {
    for (var dim : r.facets().entrySet()) {
      if (dim.getValue().isEmpty()) continue;
      String param =
          dim.getKey().equals("language")
              ? "language"
              : dim.getKey().equals("organization") ? "org" : dim.getKey();
      b.append("<h2>").append(esc(t(lang, dim.getKey()))).append("</h2><ul class=\"plain facet\">");
      int shown = 0;
      for (var v : dim.getValue().entrySet()) {
        if (shown++ == 15) break;
        boolean on = v.getKey().equals(p.get(param));
        b.append("<li><a href=\"")
            .append(esc(link(lang, p, param, on ? null : v.getKey())))
            .append("\"")
            .append(on ? " aria-current=\"true\"" : "")
            .append("><bdi>")
            .append(esc(label(lang, dim.getKey(), v.getKey(), r)))
            .append("</bdi></a> <span class=\"muted\">(")
            .append(v.getValue())
            .append(")</span></li>");
      }
      b.append("</ul>");
    }
  }

  private String label(Lang lang, String dim, String value, DirectoryResult r) {
    return switch (dim) {
      case "kind" -> t(lang, "kind." + value);
      case "sector" -> taxonomies.sector(value).map(tm -> tm.label(lang.code)).orElse(value);
      case "region" -> taxonomies.region(value).map(tm -> tm.label(lang.code)).orElse(value);
      case "language" -> LanguageNames.name(lang, value);
      case "organization" -> {
        Lang.Localized l = lang.pick(node(r.organizations().getOrDefault(value, Map.of())));
        yield l == null ? host(value) : l.text();
      }
      default -> value;
    };
  }

  /** The current query with {@code name} set to {@code value} (null: removed); back to page 1. */
  static String link(Lang lang, Map<String, String> p, String name, String value) {
    StringBuilder q = new StringBuilder("/directory?lang=").append(lang.code);
    for (String f : FIELDS) {
      String v = f.equals(name) ? value : p.get(f);
      if (v != null && !v.isEmpty())
        q.append('&').append(f).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }
    if ("page".equals(name)) q.append("&page=").append(value);
    return q.toString();
  }

  /**
   * The filters of the page as a feed query: the same saved search, as a feed (no paging, no sort).
   */
  static String feedQuery(Map<String, String> p) {
    StringBuilder q = new StringBuilder();
    for (String f : FIELDS) {
      String v = p.get(f);
      if (v == null || v.isEmpty() || f.equals("sort")) continue;
      q.append(q.isEmpty() ? '?' : '&')
          .append(f)
          .append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  private static String host(String url) {
    try {
      String h = java.net.URI.create(url).getAuthority();
      return h == null ? url : h;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode node(Map<String, String> m) {
    var n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    m.forEach(n::put);
    return n;
  }
}
