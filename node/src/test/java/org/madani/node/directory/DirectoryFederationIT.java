package org.madani.node.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;

/**
 * Three real nodes: A follows B and C. A's directory holds its own entries and B's and C's public
 * ones; B's network entry (addressed to B's followers, A among them) only for A's admins; C's
 * private offer to B never; B's delete drops the entry from A's directory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryFederationIT {

  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static TestNode c;
  static final Duration WAIT = Duration.ofSeconds(15);
  static String bPublicId;
  static String bNetworkId;
  static String bPublicUrl;

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false);
    b = TestNode.start(dir.resolve("b"), "beit", false);
    c = TestNode.start(dir.resolve("c"), "jeem", false);
  }

  @AfterAll
  static void stop() {
    for (TestNode n : new TestNode[] {a, b, c}) if (n != null) n.close();
  }

  static String actor(TestNode n) {
    return n.base() + "/orgs/" + n.handle();
  }

  @Test
  @Order(1)
  void aFollowsBAndC() throws Exception {
    for (TestNode n : List.of(b, c)) {
      HttpResponse<String> r =
          a.api("POST", "/api/v1/organizations/alef/following", "{\"actor\":\"" + actor(n) + "\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        TestNode.json(a.api("GET", "/api/v1/organizations/alef/following", null))
                            .get("items"))
                    .hasSize(2)
                    .allSatisfy(f -> assertThat(f.get("state").asText()).isEqualTo("accepted")));
  }

  @Test
  @Order(2)
  void publicAndNetworkEntriesArrive_withProvenance_andRespectVisibility() throws Exception {
    JsonNode own =
        created(
            a,
            "{\"kind\":\"project\",\"title\":{\"ar\":\"مشروع مساحات التعلم\",\"en\":\"Learning spaces\"},"
                + "\"sectors\":[\"education\"],\"regions\":[\"sy-idlib\"]}");
    JsonNode bPublic =
        created(
            b,
            "{\"kind\":\"event\",\"title\":{\"ar\":\"حملة إغاثة الشتاء\",\"en\":\"Winter relief drive\"},"
                + "\"startTime\":\"2027-01-10T10:00:00+03:00\",\"timeZone\":\"Asia/Damascus\",\"sectors\":[\"humanitarian-relief\"],"
                + "\"place\":{\"name\":{\"ar\":\"حلب\"},\"region\":\"sy-aleppo\"},"
                + "\"regions\":[\"sy-aleppo\"]}");
    bPublicId = bPublic.get("id").asText();
    bPublicUrl = bPublic.get("url").asText();
    JsonNode bNetwork =
        created(
            b,
            "{\"kind\":\"need\",\"category\":\"volunteers\",\"visibility\":\"network\","
                + "\"title\":{\"ar\":\"نحتاج متطوعين في مستشفى ميداني\",\"en\":\"Volunteers for a field hospital\"}}");
    bNetworkId = bNetwork.get("url").asText();
    JsonNode cPublic =
        created(c, "{\"kind\":\"article\",\"title\":{\"en\":\"Organizing community meetings\"}}");
    JsonNode cPrivate =
        created(
            c,
            "{\"kind\":\"offer\",\"category\":\"space\",\"visibility\":\"private\",\"recipients\":[\""
                + actor(b)
                + "\"],\"title\":{\"en\":\"Office space for B only\"}}");

    // A's admins see everything A may see: own, B's public and network, C's public.
    JsonNode admin =
        await()
            .atMost(WAIT)
            .until(
                () -> TestNode.json(a.api("GET", "/api/v1/directory?pageSize=50", null)),
                d ->
                    ids(d)
                        .containsAll(
                            List.of(
                                own.get("url").asText(),
                                bPublicUrl,
                                bNetworkId,
                                cPublic.get("url").asText())));
    assertThat(admin.get("scope").asText()).isEqualTo("network");
    assertThat(ids(admin)).doesNotContain(cPrivate.get("url").asText()).hasSize(4);
    JsonNode item = find(admin, bPublicUrl);
    assertThat(item.at("/provenance/origin").asText()).isEqualTo(actor(b));
    assertThat(item.at("/provenance/verifiedBy").asText()).isEqualTo("eddsa-jcs-2022 from origin");
    assertThat(item.at("/provenance/lastConfirmed").asText()).isNotEmpty();
    assertThat(item.at("/organization/id").asText()).isEqualTo(actor(b));
    assertThat(item.at("/title/ar").asText()).isEqualTo("حملة إغاثة الشتاء");
    assertThat(item.get("local").asBoolean()).isFalse();
    assertThat(find(admin, own.get("url").asText()).at("/provenance/verifiedBy").asText())
        .isEqualTo("local");
    assertThat(admin.at("/facets/organization/" + jsonPointer(actor(b))).asLong()).isEqualTo(2);
    assertThat(admin.at("/facets/kind/need").asLong()).isEqualTo(1);

    // Without a token: public entries only; the network one is not there.
    JsonNode anonymous = TestNode.json(a.get("/api/v1/directory?pageSize=50"));
    assertThat(anonymous.get("scope").asText()).isEqualTo("public");
    assertThat(ids(anonymous))
        .containsExactlyInAnyOrder(
            own.get("url").asText(), bPublicUrl, cPublic.get("url").asText());
    // A repeated query gets the body rendered for it before; the same query spelled otherwise
    // (the same search) gets its own link to the next page.
    JsonNode first = TestNode.json(a.get("/api/v1/directory?pageSize=1"));
    assertThat(first.get("next").asText()).isEqualTo("?pageSize=1&page=2");
    assertThat(TestNode.json(a.get("/api/v1/directory?pageSize=1"))).isEqualTo(first);
    assertThat(TestNode.json(a.get("/api/v1/directory?pageSize=1&q=")).get("next").asText())
        .isEqualTo("?pageSize=1&q=&page=2");
    // B's own node shows it nothing of C's private offer either (B does not follow C).
    assertThat(ids(TestNode.json(b.api("GET", "/api/v1/directory", null))))
        .doesNotContain(cPrivate.get("url").asText());
  }

  @Test
  @Order(3)
  void searchAcrossTheNetworkInArabicAndEnglish() throws Exception {
    assertThat(ids(search("اغاثه"))).containsExactly(bPublicUrl);
    assertThat(ids(search("مستشفي"))).containsExactly(bNetworkId);
    assertThat(ids(TestNode.json(a.get("/api/v1/directory?q=" + enc("مستشفي"))))).isEmpty();
    // English stemming: "organize … meeting" finds "Organizing community meetings" (and "organ…"
    // alone would also find every "Organization X" of the test nodes, so two words)
    assertThat(ids(search("organize meeting"))).hasSize(1);
    assertThat(search("relief").at("/items/0/id").asText()).isEqualTo(bPublicUrl);
    JsonNode filtered =
        TestNode.json(
            a.api(
                "GET",
                "/api/v1/directory?kind=event&region=sy-aleppo&from=2027-01-01&to=2027-01-31",
                null));
    assertThat(ids(filtered)).containsExactly(bPublicUrl);
  }

  @Test
  @Order(4)
  void publicPageIsRtlArabic_withEnglishSwitch_andNoNetworkEntries() throws Exception {
    HttpResponse<String> r = a.get("/directory?q=" + enc("إغاثة"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'none'");
    Document page = Jsoup.parse(r.body());
    assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
    assertThat(page.select("script")).isEmpty();
    assertThat(page.selectFirst("form[method=get][action=/directory]")).isNotNull();
    assertThat(page.select(".results .card").text()).contains("حملة إغاثة الشتاء");
    assertThat(page.select(".results a[rel~=nofollow]").attr("href")).isEqualTo(bPublicUrl);

    Document all = Jsoup.parse(a.get("/directory?lang=en").body());
    assertThat(all.selectFirst("html").attr("dir")).isEqualTo("ltr");
    assertThat(all.text()).contains("Winter relief drive").doesNotContain("field hospital");
    assertThat(all.select(".facets a").eachText()).contains("Event", "Project", "Knowledge post");

    assertThat(a.get("/directory?kind=nonsense").statusCode()).isEqualTo(400);
  }

  @Test
  @Order(5)
  void deleteOnB_removesTheEntryFromA() throws Exception {
    assertThat(b.api("DELETE", b.entriesPath() + "/" + bPublicId, null).statusCode())
        .isEqualTo(204);
    await()
        .atMost(WAIT)
        .until(
            () ->
                !ids(TestNode.json(a.api("GET", "/api/v1/directory?pageSize=50", null)))
                    .contains(bPublicUrl));
    assertThat(ids(search("اغاثه"))).isEmpty();
  }

  @Test
  @Order(6)
  void reindexRebuildsFromH2_andNeedsTheToken() throws Exception {
    HttpResponse<String> anon = a.send("POST", "/api/v1/directory/reindex", null);
    assertThat(anon.statusCode()).isEqualTo(401);
    assertThat(a.get("/api/v1/directory", "Authorization", "Bearer wrong").statusCode())
        .isEqualTo(401);
    HttpResponse<String> r = a.api("POST", "/api/v1/directory/reindex", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(TestNode.json(r).get("indexed").asLong())
        .isEqualTo(3); // own, B's network, C's public
    assertThat(ids(search("مستشفي"))).containsExactly(bNetworkId);
  }

  @Test
  @Order(7)
  void afterRestart_theIndexIsStillThere() throws Exception {
    a.stop();
    a.restart();
    JsonNode after = TestNode.json(a.api("GET", "/api/v1/directory", null));
    assertThat(after.get("total").asLong()).as(after.toString()).isEqualTo(3);
  }

  static JsonNode created(TestNode n, String body) throws Exception {
    HttpResponse<String> r = n.api("POST", n.entriesPath(), body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return TestNode.json(r);
  }

  static JsonNode search(String q) throws Exception {
    return TestNode.json(a.api("GET", "/api/v1/directory?q=" + enc(q), null));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static List<String> ids(JsonNode result) {
    List<String> out = new ArrayList<>();
    result.get("items").forEach(i -> out.add(i.get("id").asText()));
    return out;
  }

  static JsonNode find(JsonNode result, String id) {
    for (JsonNode i : result.get("items")) if (i.get("id").asText().equals(id)) return i;
    throw new AssertionError("no item " + id);
  }

  static String jsonPointer(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
