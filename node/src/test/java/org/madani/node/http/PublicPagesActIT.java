package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.madani.node.TestNode;

/**
 * Issue 12's public half over real HTTP, parsed with jsoup, in both languages: every kind's call to
 * action, languages by name, places without repetition, the landing page, the follow box, a
 * calendar file per event, the language cookie, HTML error pages for browsers, the served font,
 * report charts' Arabic labels, and the search examples through /directory.
 */
class PublicPagesActIT {

  @TempDir static Path dir;
  static TestNode node;
  static String reportId;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(dir.resolve("n"), "sawa", true);
    // The example report is for the network only; publish a public one to see its action.
    ObjectNode report =
        (ObjectNode)
            TestNode.JSON.readTree(
                TestNode.EXAMPLES.resolve("entries/05-report-2026-q3.json").toFile());
    report.put("visibility", "public");
    HttpResponse<String> r = node.api("POST", node.entriesPath(), report.toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    reportId = TestNode.json(r).get("id").asText();
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  static String id(String kind, String titleEnStart) throws Exception {
    for (JsonNode e :
        TestNode.json(
                node.api("GET", node.entriesPath() + "?kind=" + kind + "&visibility=public", null))
            .get("items")) {
      if (e.path("title").path("en").asText().startsWith(titleEnStart)) return e.get("id").asText();
    }
    throw new AssertionError("no " + kind + " " + titleEnStart);
  }

  static Document page(String path) throws Exception {
    HttpResponse<String> r = node.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(r.body());
  }

  @ParameterizedTest(name = "{0} in {2}")
  @CsvSource({
    "event, Panel evening, en, Register to attend, https://sawa.example.org/events/berlin-panel-2027/register",
    "event, Panel evening, ar, سجّل للحضور, https://sawa.example.org/events/berlin-panel-2027/register",
    "offer, Free training, en, Apply, https://sawa.example.org/training/governance-2027",
    "offer, Free training, ar, قدّم طلبك, https://sawa.example.org/training/governance-2027",
    "need, '', en, Register interest, https://sawa.example.org/volunteer",
    "need, '', ar, سجّل اهتمامك, https://sawa.example.org/volunteer",
    "campaign, '', en, Sign the pledge, https://sawa.example.org/campaigns/16-days/pledge",
    "campaign, '', ar, وقّعوا التعهّد, https://sawa.example.org/campaigns/16-days/pledge",
    "report, '', en, Full report (PDF), https://sawa.example.org/reports/2026-q3.pdf",
    "report, '', ar, التقرير الكامل (PDF), https://sawa.example.org/reports/2026-q3.pdf"
  })
  void everyKindWithAnAction_showsItsCallToAction(
      String kind, String title, String lang, String label, String url) throws Exception {
    String id = kind.equals("report") ? reportId : id(kind, title == null ? "" : title);
    Document d = page("/orgs/sawa/entries/" + id + "?lang=" + lang);
    assertThat(d.selectFirst("html").attr("lang")).isEqualTo(lang);
    var cta = d.select("section.cta a.button");
    assertThat(cta).isNotEmpty();
    assertThat(cta.first().text()).isEqualTo(label);
    assertThat(cta.first().attr("href")).isEqualTo(url);
    assertThat(cta.first().attr("rel")).contains("noopener");
  }

  @Test
  void projectShowsPartnersAndImage_articleItsByline_campaignItsGoal() throws Exception {
    Document project = page("/orgs/sawa/entries/" + id("project", "") + "?lang=en");
    assertThat(project.select("section.partners li").eachText())
        .containsExactly("مبادرة معلمي إدلب", "learning-partners.example.org");
    // a remote image is linked, never loaded (img-src 'self'): the visitor's browser contacts no
    // third party
    assertThat(project.select("img")).isEmpty();
    assertThat(project.select("a[href=https://sawa.example.org/media/learning-space.jpg]").text())
        .contains("Children drawing in a learning space");
    Document projectAr = page("/orgs/sawa/entries/" + id("project", "") + "?lang=ar");
    assertThat(projectAr.select("section.partners h2").text()).isEqualTo("الشركاء");

    assertThat(
            page("/orgs/sawa/entries/" + id("article", "A short guide") + "?lang=en")
                .select(".byline")
                .text())
        .isEqualTo("Written by Sawa capacity-building team");
    assertThat(
            page("/orgs/sawa/entries/" + id("article", "A short guide") + "?lang=ar")
                .select(".byline")
                .text())
        .isEqualTo("بقلم فريق بناء القدرات في شبكة سوا");
    assertThat(
            page("/orgs/sawa/entries/" + id("campaign", "") + "?lang=en")
                .select("section.goal")
                .text())
        .startsWith("Campaign goal Reach 3,000 people");
  }

  @Test
  void offerWithoutLinks_fallsBackToThePublicEmail() throws Exception {
    String id = id("offer", "Meeting");
    Document d = page("/orgs/sawa/entries/" + id + "?lang=en");
    assertThat(d.select("section.cta a.button").first().attr("href")).startsWith("mailto:");
  }

  @Test
  void eventPage_languagesByName_addressUnmarked_noRepeatedCity_calendarLink() throws Exception {
    String id = id("event", "Panel evening");
    Document en = page("/orgs/sawa/entries/" + id + "?lang=en");
    Document ar = page("/orgs/sawa/entries/" + id + "?lang=ar");
    assertThat(en.select("dd").eachText()).contains("Arabic, German");
    assertThat(ar.select("dd").eachText()).contains("العربية، الألمانية");
    String whereAr = ar.select("dt:contains(المكان) + dd").text();
    assertThat(whereAr)
        .contains("Beispielstraße 12, 10999 Berlin")
        .doesNotContain("بالإنجليزية")
        .doesNotContain("— برلين");
    String whereEn = en.select("dt:contains(Where) + dd").text();
    assertThat(whereEn).doesNotContain("Berlin — Berlin").doesNotContain("(in English)");
    // .ics for this one event
    String ics = en.select("section.cta a[type=text/calendar]").attr("href");
    assertThat(ics).isEqualTo("/orgs/sawa/entries/" + id + ".ics");
    HttpResponse<String> cal = node.get(ics);
    assertThat(cal.statusCode()).isEqualTo(200);
    assertThat(cal.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
    assertThat(cal.body())
        .contains("BEGIN:VEVENT")
        .contains("DTSTART;TZID=Europe/Berlin:20270123T170000")
        .containsOnlyOnce("BEGIN:VEVENT");
    assertThat(node.get("/orgs/sawa/entries/" + id("offer", "Free training") + ".ics").statusCode())
        .isEqualTo(404);
  }

  @ParameterizedTest
  @CsvSource({"ar, المنظمات, أحدث الأنشطة", "en, Organizations, Latest activities"})
  void landingPage_listsOrganizationsActivitiesSearchAndWhereToGo(
      String lang, String orgs, String latest) throws Exception {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                !Jsoup.parse(node.get("/?lang=" + lang).body())
                    .select("#latest-h + ul li")
                    .isEmpty());
    Document d = page("/?lang=" + lang);
    assertThat(d.select("h2").eachText()).contains(orgs, latest);
    assertThat(d.select("a[href=/orgs/sawa]")).isNotEmpty();
    assertThat(d.select("form[action=/directory] input[name=q]")).hasSize(1);
    assertThat(d.select("main a[href=/directory]")).isNotEmpty();
    assertThat(d.select("main a[href=/reports]")).isNotEmpty();
    assertThat(d.select("section.feeds a[href^=/feeds/directory]")).hasSize(3);
    assertThat(d.select("section.feeds").hasClass("muted")).isFalse();
    assertThat(d.text()).contains("@sawa@127.0.0.1:" + node.base().getPort());
  }

  @ParameterizedTest
  @CsvSource({
    "ar, تابِع المنظمة, تابِع من خادمك",
    "en, Follow this organization, Follow from your server"
  })
  void organizationPage_hasAFollowBox(String lang, String heading, String formLabel)
      throws Exception {
    Document d = page("/orgs/sawa?lang=" + lang);
    String handle = "@sawa@127.0.0.1:" + node.base().getPort();
    assertThat(d.select("#follow h2").text()).isEqualTo(heading);
    var input = d.selectFirst("#fedi-handle");
    assertThat(input.attr("value")).isEqualTo(handle);
    assertThat(input.hasAttr("readonly")).isTrue();
    assertThat(d.select("label[for=fedi-handle]")).hasSize(1);
    assertThat(d.select("label[for=follow-account]").text()).isEqualTo(formLabel);
    assertThat(d.selectFirst("form.remote-follow").attr("action")).isEqualTo("/orgs/sawa/follow");
    assertThat(d.select("#follow .feeds a")).hasSize(3);
    assertThat(d.select(".handle-line").text()).contains(handle);
  }

  @Test
  void ourWebFinger_announcesOurSubscribeTemplate_whichLeadsIntoTheAdminUi() throws Exception {
    String host = "127.0.0.1:" + node.base().getPort();
    JsonNode jrd = TestNode.json(node.get("/.well-known/webfinger?resource=acct:sawa@" + host));
    String template = null;
    for (JsonNode l : jrd.get("links")) {
      if (l.path("rel").asText().equals("http://ostatus.org/schema/1.0/subscribe"))
        template = l.get("template").asText();
    }
    assertThat(template).isEqualTo(node.base() + "/authorize_interaction?uri={uri}");
    HttpResponse<String> r =
        node.get(
            "/authorize_interaction?uri="
                + URLEncoder.encode("acct:alice@example.social", StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location"))
        .hasValue("/admin/#/following?follow=acct%3Aalice%40example.social");
  }

  @Test
  void languageChoice_isKeptInALaxCookie_acrossPlainLinks() throws Exception {
    HttpResponse<String> chosen = node.get("/orgs/sawa?lang=en");
    String cookie = chosen.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith("lang=en")
        .contains("SameSite=Lax")
        .contains("Path=/")
        .containsIgnoringCase("HttpOnly");
    // the next page, reached by a link without ?lang=, stays in English
    Document next = Jsoup.parse(node.get("/directory", "Cookie", "lang=en").body());
    assertThat(next.selectFirst("html").attr("lang")).isEqualTo("en");
    // and an explicit choice still wins over the cookie
    assertThat(
            Jsoup.parse(node.get("/directory?lang=ar", "Cookie", "lang=en").body())
                .selectFirst("html")
                .attr("lang"))
        .isEqualTo("ar");
    // no cookie is set when nothing was chosen
    assertThat(node.get("/orgs/sawa").headers().firstValue("Set-Cookie")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"ar, الصفحة غير موجودة", "en, Page not found"})
  void browsersGetErrorPagesInTheirLanguage_apiClientsKeepProblemJson(String lang, String heading)
      throws Exception {
    HttpResponse<String> html =
        node.get(
            "/no/such/page", "Accept", "text/html,application/xhtml+xml", "Cookie", "lang=" + lang);
    assertThat(html.statusCode()).isEqualTo(404);
    assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    Document d = Jsoup.parse(html.body());
    assertThat(d.selectFirst("html").attr("lang")).isEqualTo(lang);
    assertThat(d.selectFirst("h1").text()).isEqualTo(heading);
    HttpResponse<String> json = node.get("/no/such/page", "Accept", "application/json");
    assertThat(json.statusCode()).isEqualTo(404);
    assertThat(json.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    HttpResponse<String> api = node.get("/api/v1/nothing", "Accept", "text/html");
    assertThat(api.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    HttpResponse<String> bad =
        node.get("/authorize_interaction", "Accept", "text/html", "Cookie", "lang=" + lang);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(bad.body()).selectFirst("html").attr("lang")).isEqualTo(lang);
  }

  @Test
  void arabicFont_isServedByTheNode_withItsLicence() throws Exception {
    String css = node.get("/static/madani.css").body();
    assertThat(css)
        .contains("@font-face")
        .contains("url(\"/static/fonts/NotoNaskhArabic-Regular.ttf\")")
        .doesNotContain("https://")
        .doesNotContain("http://");
    HttpResponse<byte[]> font =
        java.net.http.HttpClient.newHttpClient()
            .send(
                node.request("/static/fonts/NotoNaskhArabic-Regular.ttf").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(font.statusCode()).isEqualTo(200);
    assertThat(font.headers().firstValue("Content-Type")).hasValue("font/ttf");
    assertThat(font.body())
        .hasSize(
            (int)
                Files.size(Path.of("src/main/resources/static/fonts/NotoNaskhArabic-Regular.ttf")));
    assertThat(node.get("/static/fonts/OFL.txt").body()).contains("SIL Open Font License");
    assertThat(node.get("/orgs/sawa").headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("font-src 'self'");
  }

  @Test
  void reportChart_arabicLabelsRunRightToLeftInsideThePicture() throws Exception {
    Document d = page("/reports?lang=ar&period=year&from=2020-01-01&to=2028-01-01");
    var labels = d.select("svg.chart text[direction=rtl]");
    assertThat(labels).isNotEmpty();
    for (var t : labels) {
      assertThat(t.attr("text-anchor")).isEqualTo("start");
      assertThat(Integer.parseInt(t.attr("x"))).isGreaterThan(400);
    }
    assertThat(d.select("svg.chart text[direction=rtl]").eachText())
        .anySatisfy(s -> assertThat(s).contains("فعالية"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "تدريب, Free training for emerging organizations",
    "Halab, Panel evening",
    "Idleb, Community learning spaces",
    "مسئولية, Responsibility"
  })
  void directorySearch_findsWhatPeopleType(String q, String expectedTitleStart) throws Exception {
    if (q.equals("مسئولية")) ensureResponsibilityPost();
    String path = "/directory?lang=en&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              List<String> titles =
                  Jsoup.parse(node.get(path).body()).select(".results .card > a").eachText();
              assertThat(titles).anySatisfy(t -> assertThat(t).startsWith(expectedTitleStart));
            });
  }

  static synchronized void ensureResponsibilityPost() throws Exception {
    if (node.get("/directory?q=Responsibility").body().contains("Responsibility of")) return;
    HttpResponse<String> r =
        node.api(
            "POST",
            node.entriesPath(),
            """
        {"kind": "article", "title": {"ar": "المسؤولية المشتركة للمنظمات", "en": "Responsibility of organizations"}}
        """);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }
}
