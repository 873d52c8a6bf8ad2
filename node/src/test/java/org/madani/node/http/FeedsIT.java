package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.madani.node.http.feeds.FeedWritersTest;
import org.w3c.dom.Element;

/**
 * Feeds served by real nodes: A hosts an event in Damascus and a network-only need; B publishes an
 * article that reaches A because A follows B. Feeds are public, hold public entries only, and are
 * valid in each format.
 */
class FeedsIT {

  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static String eventUrl;
  static String networkUrl;
  static String bArticleUrl;
  static final Duration WAIT = Duration.ofSeconds(20);

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "sawa", false);
    b = TestNode.start(dir.resolve("b"), "nour", false);
    HttpResponse<String> f =
        a.api(
            "POST",
            "/api/v1/organizations/sawa/following",
            "{\"actor\":\"" + b.base() + "/orgs/nour\"}");
    assertThat(f.statusCode()).as(f.body()).isEqualTo(202);
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(a.api("GET", "/api/v1/organizations/sawa/following", null))
                    .at("/items/0/state")
                    .asText()
                    .equals("accepted"));
    eventUrl =
        created(
            a,
            "{\"kind\":\"event\",\"title\":{\"ar\":\"أمسية <شعر>\",\"en\":\"Poetry evening\"},"
                + "\"startTime\":\"2027-03-01T19:00:00+03:00\",\"timeZone\":\"Asia/Damascus\",\"sectors\":[\"culture-arts\"],"
                + "\"regions\":[\"sy-aleppo\"],\"place\":{\"name\":{\"ar\":\"المركز الثقافي\",\"en\":\"Cultural centre\"}}}");
    networkUrl =
        created(
            a,
            "{\"kind\":\"need\",\"category\":\"volunteers\",\"visibility\":\"network\","
                + "\"title\":{\"ar\":\"سري\",\"en\":\"Network only\"},\"sectors\":[\"culture-arts\"]}");
    bArticleUrl = created(b, "{\"kind\":\"article\",\"title\":{\"en\":\"Community meetings\"}}");
    await()
        .atMost(WAIT)
        .until(
            () ->
                a.get("/api/v1/directory?pageSize=50").body().contains(bArticleUrl)
                    && a.get("/api/v1/directory?pageSize=50").body().contains(eventUrl));
  }

  @AfterAll
  static void stop() {
    if (a != null) a.close();
    if (b != null) b.close();
  }

  @Test
  void organizationAtomFeed_isValid_public_andEscaped() throws Exception {
    HttpResponse<String> r = a.get("/feeds/org/sawa.atom");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/atom+xml");
    Element feed = FeedWritersTest.parse(r.body()).getDocumentElement();
    for (String name : List.of("id", "title", "updated", "author")) {
      assertThat(FeedWritersTest.children(feed, name)).as(name).hasSize(1);
    }
    assertThat(FeedWritersTest.text(feed, "id")).isEqualTo(a.base() + "/feeds/org/sawa.atom");
    List<String> ids = new ArrayList<>();
    FeedWritersTest.children(feed, "entry").forEach(e -> ids.add(FeedWritersTest.text(e, "id")));
    assertThat(ids).containsExactly(eventUrl); // not the network entry, not B's article
    Element entry = FeedWritersTest.children(feed, "entry").get(0);
    assertThat(FeedWritersTest.text(entry, "title")).isEqualTo("أمسية <شعر> — Poetry evening");
    assertThat(r.body()).doesNotContain("<شعر>").doesNotContain("Network only");
  }

  @Test
  void directoryJsonFeed_withFilters_isASavedSearch() throws Exception {
    HttpResponse<String> r = a.get("/feeds/directory.json?sector=culture-arts");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/feed+json");
    JsonNode f = TestNode.json(r);
    assertThat(f.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
    assertThat(f.get("feed_url").asText())
        .isEqualTo(a.base() + "/feeds/directory.json?sector=culture-arts");
    assertThat(f.get("title").asText()).contains("الثقافة والفنون").contains("Culture");
    assertThat(f.get("items")).hasSize(1);
    assertThat(f.at("/items/0/id").asText()).isEqualTo(eventUrl);
    assertThat(f.at("/items/0/content_text").asText()).isNotBlank();
    assertThat(f.at("/items/0/date_published").asText()).isNotBlank();

    JsonNode all = TestNode.json(a.get("/feeds/directory.json"));
    List<String> ids = new ArrayList<>();
    all.get("items").forEach(i -> ids.add(i.get("id").asText()));
    assertThat(ids).containsExactlyInAnyOrder(eventUrl, bArticleUrl);
    // A token changes nothing: feeds are public-only.
    assertThat(a.api("GET", "/feeds/directory.json", null).body()).doesNotContain(networkUrl);
  }

  @Test
  void remoteOrganizationFeed_byActorId() throws Exception {
    String actor = b.base() + "/orgs/nour";
    HttpResponse<String> r =
        a.get("/feeds/org.atom?actor=" + URLEncoder.encode(actor, StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Element feed = FeedWritersTest.parse(r.body()).getDocumentElement();
    assertThat(FeedWritersTest.children(feed, "entry")).hasSize(1);
    assertThat(FeedWritersTest.text(FeedWritersTest.children(feed, "entry").get(0), "id"))
        .isEqualTo(bArticleUrl);
    assertThat(a.get("/feeds/org.atom?actor=javascript:alert(1)").statusCode()).isEqualTo(400);
  }

  @Test
  void calendar_parsesBack_withDamascusTime() throws Exception {
    HttpResponse<String> r = a.get("/feeds/org/sawa.ics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
    Calendar cal = new CalendarBuilder().build(new StringReader(r.body()));
    VEvent e = (VEvent) cal.getComponent("VEVENT").orElseThrow();
    assertThat(e.getUid().orElseThrow().getValue()).isEqualTo(eventUrl);
    assertThat(e.getDateTimeStart().getParameter("TZID").orElseThrow().getValue())
        .isEqualTo("Asia/Damascus");
    assertThat(Instant.from(e.getDateTimeStart().getDate()))
        .isEqualTo(Instant.parse("2027-03-01T16:00:00Z"));
    assertThat(((ZonedDateTime) e.getDateTimeStart().getDate()).getHour()).isEqualTo(19);
    assertThat(e.getSummary().getValue()).isEqualTo("أمسية <شعر> — Poetry evening");
    assertThat(a.get("/feeds/directory.ics?kind=project").statusCode()).isEqualTo(400);
  }

  @Test
  void sectorAndRegionFeeds_andUnknownOnes() throws Exception {
    assertThat(a.get("/feeds/sector/culture-arts.atom").body()).contains(eventUrl);
    assertThat(a.get("/feeds/region/sy-aleppo.json").body()).contains(eventUrl);
    assertThat(a.get("/feeds/region/sy-idlib.json").body()).doesNotContain(eventUrl);
    assertThat(a.get("/feeds/sector/nonsense.atom").statusCode()).isEqualTo(404);
    assertThat(a.get("/feeds/org/nobody.atom").statusCode()).isEqualTo(404);
    assertThat(a.get("/feeds/directory.atom?kind=nonsense").statusCode()).isEqualTo(400);
  }

  @Test
  void pagesAnnounceTheirFeeds() throws Exception {
    Document org = Jsoup.parse(a.get("/orgs/sawa").body());
    assertThat(org.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
        .isEqualTo("/feeds/org/sawa.atom");
    assertThat(org.select("link[rel=alternate][type=text/calendar]").attr("href"))
        .isEqualTo("/feeds/org/sawa.ics");
    Document dirPage = Jsoup.parse(a.get("/directory?sector=culture-arts&lang=en").body());
    assertThat(dirPage.select("link[rel=alternate][type=application/feed+json]").attr("href"))
        .isEqualTo("/feeds/directory.json?sector=culture-arts");
    assertThat(dirPage.select(".feeds a").eachText()).contains("Atom feed");
  }

  static String created(TestNode n, String body) throws Exception {
    HttpResponse<String> r = n.api("POST", n.entriesPath(), body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return TestNode.json(r).get("url").asText();
  }
}
