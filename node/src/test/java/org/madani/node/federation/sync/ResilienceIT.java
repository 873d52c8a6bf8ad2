package org.madani.node.federation.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;

/**
 * Five real nodes and one hostile mirror: origin O publishes while X is down; O goes down; X comes
 * back and obtains O's entries through peer P's mirror — verified against O's key, identical to
 * what O signed — after refusing a mirror that altered one character.
 */
class ResilienceIT {

  @TempDir static Path dir;
  static TestNode o;
  static TestNode p;
  static TestNode x;
  static TestNode y;
  static TestNode z;
  static WireMockServer hostile;
  static final Duration WAIT = Duration.ofSeconds(20);

  @BeforeAll
  static void start() throws Exception {
    o = TestNode.start(dir.resolve("o"), "origin", false);
    p = TestNode.start(dir.resolve("p"), "peer", false);
    x = TestNode.start(dir.resolve("x"), "away", false);
    y = TestNode.start(dir.resolve("y"), "yaa", false);
    z = TestNode.start(dir.resolve("z"), "zay", false);
    hostile = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    hostile.start();
  }

  @AfterAll
  static void stop() {
    for (TestNode n : new TestNode[] {o, p, x, y, z}) if (n != null) n.close();
    if (hostile != null) hostile.stop();
  }

  static String actor(TestNode n) {
    return n.base() + "/orgs/" + n.handle();
  }

  static void follow(TestNode from, String actor) throws Exception {
    var r =
        from.api(
            "POST",
            "/api/v1/organizations/" + from.handle() + "/following",
            "{\"actor\":\"" + actor + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  static JsonNode received(TestNode node, String from, String objectId) throws Exception {
    JsonNode items =
        TestNode.json(
                node.api(
                    "GET",
                    "/api/v1/organizations/"
                        + node.handle()
                        + "/received?actor="
                        + URLEncoder.encode(from, StandardCharsets.UTF_8),
                    null))
            .get("items");
    for (JsonNode i : items) if (i.get("id").asText().equals(objectId)) return i;
    return null;
  }

  static String publish(TestNode n, String titleEn) throws Exception {
    var r =
        n.api(
            "POST",
            n.entriesPath(),
            "{\"kind\":\"article\",\"title\":{\"ar\":\"مقالة\",\"en\":\"" + titleEn + "\"}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return TestNode.json(r).get("url").asText();
  }

  @Test
  void offlineNodeCatchesUpFromAPeerMirror_whileTheOriginIsDown() throws Exception {
    // A hostile node that X also follows: it claims to mirror O, but alters what it serves.
    String hostileActor = "http://127.0.0.1:" + hostile.port() + "/users/h";
    hostile.stubFor(
        get(urlPathEqualTo("/users/h"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/activity+json")
                    .withBody(
                        "{\"id\":\""
                            + hostileActor
                            + "\",\"type\":\"Service\",\"inbox\":\""
                            + hostileActor
                            + "/inbox\"}")));
    hostile.stubFor(any(urlPathEqualTo("/users/h/inbox")).willReturn(aResponse().withStatus(202)));

    follow(p, actor(o));
    follow(y, actor(p)); // Y follows only P: O's entries reach Y through P's relay
    follow(z, actor(y)); // Z follows only Y: relayed copies are not relayed again
    follow(x, hostileActor);
    follow(x, actor(o));
    follow(x, actor(p));
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(
                            x.api(
                                "GET", "/api/v1/organizations/away/following?state=accepted", null))
                        .get("items")
                        .size()
                    == 2);
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(
                            p.api(
                                "GET", "/api/v1/organizations/peer/following?state=accepted", null))
                        .get("items")
                        .size()
                    == 1);

    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(
                                y.api(
                                    "GET",
                                    "/api/v1/organizations/yaa/following?state=accepted",
                                    null))
                            .get("items")
                            .size()
                        == 1
                    && TestNode.json(
                                z.api(
                                    "GET",
                                    "/api/v1/organizations/zay/following?state=accepted",
                                    null))
                            .get("items")
                            .size()
                        == 1);

    String first = publish(o, "Before the outage");
    await().atMost(WAIT).until(() -> received(x, actor(o), first) != null);
    // Multi-hop: Y never followed O, yet holds O's entry, verified by O's proof, relayed by P.
    JsonNode relayed =
        await().atMost(WAIT).until(() -> received(y, actor(o), first), n -> n != null);
    assertThat(relayed.get("verifiedBy").asText()).isEqualTo("eddsa-jcs-2022 via " + actor(p));

    x.stop();
    String second = publish(o, "Published while X was away");
    String third = publish(o, "Also while X was away");
    var del =
        o.api("DELETE", o.entriesPath() + "/" + third.substring(third.lastIndexOf('/') + 1), null);
    assertThat(del.statusCode()).isEqualTo(204);
    await()
        .atMost(WAIT)
        .until(() -> received(p, actor(o), second) != null && received(p, actor(o), third) == null);

    // What O signed, as its own log serves it.
    JsonNode originLog =
        TestNode.json(o.get("/orgs/origin/log?after=0", "Accept", "application/activity+json"));
    assertThat(originLog.get("orderedItems")).hasSize(4);
    // The hostile mirror serves O's log with one character changed.
    String tampered =
        originLog.toString().replace("Published while X was away", "Published while X was awaY");
    hostile.stubFor(
        get(urlPathEqualTo("/mirror/log"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/activity+json")
                    .withBody(tampered)));
    o.stop();

    x.restart();
    JsonNode item = await().atMost(WAIT).until(() -> received(x, actor(o), second), n -> n != null);
    assertThat(item.at("/object/name").asText()).isEqualTo("مقالة");
    assertThat(item.at("/object/nameMap/en").asText()).isEqualTo("Published while X was away");
    // Through P, checked against O's proof: from P's mirror by catch-up, or (when P's retried
    // relay to X arrives first, which a busy machine allows) from P's Announce. That catch-up ran
    // is shown below: X's mirror of O's log is O's, item for item, and the hostile one was asked.
    assertThat(item.get("verifiedBy").asText())
        .isIn("eddsa-jcs-2022 via " + p.base(), "eddsa-jcs-2022 via " + actor(p));
    await().atMost(WAIT).until(() -> received(x, actor(o), third) == null);
    // the hostile mirror was asked, and what it served was refused
    assertThat(hostile.findAll(getRequestedFor(urlPathEqualTo("/mirror/log")))).isNotEmpty();

    // X's copy of O's log is identical to what O signed, item for item.
    JsonNode mirrored =
        TestNode.json(
            x.get(
                "/mirror/log?actor="
                    + URLEncoder.encode(actor(o), StandardCharsets.UTF_8)
                    + "&after=0",
                "Accept",
                "application/activity+json"));
    assertThat(mirrored.get("orderedItems")).isEqualTo(originLog.get("orderedItems"));
    assertThat(mirrored.toString()).doesNotContain("awaY");

    // No amplification: Y does not relay what it got relayed, so Z (following only Y) has nothing
    // of O's.
    assertThat(received(z, actor(o), first)).isNull();
    assertThat(
            TestNode.json(
                    y.get(
                        "/orgs/yaa/outbox?before=" + Long.MAX_VALUE,
                        "Accept",
                        "application/activity+json"))
                .get("orderedItems"))
        .noneSatisfy(a -> assertThat(a.get("type").asText()).isEqualTo("Announce"));
  }
}
