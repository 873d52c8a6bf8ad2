package org.madani.node.http.pages;

import static org.madani.node.http.pages.Messages.t;
import static org.madani.node.text.Html.esc;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.madani.node.content.Taxonomies;
import org.madani.node.directory.report.DirectoryReport;
import org.madani.node.directory.report.ReportPeriod;

/**
 * The public statistics page: a GET form, bar charts drawn here as inline SVG (presentation
 * attributes only: no scripts, no style attributes, so the strict CSP holds), each chart followed
 * by the same figures as a table for screen readers and copying, and the coverage. In Arabic the
 * bars grow from the right.
 */
public final class ReportPageRenderer {

  static final int WIDTH = 640;
  static final int ROW = 22;
  static final int LABEL = 220;
  static final String BAR = "#2f6f5e";

  private final PageRenderer frame;
  private final Taxonomies taxonomies;

  public ReportPageRenderer(PageRenderer frame, Taxonomies taxonomies) {
    this.frame = frame;
    this.taxonomies = taxonomies;
  }

  /** {@code query}: the report's parameters as a query string (for the CSV and JSON links). */
  public String page(Lang lang, DirectoryReport r, String query, String error, String path) {
    StringBuilder b = new StringBuilder();
    b.append("<h1>").append(esc(t(lang, "reports"))).append("</h1>");
    b.append("<p class=\"muted\">").append(esc(t(lang, "reportsIntro"))).append("</p>");
    form(b, lang, r);
    if (error != null) {
      b.append("<p class=\"error\" role=\"alert\">")
          .append(esc(t(lang, "badFilter")))
          .append(": <bdi>")
          .append(esc(error))
          .append("</bdi></p>");
    }
    if (r != null) {
      b.append("<p>")
          .append(esc(t(lang, "report.total")))
          .append(": <strong>")
          .append(r.total())
          .append("</strong> · <bdi>")
          .append(esc(r.from().toString()))
          .append(" – ")
          .append(esc(r.to().toString()))
          .append("</bdi></p>");
      b.append("<p><a type=\"text/csv\" href=\"/reports.csv")
          .append(esc(query))
          .append("\">CSV</a> · ")
          .append("<a type=\"application/json\" href=\"/reports.json")
          .append(esc(query))
          .append("\">JSON</a></p>");
      List<String[]> perPeriod = new ArrayList<>();
      r.columns().forEach(c -> perPeriod.add(new String[] {c.label(), String.valueOf(c.total())}));
      chart(b, lang, t(lang, "report.byPeriod"), perPeriod);
      for (String dim : DirectoryReport.DIMENSIONS) {
        List<String[]> rows = new ArrayList<>();
        r.totals()
            .getOrDefault(dim, Map.of())
            .forEach((v, n) -> rows.add(new String[] {label(lang, dim, v), String.valueOf(n)}));
        chart(b, lang, t(lang, "report.by." + dim), rows);
      }
      coverage(b, lang, r.coverage());
    }
    return frame.layout(lang, t(lang, "reports"), b.toString(), path);
  }

  private void form(StringBuilder b, Lang lang, DirectoryReport r) {
    String current = r == null ? "month" : r.period().wireName();
    b.append("<form class=\"search\" method=\"get\" action=\"/reports\">")
        .append("<input type=\"hidden\" name=\"lang\" value=\"")
        .append(lang.code)
        .append("\">")
        .append("<label>")
        .append(esc(t(lang, "report.period")))
        .append("<select name=\"period\">");
    for (ReportPeriod p : ReportPeriod.values()) {
      b.append("<option value=\"")
          .append(p.wireName())
          .append("\"")
          .append(p.wireName().equals(current) ? " selected" : "")
          .append(">")
          .append(esc(t(lang, "report.period." + p.wireName())))
          .append("</option>");
    }
    b.append("</select></label>");
    b.append("<label>")
        .append(esc(t(lang, "from")))
        .append("<input type=\"date\" name=\"from\" value=\"")
        .append(r == null ? "" : esc(r.from().toString()))
        .append("\"></label>");
    b.append("<label>")
        .append(esc(t(lang, "to")))
        .append("<input type=\"date\" name=\"to\" value=\"")
        .append(r == null ? "" : esc(r.to().toString()))
        .append("\"></label>");
    b.append("<button type=\"submit\">")
        .append(esc(t(lang, "report.show")))
        .append("</button></form>");
  }

