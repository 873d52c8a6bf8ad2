package org.madani.node.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.madani.node.directory.report.DirectoryReport;
import org.madani.node.text.Csv;

/** A {@link DirectoryReport} as JSON and as CSV; the one place that knows both shapes. */
final class ReportFormats {

  static final List<String> CSV_HEADER =
      List.of("period", "period_start", "period_end", "dimension", "value", "count");

  private final ObjectMapper json;
  private final org.madani.node.content.Taxonomies taxonomies;

  ReportFormats(ObjectMapper json, org.madani.node.content.Taxonomies taxonomies) {
    this.json = json;
    this.taxonomies = taxonomies;
  }

  /**
   * A Report entry (protocol-spec/schemas/entry-report.schema.json) stating the figures in Arabic
   * and English, with the CSV as its document. It is published like any entry: signed, logged and
   * delivered to the organization's followers.
   */
  ObjectNode entryDocument(DirectoryReport r, String csvUrl) {
    ObjectNode d = json.createObjectNode();
    d.put("kind", "report");
    String range = r.from() + " – " + r.to();
    ObjectNode title = d.putObject("title");
    ObjectNode summary = d.putObject("summary");
    ObjectNode content = d.putObject("content");
    for (org.madani.node.http.pages.Lang l : org.madani.node.http.pages.Lang.values()) {
      title.put(l.code, org.madani.node.http.pages.Messages.t(l, "reports") + ": " + range);
      summary.put(
          l.code,
          org.madani.node.http.pages.Messages.t(l, "report.total")
              + ": "
              + r.total()
              + " ("
              + org.madani.node.http.pages.Messages.t(l, "report.period." + r.period().wireName())
              + ")");
      content.put(l.code, text(r, l));
    }
    ObjectNode period = d.putObject("period");
    period.put("start", r.from().toString());
    period.put("end", r.to().toString());
    d.put(
        "reportType",
        switch (r.period()) {
          case MONTH -> "monthly";
          case QUARTER -> "quarterly";
          case YEAR -> "annual";
        });
    ObjectNode doc = d.putObject("document");
    doc.put("url", csvUrl);
    doc.putObject("label").put("ar", "الأرقام (CSV)").put("en", "Figures (CSV)");
    d.putArray("tags").add("statistics");
    return d;
  }

  private String text(DirectoryReport r, org.madani.node.http.pages.Lang l) {
    StringBuilder b = new StringBuilder();
    String sep = l == org.madani.node.http.pages.Lang.AR ? "، " : ", ";
    for (DirectoryReport.Column c : r.columns()) {
      b.append(c.label()).append(": ").append(c.total()).append('\n');
    }
    for (String dim : DirectoryReport.DIMENSIONS) {
      List<String> parts = new java.util.ArrayList<>();
      r.totals()
          .getOrDefault(dim, Map.of())
          .forEach((v, n) -> parts.add(label(l, dim, v) + " " + n));
      if (parts.isEmpty()) continue;
      b.append('\n')
          .append(org.madani.node.http.pages.Messages.t(l, "report.by." + dim))
          .append(": ")
          .append(String.join(sep, parts));
    }
    DirectoryReport.Coverage cv = r.coverage();
    b.append("\n\n")
        .append(org.madani.node.http.pages.Messages.t(l, "report.coverage"))
        .append(": ")
        .append(org.madani.node.http.pages.Messages.t(l, "report.nodes"))
        .append(" ")
        .append(cv.nodes())
        .append(sep)
        .append(org.madani.node.http.pages.Messages.t(l, "report.organizations"))
        .append(" ")
        .append(cv.organizations())
        .append(". ")
        .append(org.madani.node.http.pages.Messages.t(l, "report.coverageText"));
    return b.toString();
  }

  private String label(org.madani.node.http.pages.Lang l, String dim, String v) {
    return switch (dim) {
      case "kind" -> org.madani.node.http.pages.Messages.t(l, "kind." + v);
      case "sector" -> taxonomies.sector(v).map(t -> t.label(l.code)).orElse(v);
      case "region" -> taxonomies.region(v).map(t -> t.label(l.code)).orElse(v);
      default -> v;
    };
  }

  ReportDocument json(DirectoryReport r) {
    return ReportDocument.of(r);
  }

  /**
   * One row per period, dimension and value ("long" shape, easy to pivot), then the same for the
   * whole range under period {@code all}, then the coverage figures under dimension {@code
   * coverage}.
   */
  String csv(DirectoryReport r) {
    StringBuilder b = new StringBuilder(Csv.row(CSV_HEADER));
    for (DirectoryReport.Column c : r.columns()) {
      String end = c.end().minusDays(1).toString();
      b.append(Csv.row(List.of(c.label(), c.start().toString(), end, "total", "", c.total())));
      rows(b, c.label(), c.start().toString(), end, c.counts());
    }
    String from = r.from().toString();
    String to = r.to().toString();
    b.append(Csv.row(List.of("all", from, to, "total", "", r.total())));
    rows(b, "all", from, to, r.totals());
    DirectoryReport.Coverage cv = r.coverage();
    b.append(Csv.row(List.of("all", from, to, "coverage", "nodes", cv.nodes())));
    b.append(Csv.row(List.of("all", from, to, "coverage", "organizations", cv.organizations())));
    b.append(Csv.row(List.of("all", from, to, "coverage", "localEntries", cv.localEntries())));
    b.append(
        Csv.row(List.of("all", from, to, "coverage", "receivedEntries", cv.receivedEntries())));
    return b.toString();
  }

  private static void rows(
      StringBuilder b,
      String label,
      String start,
      String end,
      Map<String, Map<String, Long>> counts) {
    counts.forEach(
        (dim, values) ->
            values.forEach((v, n) -> b.append(Csv.row(List.of(label, start, end, dim, v, n)))));
  }
}
