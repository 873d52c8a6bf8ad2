package org.madani.node.trust;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
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

/**
 * The trust model's effects between real nodes: allowlist mode refuses (403) and never fetches an
 * unlisted peer (played by WireMock, which must see zero requests); a blocked node gets 403, gets
 * nothing delivered, and its entries leave what we show; trusted nodes get network entries.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrustEnforcementIT {

  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static WireMockServer stranger;

  static final Duration SECONDS = Duration.ofSeconds(10);

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false);
    b = TestNode.start(dir.resolve("b"), "beit", false);
    stranger = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    stranger.start();
    stranger.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
  }

  @AfterAll
  static void stop() {
    for (TestNode n : new TestNode[] {a, b}) if (n != null) n.close();
    if (stranger != null) stranger.stop();
  }

  static String actor(TestNode n) {
    return n.base() + "/orgs/" + n.handle();
  }

  static String host(TestNode n) {
    return n.base().getAuthority();
  }

  /** A POST to A's inbox claiming to come from the WireMock stranger, signed with its key id. */
  static HttpResponse<String> postFromStranger() throws Exception {
    String actor = stranger.baseUrl() + "/users/stranger";
    String activity =
        "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\""
            + actor
            + "/activities/1\",\"type\":\"Follow\",\"actor\":\""
            + actor
            + "\",\"object\":\""
            + actor(a)
            + "\"}";
    return a.send(
        "POST",
        "/orgs/alef/inbox",
        activity,
        "Content-Type",
        "application/activity+json",
        "Date",
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)),
        "Signature",
        "keyId=\""
            + actor
            + "#main-key\",algorithm=\"rsa-sha256\",headers=\"(request-target) host date\","
            + "signature=\"AAAA\"");
  }

  @Test
  @Order(1)
  void openMode_anUnknownSendersKeyIsFetched() throws Exception {
    // The control: without the allowlist the node does fetch the key (and then refuses the bad
    // signature).
    assertThat(postFromStranger().statusCode()).isEqualTo(401);
    assertThat(stranger.getAllServeEvents()).isNotEmpty();
    stranger.resetRequests();
  }

  @Test
  @Order(2)
  void allowlistMode_unlistedNodeGets403_andIsNeverFetched() throws Exception {
    HttpResponse<String> r =
        a.api("PUT", "/api/v1/trust/nodes/" + host(b), "{\"level\":\"allowed\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    r = a.api("PUT", "/api/v1/trust/mode", "{\"mode\":\"allowlist\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(TestNode.json(a.api("GET", "/api/v1/trust/mode", null)).get("mode").asText())
        .isEqualTo("allowlist");

    HttpResponse<String> refused = postFromStranger();
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    // following it is refused too, before any request
    r =
        a.api(
            "POST",
            "/api/v1/organizations/alef/following",
            "{\"actor\":\"" + stranger.baseUrl() + "/users/stranger\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(stranger.getAllServeEvents()).isEmpty();

    JsonNode standing =
        TestNode.json(
            a.api(
                "GET",
                "/api/v1/trust/actors?actor="
                    + URLEncoder.encode(
                        stranger.baseUrl() + "/users/stranger", StandardCharsets.UTF_8),
                null));
    assertThat(standing.get("effective").asText()).isEqualTo("blocked");

    // the listed node still federates: A follows B and B accepts
    r = a.api("POST", "/api/v1/organizations/alef/following", "{\"actor\":\"" + actor(b) + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    await()
        .atMost(SECONDS)
        .until(
            () ->
                TestNode.json(a.api("GET", "/api/v1/organizations/alef/following", null))
                    .at("/items/0/state")
                    .asText()
                    .equals("accepted"));
    JsonNode bStanding =
        TestNode.json(
            a.api(
                "GET",
                "/api/v1/trust/actors/" + URLEncoder.encode(actor(b), StandardCharsets.UTF_8),
                null));
    assertThat(bStanding.get("effective").asText()).isEqualTo("followed");
    assertThat(a.api("PUT", "/api/v1/trust/mode", "{\"mode\":\"open\"}").statusCode())
        .isEqualTo(200);
    assertThat(a.api("PUT", "/api/v1/trust/mode", "{\"mode\":\"closed\"}").statusCode())
        .isEqualTo(422);
  }

  @Test
  @Order(3)
  void blockedNode_gets403_isNotDeliveredTo_andItsEntriesAreHidden() throws Exception {
    // B follows A too, so A has something to deliver to B
    assertThat(
            b.api(
                    "POST",
                    "/api/v1/organizations/beit/following",
                    "{\"actor\":\"" + actor(a) + "\"}")
                .statusCode())
        .isEqualTo(202);
    await()
        .atMost(SECONDS)
        .until(
            () ->
                TestNode.json(b.api("GET", "/api/v1/organizations/beit/following", null))
                    .at("/items/0/state")
                    .asText()
                    .equals("accepted"));
    String fromB =
        TestNode.json(b.api("POST", b.entriesPath(), article("From B before the block")))
            .get("url")
            .asText();
    await().atMost(SECONDS).until(() -> received(a, actor(b), fromB) != null);

    HttpResponse<String> r =
        a.api("PUT", "/api/v1/trust/nodes/" + host(b), "{\"level\":\"blocked\",\"note\":\"spam\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(TestNode.json(r).get("effective").asText()).isEqualTo("blocked");

    // existing entries disappear from what A shows
    assertThat(received(a, actor(b), fromB)).isNull();
    // B's deliveries are refused with 403 (B's delivery to A's inbox fails; nothing new arrives)
    HttpResponse<String> direct =
        a.send(
            "POST",
            "/orgs/alef/inbox",
            "{\"id\":\""
                + actor(b)
                + "/activities/x\","
                + "\"type\":\"Like\",\"actor\":\""
                + actor(b)
                + "\",\"object\":\""
                + actor(a)
                + "\"}",
            "Content-Type",
            "application/activity+json",
            "Signature",
            "keyId=\"" + actor(b) + "#main-key\",signature=\"AAAA\"");
    assertThat(direct.statusCode()).isEqualTo(403);
    // nothing A publishes while B is blocked reaches B: not delivered, and B's (signed) catch-up
    // reads of A's log are refused too
    String whileBlocked =
        TestNode.json(a.api("POST", a.entriesPath(), article("While B is blocked")))
            .get("url")
            .asText();
    assertThat(
            a.count(
                "SELECT COUNT(*) FROM delivery WHERE inbox LIKE '"
                    + b.base()
                    + "%' AND activity_id IN "
                    + "(SELECT activity_id FROM outbox WHERE object_id = '"
                    + whileBlocked
                    + "')"))
        .isZero();
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(8))
        .until(() -> received(b, actor(a), whileBlocked) == null);

    // unblock: B's old entries show again, and A's next entry reaches B. The public entry from the
    // block is part of A's public log, which B may now read like anyone: it catches up (sync.md).
    assertThat(a.api("DELETE", "/api/v1/trust/nodes/" + host(b), null).statusCode()).isEqualTo(204);
    assertThat(received(a, actor(b), fromB)).isNotNull();
    String after =
        TestNode.json(a.api("POST", a.entriesPath(), article("After the unblock")))
            .get("url")
            .asText();
    await().atMost(SECONDS).until(() -> received(b, actor(a), after) != null);
  }

  @Test
  @Order(4)
  void blockedActor_cannotBeFollowed() throws Exception {
    // B stops following A first (the Undo must reach A; nothing is delivered to a blocked actor) …
    assertThat(
            b.api(
                    "DELETE",
                    "/api/v1/organizations/beit/following?actor="
                        + URLEncoder.encode(actor(a), StandardCharsets.UTF_8),
                    null)
                .statusCode())
        .isEqualTo(204);
    await()
        .atMost(SECONDS)
        .until(
            () ->
                TestNode.json(a.api("GET", "/api/v1/organizations/alef/followers", null))
                    .get("items")
                    .isEmpty());
    // … then blocks A's organization, and can no longer follow it
    HttpResponse<String> r =
        b.api(
            "PUT",
            "/api/v1/trust/actors/" + URLEncoder.encode(actor(a), StandardCharsets.UTF_8),
            "{\"level\":\"blocked\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    r = b.api("POST", "/api/v1/organizations/beit/following", "{\"actor\":\"" + actor(a) + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    assertThat(
            b.api(
                    "DELETE",
                    "/api/v1/trust/actors/" + URLEncoder.encode(actor(a), StandardCharsets.UTF_8),
                    null)
                .statusCode())
        .isEqualTo(204);
    assertThat(
            b.api("PUT", "/api/v1/trust/nodes/not%20a%20host", "{\"level\":\"blocked\"}")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  @Order(5)
  void trustedNodes_getNetworkEntries_withoutFollowing() throws Exception {
    // B no longer follows A (order 4). A network entry from A does not reach B while untrusted...
    String before =
        TestNode.json(a.api("POST", a.entriesPath(), network("Network, not shared")))
            .get("url")
            .asText();
    // ...then each trusts the other's node, and the next network entry does.
    assertThat(
            a.api("PUT", "/api/v1/trust/nodes/" + host(b), "{\"level\":\"trusted\"}").statusCode())
        .isEqualTo(200);
    assertThat(
            b.api("PUT", "/api/v1/trust/nodes/" + host(a), "{\"level\":\"trusted\"}").statusCode())
        .isEqualTo(200);
    String shared =
        TestNode.json(a.api("POST", a.entriesPath(), network("Network, shared with trusted")))
            .get("url")
            .asText();
    JsonNode item =
        await().atMost(SECONDS).until(() -> received(b, actor(a), shared), n -> n != null);
    assertThat(item.get("audience").asText()).isEqualTo("network");
    assertThat(received(b, actor(a), before)).isNull();
    JsonNode nodes = TestNode.json(a.api("GET", "/api/v1/trust/nodes", null)).get("items");
    assertThat(nodes)
        .singleElement()
        .satisfies(n -> assertThat(n.get("level").asText()).isEqualTo("trusted"));
  }

  static String article(String title) {
    return "{\"kind\":\"article\",\"title\":{\"en\":\"" + title + "\"}}";
  }

  static String network(String title) {
    return "{\"kind\":\"need\",\"category\":\"translation\",\"visibility\":\"network\",\"title\":{\"en\":\""
        + title
        + "\"}}";
  }

  static JsonNode received(TestNode node, String fromActor, String objectId) throws Exception {
    JsonNode items =
        TestNode.json(
                node.api(
                    "GET",
                    "/api/v1/organizations/"
                        + node.handle()
                        + "/received?actor="
                        + URLEncoder.encode(fromActor, StandardCharsets.UTF_8),
                    null))
            .get("items");
    for (JsonNode i : items) if (i.get("id").asText().equals(objectId)) return i;
    return null;
  }
}
