package org.madani.node.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.madani.node.directory.report.DirectoryReport;

/**
 * {@code /reports.json} and the admin report answer (report.schema.json): a {@link DirectoryReport}
 * in the wire shape, dates as ISO-8601 text, each period's end inclusive.
 */
record ReportDocument(
    String period,
    String from,
    String to,
    String scope,
    String generated,
    long total,
    Map<String, Map<String, Long>> totals,
    List<Period> periods,
    Coverage coverage) {

  static final String DEDUPLICATED = "each entry counted once, by its id";
  static final String VERIFIED =
      "received entries are counted only when their signature and origin were verified on receipt";

  static ReportDocument of(DirectoryReport r) {
    DirectoryReport.Coverage cv = r.coverage();
    return new ReportDocument(
        r.period().wireName(),
        r.from().toString(),
        r.to().toString(),
        r.scope(),
        r.generated().toString(),
        r.total(),
        r.totals(),
        r.columns().stream()
            .map(
                c ->
                    new Period(
                        c.label(),
                        c.start().toString(),
                        c.end().minusDays(1).toString(),
                        c.total(),
                        c.counts()))
            .toList(),
        new Coverage(
            cv.nodes(),
            cv.organizations(),
            cv.localEntries(),
            cv.receivedEntries(),
            DEDUPLICATED,
            VERIFIED,
            cv.origins().stream()
                .map(
                    g ->
                        new Origin(
                            g.organization(),
                            g.name(),
                            g.node(),
                            g.local(),
                            g.entries(),
                            text(g.lastSynced()),
                            text(g.lastReceived())))
                .toList()));
  }

  private static String text(Instant i) {
    return i == null ? null : i.toString();
  }

  /** One column: {@code end} is the period's last day. */
  record Period(
      String label, String start, String end, long total, Map<String, Map<String, Long>> counts) {}

  record Coverage(
      int nodes,
      int organizations,
      long localEntries,
      long receivedEntries,
      String deduplicated,
      String verified,
      List<Origin> origins) {}

  /** Where figures come from; {@code lastSynced} and {@code lastReceived} only when known. */
  @JsonInclude(Include.NON_NULL)
  record Origin(
      String organization,
      Map<String, String> name,
      String node,
      boolean local,
      long entries,
      String lastSynced,
      String lastReceived) {}
}
