package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;

/** Public pages of a node loaded with the example organization, rendered and parsed. */
class PublicPagesIT {

  @TempDir static Path dir;
  static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(dir.resolve("n"), "sawa", true);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void organizationPage_isArabicRightToLeftByDefault() throws Exception {
    HttpResponse<String> r = node.get("/orgs/sawa");
    assertThat(r.statusCode()).isEqualTo(200);
    Document d = Jsoup.parse(r.body());
    assertThat(d.selectFirst("html").attr("dir")).isEqualTo("rtl");
    assertThat(d.selectFirst("html").attr("lang")).isEqualTo("ar");
    assertThat(d.selectFirst("h1").text()).isEqualTo("شبكة سوا للتنمية المدنية");
    // a visible switch to English
    assertThat(d.select("a.switch").attr("href")).isEqualTo("/orgs/sawa?lang=en");
    assertThat(r.headers().firstValue("Content-Language")).hasValue("ar");
  }

  @Test
  void organizationPage_inEnglish_byQueryOrAcceptLanguage() throws Exception {
    Document byQuery = Jsoup.parse(node.get("/orgs/sawa?lang=en").body());
    assertThat(byQuery.selectFirst("html").attr("dir")).isEqualTo("ltr");
    assertThat(byQuery.selectFirst("h1").text()).isEqualTo("Sawa Civic Development Network");
    Document byHeader =
        Jsoup.parse(node.get("/orgs/sawa", "Accept-Language", "de-DE, en;q=0.8, ar;q=0.5").body());
    assertThat(byHeader.selectFirst("html").attr("lang")).isEqualTo("en");
  }

  @Test
  void pages_loadNothingFromThirdParties_andCarryStrictCsp() throws Exception {
    HttpResponse<String> r = node.get("/orgs/sawa");
    String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("default-src 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("http");
    Document d = Jsoup.parse(r.body());
    assertThat(d.select("script")).isEmpty();
    assertThat(d.select("link[href], img[src]"))
        .allSatisfy(
            e -> assertThat(e.hasAttr("href") ? e.attr("href") : e.attr("src")).startsWith("/"));
    assertThat(d.select("[style]")).isEmpty();
  }

  @Test
  void hiddenContactsAndNonPublicEntries_neverAppear() throws Exception {
    String ar = node.get("/orgs/sawa").body();
    String en = node.get("/orgs/sawa?lang=en").body();
    for (var contact :
        TestNode.JSON
            .readTree(TestNode.EXAMPLES.resolve("organization.json").toFile())
            .get("contacts")) {
      if (contact.get("visibility").asText().equals("hidden")) {
        assertThat(ar).doesNotContain(contact.get("value").asText());
        assertThat(en).doesNotContain(contact.get("value").asText());
      }
    }
    var network =
        TestNode.json(node.api("GET", node.entriesPath() + "?visibility=network", null))
            .get("items");
    assertThat(network).isNotEmpty();
    for (var e : network) {
      assertThat(en).doesNotContain(e.get("id").asText());
      assertThat(node.get("/orgs/sawa/entries/" + e.get("id").asText()).statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void entryPage_escapesUserText_andShowsEventTimeInItsZone() throws Exception {
    String evil =
        """
        {"kind": "event", "title": {"en": "<script>alert(1)</script> & <b>bold</b>"},
         "startTime": "2027-03-01T16:00:00Z", "timeZone": "Asia/Damascus",
         "place": {"name": {"en": "Hall\\" onmouseover=\\"alert(1)"}}}
        """;
    HttpResponse<String> created = node.api("POST", node.entriesPath(), evil);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = TestNode.json(created).get("id").asText();
    HttpResponse<String> page = node.get("/orgs/sawa/entries/" + id + "?lang=en");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .doesNotContain("<script>")
        .doesNotContain("<b>bold")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
    Document d = Jsoup.parse(page.body());
    assertThat(d.select("[onmouseover]")).isEmpty();
    // 16:00 UTC is 19:00 in Damascus (UTC+3)
    assertThat(d.select("time").text()).contains("7:00");
    assertThat(page.body()).contains("Asia/Damascus");
    // English-only title on the Arabic page is marked as English, with its own direction
    Document arabic = Jsoup.parse(node.get("/orgs/sawa/entries/" + id).body());
    assertThat(arabic.selectFirst("h1").attr("lang")).isEqualTo("en");
    assertThat(arabic.selectFirst("h1").attr("dir")).isEqualTo("ltr");
    assertThat(arabic.select("h1 .lang-marker").text()).contains("بالإنجليزية");
  }

  @Test
  void unknownPages_are404_inThePageLanguage() throws Exception {
    HttpResponse<String> r = node.get("/orgs/nobody");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(Jsoup.parse(r.body()).selectFirst("html").attr("dir")).isEqualTo("rtl");
  }

  @Test
  void root_isALandingPage_notARedirect() throws Exception {
    HttpResponse<String> r = node.get("/");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(r.body()).select("a[href=/orgs/sawa]")).isNotEmpty();
  }
}
