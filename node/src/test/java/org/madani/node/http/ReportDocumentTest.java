package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madani.node.directory.report.DirectoryReport;
import org.madani.node.directory.report.ReportPeriod;
import org.madani.node.json.JsonCodec;

/**
 * {@code /reports.json} is a record now; its bytes are those of the Jackson tree it replaces (built
 * here as ReportFormats built it), with and without the optional origin times.
 */
class ReportDocumentTest {

  final JsonCodec json = new JsonCodec(64);

  @Test
  void keepsTheBytesOfTheHandBuiltTree() {
    Map<String, Map<String, Long>> counts =
        Map.of("kind", Map.of("event", 2L), "sector", Map.of(), "region", Map.of("sy", 2L));
    DirectoryReport r =
        new DirectoryReport(
            ReportPeriod.MONTH,
            LocalDate.parse("2026-11-01"),
            LocalDate.parse("2026-12-01"),
            "public",
            2,
            counts,
            List.of(
                new DirectoryReport.Column(
                    "2026-11",
                    LocalDate.parse("2026-11-01"),
                    LocalDate.parse("2026-12-01"),
                    2,
                    counts)),
            new DirectoryReport.Coverage(
                1,
                2,
                1,
                1,
                List.of(
                    new DirectoryReport.Origin(
                        "https://a.example/orgs/a",
                        Map.of("ar", "أ"),
                        "a.example",
                        true,
                        1,
                        null,
                        null),
                    new DirectoryReport.Origin(
                        "https://b.example/orgs/b",
                        Map.of("en", "B"),
                        "b.example",
                        false,
                        1,
                        Instant.parse("2026-12-01T08:00:00Z"),
                        Instant.parse("2026-12-01T07:00:00Z")))),
            Instant.parse("2026-12-07T10:00:00Z"));

    assertThat(text(ReportDocument.of(r))).isEqualTo(text(oldTree(json.mapper(), r)));
  }

  /** ReportFormats.json as it was before the record. */
  private static ObjectNode oldTree(ObjectMapper json, DirectoryReport r) {
    ObjectNode o = json.createObjectNode();
    o.put("period", r.period().wireName());
    o.put("from", r.from().toString());
    o.put("to", r.to().toString());
    o.put("scope", r.scope());
    o.put("generated", r.generated().toString());
    o.put("total", r.total());
    o.set("totals", json.valueToTree(r.totals()));
    ArrayNode cols = o.putArray("periods");
    for (DirectoryReport.Column c : r.columns()) {
      ObjectNode n = cols.addObject();
      n.put("label", c.label());
      n.put("start", c.start().toString());
      n.put("end", c.end().minusDays(1).toString());
      n.put("total", c.total());
      n.set("counts", json.valueToTree(c.counts()));
    }
    DirectoryReport.Coverage cv = r.coverage();
    ObjectNode cov = o.putObject("coverage");
    cov.put("nodes", cv.nodes());
    cov.put("organizations", cv.organizations());
    cov.put("localEntries", cv.localEntries());
    cov.put("receivedEntries", cv.receivedEntries());
    cov.put("deduplicated", "each entry counted once, by its id");
    cov.put(
        "verified",
        "received entries are counted only when their signature and origin were verified on receipt");
    ArrayNode origins = cov.putArray("origins");
    for (DirectoryReport.Origin g : cv.origins()) {
      ObjectNode n = origins.addObject();
      n.put("organization", g.organization());
      n.set("name", json.valueToTree(g.name()));
      n.put("node", g.node());
      n.put("local", g.local());
      n.put("entries", g.entries());
      if (g.lastSynced() != null) n.put("lastSynced", g.lastSynced().toString());
      if (g.lastReceived() != null) n.put("lastReceived", g.lastReceived().toString());
    }
    return o;
  }

  private String text(Object value) {
    return new String(json.write(value), StandardCharsets.UTF_8);
  }
}