  /** A horizontal bar chart and its table. Rows: {label, count}. */
  static void chart(StringBuilder b, Lang lang, String title, List<String[]> rows) {
    b.append("<section class=\"report-chart\"><h2>").append(esc(title)).append("</h2>");
    if (rows.isEmpty()) {
      b.append("<p class=\"muted\">").append(esc(t(lang, "report.none"))).append("</p></section>");
      return;
    }
    long max = 1;
    for (String[] r : rows) max = Math.max(max, Long.parseLong(r[1]));
    boolean rtl = lang == Lang.AR;
    int height = rows.size() * ROW + 8;
    int span = WIDTH - LABEL - 50;
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" role=\"img\" aria-label=\"")
        .append(esc(title))
        .append("\"><title>")
        .append(esc(title))
        .append("</title>");
    int y = 4;
    for (String[] r : rows) {
      long n = Long.parseLong(r[1]);
      int w = (int) Math.max(n > 0 ? 1 : 0, Math.round((double) n * span / max));
      int barX = rtl ? WIDTH - LABEL - w : LABEL;
      int labelX = rtl ? WIDTH - 4 : LABEL - 6;
      int countX = rtl ? barX - 4 : LABEL + w + 4;
      // Right-to-left labels start at the right edge and run leftwards into the label column:
      // "start" is the right end of rtl text. (Anchoring at "end" made them run out of the
      // picture to the right, leaving one glyph visible.) Labels longer than the column are
      // shortened here, whole in the tooltip and in the table below.
      b.append("<text x=\"")
          .append(labelX)
          .append("\" y=\"")
          .append(y + 15)
          .append("\" font-size=\"12\" text-anchor=\"")
          .append(rtl ? "start\" direction=\"rtl\" unicode-bidi=\"embed\"" : "end\"")
          .append("><title>")
          .append(esc(r[0]))
          .append("</title>")
          .append(esc(fit(r[0])))
          .append("</text>");
      b.append("<rect x=\"")
          .append(barX)
          .append("\" y=\"")
          .append(y + 3)
          .append("\" width=\"")
          .append(w)
          .append("\" height=\"")
          .append(ROW - 6)
          .append("\" fill=\"")
          .append(BAR)
          .append("\"/>");
      b.append("<text x=\"")
          .append(countX)
          .append("\" y=\"")
          .append(y + 15)
          .append("\" font-size=\"12\" text-anchor=\"")
          .append(rtl ? "end" : "start")
          .append("\">")
          .append(n)
          .append("</text>");
      y += ROW;
    }
    b.append("</svg><table class=\"figures\" tabindex=\"0\"><tbody>");
    for (String[] r : rows) {
      b.append("<tr><th scope=\"row\"><bdi>")
          .append(esc(r[0]))
          .append("</bdi></th><td>")
          .append(esc(r[1]))
          .append("</td></tr>");
    }
    b.append("</tbody></table></section>");
  }

  /** Characters that fit the label column at 12px (Arabic and Latin glyphs average under 7px). */
  static final int LABEL_CHARS = 30;

  static String fit(String label) {
    if (label.codePointCount(0, label.length()) <= LABEL_CHARS) return label;
    return label.substring(0, label.offsetByCodePoints(0, LABEL_CHARS - 1)).strip() + "…";
  }

  private static void coverage(StringBuilder b, Lang lang, DirectoryReport.Coverage c) {
    b.append("<section><h2>")
        .append(esc(t(lang, "report.coverage")))
        .append("</h2><p>")
        .append(esc(t(lang, "report.coverageText")))
        .append("</p><dl class=\"facts\">");
    fact(b, t(lang, "report.nodes"), String.valueOf(c.nodes()));
    fact(b, t(lang, "report.organizations"), String.valueOf(c.organizations()));
    fact(b, t(lang, "report.local"), String.valueOf(c.localEntries()));
    fact(b, t(lang, "report.received"), String.valueOf(c.receivedEntries()));
    b.append("</dl>");
    if (!c.origins().isEmpty()) {
      b.append("<table class=\"figures\" tabindex=\"0\"><thead><tr><th>")
          .append(esc(t(lang, "organization")))
          .append("</th><th>")
          .append(esc(t(lang, "report.node")))
          .append("</th><th>")
          .append(esc(t(lang, "results")))
          .append("</th><th>")
          .append(esc(t(lang, "report.lastSynced")))
          .append("</th></tr></thead><tbody>");
      DateTimeFormatter f =
          DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
              .withLocale(lang.locale())
              .withZone(ZoneOffset.UTC);
      for (DirectoryReport.Origin o : c.origins()) {
        Lang.Localized name = lang.pick(node(o.name()));
        java.time.Instant last =
            o.local()
                ? null
                : o.lastSynced() == null
                    ? o.lastReceived()
                    : o.lastReceived() == null || o.lastSynced().isAfter(o.lastReceived())
                        ? o.lastSynced()
                        : o.lastReceived();
        b.append("<tr><td><bdi>")
            .append(esc(name == null ? o.organization() : name.text()))
            .append("</bdi></td><td><bdi>")
            .append(esc(o.node()))
            .append("</bdi></td><td>")
            .append(o.entries())
            .append("</td><td>")
            .append(
                o.local()
                    ? esc(t(lang, "localEntry"))
                    : last == null ? "—" : esc(f.format(last)) + " UTC")
            .append("</td></tr>");
      }
      b.append("</tbody></table>");
    }
    b.append("</section>");
  }

  private String label(Lang lang, String dim, String v) {
    return switch (dim) {
      case "kind" -> t(lang, "kind." + v);
      case "sector" -> taxonomies.sector(v).map(tm -> tm.label(lang.code)).orElse(v);
      case "region" -> taxonomies.region(v).map(tm -> tm.label(lang.code)).orElse(v);
      default -> v;
    };
  }

  private static void fact(StringBuilder b, String label, String value) {
    b.append("<dt>").append(esc(label)).append("</dt><dd>").append(esc(value)).append("</dd>");
  }

  private static com.fasterxml.jackson.databind.JsonNode node(Map<String, String> m) {
    var n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    m.forEach(n::put);
    return n;
  }
}
