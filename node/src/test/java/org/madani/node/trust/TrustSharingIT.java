package org.madani.node.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/** Endorsements, reports (Flag) and shared lists between two real nodes. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrustSharingIT {

  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static final Duration SECONDS = Duration.ofSeconds(10);

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false);
    b = TestNode.start(dir.resolve("b"), "beit", false);
  }

  @AfterAll
  static void stop() {
    for (TestNode n : new TestNode[] {a, b}) if (n != null) n.close();
  }

  static String actor(TestNode n) {
    return n.base() + "/orgs/" + n.handle();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonNode endorsementsOf(TestNode n, String of) throws Exception {
    return TestNode.json(n.api("GET", "/api/v1/trust/endorsements?of=" + enc(of), null))
        .get("items");
  }

  @Test
  @Order(1)
  void endorsement_countsOnlyWhenTheEndorserIsTrusted() throws Exception {
    HttpResponse<String> r =
        b.api("PUT", "/api/v1/trust/nodes/" + a.base().getAuthority(), "{\"level\":\"trusted\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    r =
        a.api(
            "POST",
            "/api/v1/trust/endorsements",
            "{\"from\":\"alef\",\"of\":\""
                + actor(b)
                + "\",\"comment\":\"We worked together in 2025\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    // A lists its own endorsement at once
    assertThat(endorsementsOf(a, actor(b)))
        .singleElement()
        .satisfies(e -> assertThat(e.get("local").asBoolean()).isTrue());

    JsonNode shown =
        await()
            .atMost(SECONDS)
            .until(() -> endorsementsOf(b, actor(b)), items -> items.size() == 1);
    assertThat(shown.get(0).get("endorser").asText()).isEqualTo(actor(a));
    assertThat(shown.get(0).get("comment").asText()).isEqualTo("We worked together in 2025");
    assertThat(shown.get(0).get("local").asBoolean()).isFalse();

    // no longer trusted: the endorsement is still stored but no longer shown
    assertThat(b.api("DELETE", "/api/v1/trust/nodes/" + a.base().getAuthority(), null).statusCode())
        .isEqualTo(204);
    assertThat(endorsementsOf(b, actor(b))).isEmpty();
    assertThat(
            b.api(
                    "PUT",
                    "/api/v1/trust/nodes/" + a.base().getAuthority(),
                    "{\"level\":\"trusted\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(endorsementsOf(b, actor(b))).hasSize(1);

    // withdrawn with Undo
    r = a.api("DELETE", "/api/v1/trust/endorsements?from=alef&of=" + enc(actor(b)), null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    await().atMost(SECONDS).until(() -> endorsementsOf(b, actor(b)).isEmpty());
  }

  @Test
  @Order(2)
  void flagSentByA_appearsInBsQueue_andIsResolved() throws Exception {
    HttpResponse<String> r =
        a.api(
            "POST",
            "/api/v1/moderation/flags",
            "{\"from\":\"alef\",\"actor\":\""
                + actor(b)
                + "\",\"comment\":\"Impersonates a known group\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(
            TestNode.json(a.api("GET", "/api/v1/moderation/reports?direction=sent", null))
                .get("items"))
        .hasSize(1);

    JsonNode report =
        await()
            .atMost(SECONDS)
            .until(
                () ->
                    TestNode.json(
                            b.api(
                                "GET",
                                "/api/v1/moderation/reports?direction=received&state=open",
                                null))
                        .get("items"),
                i -> i.size() == 1)
            .get(0);
    assertThat(report.get("reporter").asText()).isEqualTo(actor(a));
    assertThat(report.get("targets").get(0).asText()).isEqualTo(actor(b));
    assertThat(report.get("comment").asText()).isEqualTo("Impersonates a known group");

    r =
        b.api(
            "POST",
            "/api/v1/moderation/reports/" + report.get("id").asLong() + "/resolve",
            "{\"resolution\":\"Checked: not an impersonation\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(
            TestNode.json(b.api("GET", "/api/v1/moderation/reports?state=open", null)).get("items"))
        .isEmpty();
    assertThat(b.api("GET", "/api/v1/moderation/reports?state=maybe", null).statusCode())
        .isEqualTo(400);
  }

  @Test
  @Order(3)
  void suspendAndLimit_changeTheStandingOfARemoteOrganization() throws Exception {
    r(
        b.api(
            "POST",
            "/api/v1/moderation/actions",
            "{\"action\":\"limit\",\"target\":\"" + actor(a) + "\",\"reason\":\"spam\"}"),
        204);
    assertThat(
            TestNode.json(b.api("GET", "/api/v1/trust/actors?actor=" + enc(actor(a)), null))
                .get("effective")
                .asText())
        .isEqualTo("limited");
    r(
        b.api(
            "POST",
            "/api/v1/moderation/actions",
            "{\"action\":\"suspend\",\"target\":\"" + actor(a) + "\"}"),
        204);
    assertThat(
            TestNode.json(b.api("GET", "/api/v1/trust/actors?actor=" + enc(actor(a)), null))
                .get("effective")
                .asText())
        .isEqualTo("blocked");
    r(
        b.api(
            "POST",
            "/api/v1/moderation/actions",
            "{\"action\":\"restore\",\"target\":\"" + actor(a) + "\"}"),
        204);
    assertThat(
            TestNode.json(b.api("GET", "/api/v1/trust/actors?actor=" + enc(actor(a)), null))
                .get("effective")
                .asText())
        .isEqualTo("trusted");
    r(
        b.api(
            "POST",
            "/api/v1/moderation/actions",
            "{\"action\":\"remove\",\"target\":\"" + actor(a) + "/entries/none\"}"),
        404);
    r(
        b.api(
            "POST",
            "/api/v1/moderation/actions",
            "{\"action\":\"ban\",\"target\":\"" + actor(a) + "\"}"),
        422);
  }

  @Test
  @Order(4)
  void listExportImport_roundTrip_csvPreviewThenSignedJson() throws Exception {
    r(
        a.api(
            "PUT",
            "/api/v1/trust/nodes/spam.example",
            "{\"level\":\"blocked\",\"note\":\"spam, since 2026\"}"),
        200);
    r(
        a.api(
            "PUT",
            "/api/v1/trust/actors/" + enc("https://bad.example/orgs/fake"),
            "{\"level\":\"blocked\"}"),
        200);

    HttpResponse<String> csv = a.api("GET", "/api/v1/trust/lists/blocks.csv", null);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body())
        .startsWith("type,subject,level,note")
        .contains("node,spam.example,blocked,\"spam, since 2026\"");

    ObjectNode preview =
        TestNode.JSON
            .createObjectNode()
            .put("format", "csv")
            .put("list", "blocks")
            .put("content", csv.body());
    JsonNode changes =
        TestNode.json(r(b.api("POST", "/api/v1/trust/lists/preview", preview.toString()), 200));
    assertThat(changes.get("applied").asBoolean()).isFalse();
    assertThat(changes.get("changes")).hasSize(2);
    // a preview applies nothing
    assertThat(
            TestNode.json(b.api("GET", "/api/v1/trust/nodes/spam.example", null))
                .get("level")
                .asText())
        .isEqualTo("unknown");

    String signed = r(a.api("GET", "/api/v1/trust/lists/blocks.json", null), 200).body();
    // signed like every other Madani document: one eddsa-jcs-2022 Data Integrity proof by the
    // issuer's key
    assertThat(TestNode.JSON.readTree(signed).at("/proof/cryptosuite").asText())
        .isEqualTo("eddsa-jcs-2022");
    assertThat(TestNode.JSON.readTree(signed).at("/proof/verificationMethod").asText())
        .startsWith(actor(a));
    // the detached signature of earlier builds is not read
    ObjectNode legacy = (ObjectNode) TestNode.JSON.readTree(signed);
    legacy.remove("proof");
    legacy
        .putObject("signature")
        .put("type", "JcsEd25519Signature2026")
        .put("keyId", actor(a) + "#ed25519-1")
        .put("value", "AAAA");
    r(
        b.api(
            "POST",
            "/api/v1/trust/lists/import",
            TestNode.JSON
                .createObjectNode()
                .put("format", "json")
                .put("content", legacy.toString())
                .toString()),
        422);
    // a tampered list is refused
    ObjectNode tampered =
        TestNode.JSON
            .createObjectNode()
            .put("format", "json")
            .put("content", signed.replace("spam.example", "good.example"));
    r(b.api("POST", "/api/v1/trust/lists/import", tampered.toString()), 422);

    ObjectNode importJson =
        TestNode.JSON.createObjectNode().put("format", "json").put("content", signed);
    JsonNode applied =
        TestNode.json(r(b.api("POST", "/api/v1/trust/lists/import", importJson.toString()), 200));
    assertThat(applied.get("changes")).hasSize(2);
    JsonNode node = TestNode.json(b.api("GET", "/api/v1/trust/nodes/spam.example", null));
    assertThat(node.get("level").asText()).isEqualTo("blocked");
    assertThat(node.get("note").asText()).isEqualTo("spam, since 2026");
    assertThat(
            TestNode.json(
                    b.api(
                        "GET",
                        "/api/v1/trust/actors?actor=" + enc("https://bad.example/orgs/fake"),
                        null))
                .get("level")
                .asText())
        .isEqualTo("blocked");
    // importing again changes nothing
    assertThat(
            TestNode.json(
                    r(b.api("POST", "/api/v1/trust/lists/import", importJson.toString()), 200))
                .get("changes"))
        .isEmpty();
  }

  @Test
  @Order(5)
  void subscription_showsAPendingChange_beforeItApplies() throws Exception {
    String url = a.base() + "/trust/lists/blocks.json";
    assertThat(a.get("/trust/lists/blocks.json").statusCode()).isEqualTo(404); // not published yet
    r(a.api("PUT", "/api/v1/trust/lists/publication", "{\"publish\":true}"), 200);
    r(a.api("PUT", "/api/v1/trust/nodes/new-spam.example", "{\"level\":\"blocked\"}"), 200);

    long sub =
        TestNode.json(
                r(b.api("POST", "/api/v1/trust/subscriptions", "{\"url\":\"" + url + "\"}"), 201))
            .get("id")
            .asLong();
    JsonNode pending =
        TestNode.json(
                r(b.api("POST", "/api/v1/trust/subscriptions/" + sub + "/refresh", null), 200))
            .get("items");
    assertThat(pending)
        .singleElement()
        .satisfies(
            ch -> {
              assertThat(ch.get("subject").asText()).isEqualTo("new-spam.example");
              assertThat(ch.get("to").asText()).isEqualTo("blocked");
              assertThat(ch.get("state").asText()).isEqualTo("pending");
            });
    // not applied until approved
    assertThat(
            TestNode.json(b.api("GET", "/api/v1/trust/nodes/new-spam.example", null))
                .get("level")
                .asText())
        .isEqualTo("unknown");
    // a second fetch does not queue it twice
    assertThat(
            TestNode.json(
                    r(b.api("POST", "/api/v1/trust/subscriptions/" + sub + "/refresh", null), 200))
                .get("items"))
        .hasSize(1);

    JsonNode approved =
        TestNode.json(
            r(
                b.api(
                    "POST",
                    "/api/v1/trust/changes/" + pending.get(0).get("id").asLong() + "/approve",
                    null),
                200));
    assertThat(approved.get("state").asText()).isEqualTo("applied");
    JsonNode node = TestNode.json(b.api("GET", "/api/v1/trust/nodes/new-spam.example", null));
    assertThat(node.get("level").asText()).isEqualTo("blocked");
    assertThat(node.get("source").asText()).isEqualTo(url);
    r(
        b.api(
            "POST",
            "/api/v1/trust/changes/" + pending.get(0).get("id").asLong() + "/approve",
            null),
        409);

    // A unblocks it: B is offered the removal, and rejecting it keeps the block
    r(a.api("DELETE", "/api/v1/trust/nodes/new-spam.example", null), 204);
    JsonNode removal =
        TestNode.json(
                r(b.api("POST", "/api/v1/trust/subscriptions/" + sub + "/refresh", null), 200))
            .get("items");
    assertThat(removal)
        .singleElement()
        .satisfies(ch -> assertThat(ch.get("to").asText()).isEqualTo("unknown"));
    r(
        b.api(
            "POST", "/api/v1/trust/changes/" + removal.get(0).get("id").asLong() + "/reject", null),
        200);
    assertThat(
            TestNode.json(b.api("GET", "/api/v1/trust/nodes/new-spam.example", null))
                .get("level")
                .asText())
        .isEqualTo("blocked");

    // a list from a node that is not trusted is not taken
    r(
        b.api("PUT", "/api/v1/trust/nodes/" + a.base().getAuthority(), "{\"level\":\"allowed\"}"),
        200);
    r(b.api("POST", "/api/v1/trust/subscriptions/" + sub + "/refresh", null), 422);
  }

  static HttpResponse<String> r(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response;
  }
}
