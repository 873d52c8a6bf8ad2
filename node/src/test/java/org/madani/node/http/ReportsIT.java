package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;

/**
 * Directory statistics on real nodes. A follows B and B follows A. A hosts a project (January
 * 2027), an event (March 2027) and a network-only project (March 2027); B an event (March 2027)
 * that reaches A. A's public report counts three entries from two nodes; a published Report entry
 * reaches B.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ReportsIT {

  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static final Duration WAIT = Duration.ofSeconds(20);
  static final String RANGE = "period=month&from=2027-01-01&to=2027-03-31";

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "sawa", false);
    b = TestNode.start(dir.resolve("b"), "nour", false);
    follow(a, "sawa", b.base() + "/orgs/nour");
    follow(b, "nour", a.base() + "/orgs/sawa");
    FeedsIT.created(
        a,
        "{\"kind\":\"project\",\"title\":{\"ar\":\"مساحات التعلم\",\"en\":\"Learning spaces\"},"
            + "\"startDate\":\"2027-01-15\",\"sectors\":[\"education\"],\"regions\":[\"sy-idlib\"]}");
    FeedsIT.created(
        a,
        "{\"kind\":\"event\",\"title\":{\"ar\":\"أمسية\",\"en\":\"Evening\"},"
            + "\"startTime\":\"2027-03-01T19:00:00+03:00\",\"timeZone\":\"Asia/Damascus\",\"sectors\":[\"culture-arts\"],"
            + "\"regions\":[\"sy-aleppo\"],\"place\":{\"name\":{\"ar\":\"حلب\"}}}");
    FeedsIT.created(
        a,
        "{\"kind\":\"project\",\"visibility\":\"network\",\"startDate\":\"2027-03-02\","
            + "\"title\":{\"en\":\"Hidden\"}}");
    String bEvent =
        FeedsIT.created(
            b,
            "{\"kind\":\"event\",\"title\":{\"en\":\"Workshop\"},"
                + "\"startTime\":\"2027-03-10T10:00:00+01:00\",\"timeZone\":\"Europe/Berlin\",\"sectors\":[\"education\"],"
                + "\"onlineUrl\":\"https://meet.example/x\",\"regions\":[\"online\"]}");
    await()
        .atMost(WAIT)
        .until(() -> a.get("/api/v1/directory?pageSize=50").body().contains(bEvent));
  }

  @AfterAll
  static void stop() {
    if (a != null) a.close();
    if (b != null) b.close();
  }

  static void follow(TestNode n, String handle, String actor) throws Exception {
    HttpResponse<String> r =
        n.api(
            "POST",
            "/api/v1/organizations/" + handle + "/following",
            "{\"actor\":\"" + actor + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    await()
        .atMost(WAIT)
        .until(
            () ->
                n.api("GET", "/api/v1/organizations/" + handle + "/following", null)
                    .body()
                    .contains("accepted"));
  }

  @Test
  void jsonCountsByPeriodKindSectorRegion_withCoverage() throws Exception {
    JsonNode r = TestNode.json(a.get("/reports.json?" + RANGE));
    assertThat(r.get("scope").asText()).isEqualTo("public");
    assertThat(r.get("total").asLong()).isEqualTo(3); // the network need is not public
    assertThat(r.get("periods")).hasSize(3);
    assertThat(r.at("/periods/0/label").asText()).isEqualTo("2027-01");
    assertThat(r.at("/periods/0/total").asLong()).isEqualTo(1);
    assertThat(r.at("/periods/1/total").asLong()).isZero();
    assertThat(r.at("/periods/2/total").asLong()).isEqualTo(2);
    assertThat(r.at("/periods/2/counts/kind/event").asLong()).isEqualTo(2);
    assertThat(r.at("/totals/sector/education").asLong()).isEqualTo(2);
    assertThat(r.at("/totals/region/sy-idlib").asLong()).isEqualTo(1);
    assertThat(r.at("/coverage/nodes").asInt()).isEqualTo(2);
    assertThat(r.at("/coverage/organizations").asInt()).isEqualTo(2);
    assertThat(r.at("/coverage/localEntries").asLong()).isEqualTo(2);
    assertThat(r.at("/coverage/receivedEntries").asLong()).isEqualTo(1);
    JsonNode origin = null;
    for (JsonNode o : r.at("/coverage/origins")) if (!o.get("local").asBoolean()) origin = o;
    assertThat(origin).isNotNull();
    assertThat(origin.get("organization").asText()).isEqualTo(b.base() + "/orgs/nour");
    assertThat(origin.get("lastReceived").asText()).isNotBlank();

    // Admins may ask for the network scope through the API; anonymous callers cannot.
    JsonNode network = TestNode.json(a.api("GET", "/api/v1/reports?" + RANGE, null));
    assertThat(network.get("scope").asText()).isEqualTo("network");
    assertThat(network.get("total").asLong()).isEqualTo(4); // with the network project
    assertThat(a.get("/api/v1/reports?" + RANGE).statusCode()).isEqualTo(401);
  }

  @Test
  void csvShape() throws Exception {
    HttpResponse<String> r = a.get("/reports.csv?" + RANGE);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    List<String> lines = r.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("period,period_start,period_end,dimension,value,count");
    assertThat(lines)
        .contains(
            "2027-01,2027-01-01,2027-01-31,total,,1",
            "2027-02,2027-02-01,2027-02-28,total,,0",
            "2027-03,2027-03-01,2027-03-31,kind,event,2",
            "all,2027-01-01,2027-03-31,total,,3",
            "all,2027-01-01,2027-03-31,coverage,nodes,2");
    assertThat(r.body()).contains("\r\n");
    for (String l : lines) assertThat(l.split(",", -1)).hasSize(6);
  }

  @Test
  void htmlHasServerSideSvgCharts_noScripts_rtl() throws Exception {
    HttpResponse<String> r = a.get("/reports?" + RANGE);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'none'");
    Document d = Jsoup.parse(r.body());
    assertThat(d.selectFirst("html").attr("dir")).isEqualTo("rtl");
    assertThat(d.select("script")).isEmpty();
    assertThat(d.select("[style]")).isEmpty();
    assertThat(d.select("svg.chart")).hasSize(4);
    assertThat(d.select("svg.chart rect")).isNotEmpty();
    assertThat(d.text()).contains("الثقافة والفنون").contains("التغطية");
    assertThat(Jsoup.parse(a.get("/reports?lang=en&" + RANGE).body()).text())
        .contains("By sector", "Coverage");
    assertThat(a.get("/reports?period=week").statusCode()).isEqualTo(400);
    assertThat(a.get("/reports.json?period=month&from=2000-01-01&to=2027-01-01").statusCode())
        .isEqualTo(400);
  }

  @Test
  @org.junit.jupiter.api.Order(
      Integer.MAX_VALUE) // the published report is itself an entry dated in the range
  void publishedReportIsAnEntry_thatReachesFollowers() throws Exception {
    HttpResponse<String> r =
        a.api(
            "POST",
            "/api/v1/organizations/sawa/reports/publish",
            "{\"period\":\"quarter\",\"from\":\"2027-01-01\",\"to\":\"2027-03-31\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode entry = TestNode.json(r);
    assertThat(entry.get("kind").asText()).isEqualTo("report");
    assertThat(entry.get("reportType").asText()).isEqualTo("quarterly");
    assertThat(entry.at("/period/start").asText()).isEqualTo("2027-01-01");
    assertThat(entry.at("/content/ar").asText()).contains("2027-Q1: 3");
    assertThat(entry.at("/document/url").asText())
        .isEqualTo(a.base() + "/reports.csv?period=quarter&from=2027-01-01&to=2027-03-31");
    String url = entry.get("url").asText();
    JsonNode atB =
        await()
            .atMost(WAIT)
            .until(
                () -> TestNode.json(b.api("GET", "/api/v1/directory?kind=report", null)),
                d -> d.get("items").size() == 1);
    assertThat(atB.at("/items/0/id").asText()).isEqualTo(url);
    assertThat(atB.at("/items/0/provenance/origin").asText()).isEqualTo(a.base() + "/orgs/sawa");
    assertThat(a.api("POST", "/api/v1/organizations/nobody/reports/publish", "{}").statusCode())
        .isEqualTo(404);
  }
}
