package org.madani.node.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;

/**
 * Partner matching across three real nodes (issue 16): A follows B and C; an offer on B and a need
 * on C meet in A's directory and A finds the match, ranked and explained in Arabic and English,
 * with trust distance (C, which A's node trusts, vouches for B). A then expresses interest to B
 * with a signed, addressed Offer; B sees it and answers, and A sees the answer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerMatchingIT {

  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static TestNode c;
  static final Duration WAIT = Duration.ofSeconds(40);
  static String offerUrl;
  static String needUrl;

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

  static HttpResponse<String> ok(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return r;
  }

  static JsonNode matches() throws Exception {
    return TestNode.json(ok(a.api("GET", "/api/v1/organizations/alef/matches", null), 200))
        .get("items");
  }

  @Test
  @Order(1)
  void offerOnB_andNeedOnC_matchFromA_withTheirExplanation() throws Exception {
    ok(
        a.api("POST", "/api/v1/organizations/alef/following", "{\"actor\":\"" + actor(b) + "\"}"),
        202);
    ok(
        a.api("POST", "/api/v1/organizations/alef/following", "{\"actor\":\"" + actor(c) + "\"}"),
        202);
    // A's node trusts C's node; C vouches for B (A follows C, so the endorsement reaches A)
    ok(
        a.api("PUT", "/api/v1/trust/nodes/" + c.base().getAuthority(), "{\"level\":\"trusted\"}"),
        200);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        TestNode.json(a.api("GET", "/api/v1/organizations/alef/following", null))
                            .get("items"))
                    .hasSize(2)
                    .allSatisfy(f -> assertThat(f.get("state").asText()).isEqualTo("accepted")));
    ok(
        c.api(
            "POST",
            "/api/v1/trust/endorsements",
            "{\"from\":\"jeem\",\"of\":\"" + actor(b) + "\"}"),
        201);

    offerUrl =
        TestNode.json(
                ok(
                    b.api(
                        "POST",
                        b.entriesPath(),
                        """
        {"kind":"offer","category":"training","title":{"ar":"تدريب الشباب على التوثيق","en":"Documentation training for youth"},
         "sectors":["youth","human-rights"],"regions":["sy-idlib"],"languages":["ar"],"validUntil":"2027-06-30"}
        """),
                    201))
            .get("url")
            .asText();
    needUrl =
        TestNode.json(
                ok(
                    c.api(
                        "POST",
                        c.entriesPath(),
                        """
        {"kind":"need","category":"training","title":{"ar":"نحتاج مدرّبين في التوثيق","en":"We need documentation trainers"},
         "sectors":["youth"],"regions":["sy-idlib","sy-aleppo"],"languages":["ar","en"],"validUntil":"2027-05-31"}
        """),
                    201))
            .get("url")
            .asText();
    // an unrelated need (other sector and region) does not match
    ok(
        c.api(
            "POST",
            c.entriesPath(),
            """
        {"kind":"need","category":"equipment","title":{"en":"Water pumps"},"sectors":["water-sanitation"],"regions":["sy-daraa"]}
        """),
        201);

    JsonNode match =
        await()
            .atMost(WAIT)
            .until(
                () -> {
                  for (JsonNode m : matches()) {
                    if (m.at("/offer/id").asText().equals(offerUrl)
                        && m.at("/need/id").asText().equals(needUrl)) return m;
                  }
                  return null;
                },
                m -> m != null && m.get("reasons").size() >= 4);
    assertThat(matches()).hasSize(1);
    assertThat(match.at("/offer/organization").asText()).isEqualTo(actor(b));
    assertThat(match.at("/need/organization").asText()).isEqualTo(actor(c));
    String en = match.at("/explanation/en").asText();
    String ar = match.at("/explanation/ar").asText();
    assertThat(en)
        .contains(
            "same sector: Youth",
            "both work in Idlib",
            "shared language: Arabic",
            "trusted by one organization you trust",
            "trusted by you");
    assertThat(ar)
        .contains(
            "القطاع نفسه",
            "إدلب",
            "لغة مشتركة: العربية",
            "تزكّيها منظمة واحدة تثقون بها",
            "موثوقة لديكم");
    assertThat(match.get("score").asInt()).isGreaterThan(50);
  }

  @Test
  @Order(2)
  void expressInterest_reachesB_only_andBsAnswerComesBack() throws Exception {
    JsonNode sent =
        TestNode.json(
            ok(
                a.api(
                    "POST",
                    "/api/v1/organizations/alef/interests",
                    "{\"to\":\""
                        + actor(b)
                        + "\",\"about\":\""
                        + offerUrl
                        + "\",\"message\":\"نودّ التعاون معكم في هذا التدريب\"}"),
                201));
    assertThat(sent.get("state").asText()).isEqualTo("open");
    assertThat(a.count("SELECT COUNT(*) FROM outbox WHERE type = 'Offer' AND audience = 'private'"))
        .isEqualTo(1);

    JsonNode atB =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    TestNode.json(b.api("GET", "/api/v1/organizations/beit/interests", null))
                        .get("items"),
                i -> i.size() == 1)
            .get(0);
    assertThat(atB.get("direction").asText()).isEqualTo("received");
    assertThat(atB.get("organization").asText()).isEqualTo(actor(a));
    assertThat(atB.get("about").asText()).isEqualTo(offerUrl);
    assertThat(atB.get("message").asText()).isEqualTo("نودّ التعاون معكم في هذا التدريب");
    // addressed, not public: C (which follows nobody here) and A's public outbox never show it
    assertThat(
            TestNode.json(c.api("GET", "/api/v1/organizations/jeem/interests", null)).get("items"))
        .isEmpty();
    HttpResponse<String> outbox =
        ok(a.get("/orgs/alef/outbox?page=true", "Accept", "application/activity+json"), 200);
    assertThat(outbox.body()).doesNotContain("\"Offer\"", "/interests/");
    JsonNode offer = CollaborationIT.inboxDocuments(b, "Offer").get(0);
    assertThat(offer.get("to")).extracting(JsonNode::asText).containsExactly(actor(b));
    assertThat(offer.at("/proof/cryptosuite").asText()).isEqualTo("eddsa-jcs-2022");
    CollaborationIT.SCHEMAS.assertValid("offer.schema.json", offer);
    KnowledgeAndFactsIT.assertProof(a, offer);
    KnowledgeAndFactsIT.assertProof(a, offer.get("object"));

    ok(
        b.api(
            "POST",
            "/api/v1/organizations/beit/interests/" + atB.get("id").asLong() + "/answer",
            "{\"answer\":\"accept\",\"message\":\"Welcome, let us talk next week\"}"),
        200);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode mine =
                  TestNode.json(a.api("GET", "/api/v1/organizations/alef/interests", null))
                      .get("items")
                      .get(0);
              assertThat(mine.get("state").asText()).isEqualTo("accepted");
              assertThat(mine.get("answer").asText()).isEqualTo("Welcome, let us talk next week");
            });
    JsonNode answer =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    CollaborationIT.inboxDocuments(a, "Accept").stream()
                        .filter(d -> d.path("object").asText().equals(offer.get("id").asText()))
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    CollaborationIT.SCHEMAS.assertValid("answer.schema.json", answer);
    KnowledgeAndFactsIT.assertProof(b, answer);
    ok(
        b.api(
            "POST",
            "/api/v1/organizations/beit/interests/" + atB.get("id").asLong() + "/answer",
            "{\"answer\":\"perhaps\"}"),
        422);
    ok(
        a.api(
            "POST",
            "/api/v1/organizations/alef/interests",
            "{\"to\":\"" + actor(b) + "\",\"about\":\"" + offerUrl + "\",\"message\":\"\"}"),
        422);
  }

  /**
   * A project on B that seeks partners (in mental health, in Idlib, with psychosocial skills) meets
   * A's offer in A's matches, explained in both languages; a project of the same sectors on B that
   * does not seek partners does not. The match is in A's public digest feed too, A's offer being
   * one side.
   */
  @Test
  @Order(3)
  void projectSeekingPartnersOnB_isMatchedFromA_withItsExplanation() throws Exception {
    String offer =
        TestNode.json(
                ok(
                    a.api(
                        "POST",
                        a.entriesPath(),
                        """
        {"kind":"offer","category":"expertise","title":{"ar":"جلسات دعم نفسي للمعلّمين","en":"Psychosocial support sessions for teachers"},
         "tags":["psychosocial support"],"sectors":["mental-health"],"regions":["sy-idlib"],"languages":["ar"]}
        """),
                    201))
            .get("url")
            .asText();
    String project =
        TestNode.json(
                ok(
                    b.api(
                        "POST",
                        b.entriesPath(),
                        """
        {"kind":"project","title":{"ar":"مساحات تعلّم آمنة في إدلب","en":"Safe learning spaces in Idlib"},
         "sectors":["education"],"regions":["sy-idlib"],"languages":["ar","en"],
         "seeksPartners":{"note":{"ar":"فريق دعم نفسي","en":"A psychosocial support team"},
           "sectors":["mental-health"],"skills":["psychosocial support","teacher training"]}}
        """),
                    201))
            .get("url")
            .asText();
    String notSeeking =
        TestNode.json(
                ok(
                    b.api(
                        "POST",
                        b.entriesPath(),
                        """
        {"kind":"project","title":{"en":"Counselling centre"},"sectors":["mental-health"],"regions":["sy-idlib"]}
        """),
                    201))
            .get("url")
            .asText();
    // an unknown sector in what a project seeks is refused like one of its own
    ok(
        b.api(
            "POST",
            b.entriesPath(),
            """
        {"kind":"project","title":{"en":"X"},"seeksPartners":{"sectors":["no-such-sector"]}}
        """),
        422);

    JsonNode match =
        await()
            .atMost(WAIT)
            .until(
                () -> {
                  for (JsonNode m : matches()) {
                    if (m.at("/offer/id").asText().equals(offer)
                        && m.at("/project/id").asText().equals(project)) return m;
                  }
                  return null;
                },
                m -> m != null);
    assertThat(match.get("sought").asText()).isEqualTo("project");
    assertThat(match.at("/project/organization").asText()).isEqualTo(actor(b));
    assertThat(match.at("/project/kind").asText()).isEqualTo("project");
    assertThat(match.at("/explanation/en").asText())
        .contains(
            "a project seeking partners",
            "skill sought: psychosocial support",
            "same sector: Mental health & psychosocial support",
            "both work in Idlib",
            "shared language: Arabic")
        .doesNotContain("teacher training");
    assertThat(match.at("/explanation/ar").asText())
        .contains(
            "مشروع يبحث عن شركاء",
            "المهارة المطلوبة: psychosocial support",
            "القطاع نفسه: الصحة النفسية والدعم النفسي الاجتماعي",
            "كلاهما يعمل في إدلب");
    assertThat(matches())
        .noneMatch(m -> m.at("/project/id").asText().equals(notSeeking))
        .noneMatch(m -> m.at("/need/id").asText().equals(notSeeking));

    // A's public digest feed of matches names it, in both languages
    String feed = ok(a.get("/feeds/org/alef/matches.atom"), 200).body();
    assertThat(feed)
        .contains("Safe learning spaces in Idlib", "a project seeking partners")
        .contains("مشروع يبحث عن شركاء")
        .doesNotContain("Counselling centre");

    // and "express interest" works towards the project's organization
    ok(
        a.api(
            "POST",
            "/api/v1/organizations/alef/interests",
            "{\"to\":\""
                + actor(b)
                + "\",\"about\":\""
                + project
                + "\",\"message\":\"Our team can help\"}"),
        201);
  }

  /**
   * The express-interest Offer and its answer verify in the independent Python verifier (and the
   * Offer's embedded Note by its own proof); a tampered copy of each does not.
   */
  @Test
  @Order(99)
  void everyDocumentsProof_isAcceptedByTheIndependentVerifier() throws Exception {
    var out = IndependentProofs.verifyAll(dir.resolve("proofs"), a, b, c);
    assertThat(out.kinds()).as(out.output()).contains("Offer(Note)", "Accept");
  }
}
