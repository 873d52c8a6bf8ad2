package org.madani.node.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.madani.node.federation.sig.HttpRequestView;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.Rfc9421Signer;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SigningKey;

/**
 * Peer health, seen from node A: a real node B it follows and that follows it (deliveries done, B's
 * log mirrored), and a follower played by WireMock that goes down (503 on its inbox) until its
 * breaker opens. Both the admin API and the Prometheus text show it; {@code /metrics} needs the
 * metrics token and is absent where none is configured.
 */
class PeerHealthIT {

  static final String METRICS_TOKEN = "metrics-token-0123456789abcdefghijklmnop";
  static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static WireMockServer down;

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false, c -> c.withMetricsToken(METRICS_TOKEN));
    b = TestNode.start(dir.resolve("b"), "beh", false);
    down = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    down.start();
  }

  @AfterAll
  static void stop() {
    for (TestNode n : new TestNode[] {a, b}) if (n != null) n.close();
    if (down != null) down.stop();
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

  static void publish(TestNode n, String title) throws Exception {
    var r =
        n.api(
            "POST", n.entriesPath(), "{\"kind\":\"article\",\"title\":{\"ar\":\"" + title + "\"}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  static String metrics() throws Exception {
    HttpResponse<String> r = a.get("/metrics", "Authorization", "Bearer " + METRICS_TOKEN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    return r.body();
  }

  /** The value of one series, or NaN when absent. */
  static double value(String text, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  static JsonNode host(String hostKey) throws Exception {
    JsonNode health = TestNode.json(a.api("GET", "/api/v1/federation/health", null));
    for (JsonNode h : health.get("hosts")) if (h.get("host").asText().equals(hostKey)) return h;
    return null;
  }

  @Test
  void healthAndMetricsShowAHealthyPeer_aMirroredLog_andADownPeerWithItsBreakerOpen()
      throws Exception {
    // A down follower: it follows A while up, then its inbox answers 503.
    KeyPair key = Keys.generateEd25519(new SecureRandom());
    String reader = "http://127.0.0.1:" + down.port() + "/users/reader";
    ObjectNode doc =
        TestNode.JSON
            .createObjectNode()
            .put("id", reader)
            .put("type", "Person")
            .put("inbox", reader + "/inbox");
    doc.putArray("assertionMethod")
        .addObject()
        .put("id", reader + "#ed")
        .put("type", "Multikey")
        .put("controller", reader)
        .put("publicKeyMultibase", Keys.toMultibase(key.getPublic()));
    down.stubFor(
        get(urlPathEqualTo("/users/reader"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/activity+json")
                    .withBody(doc.toString())));
    down.stubFor(
        post(urlPathEqualTo("/users/reader/inbox")).willReturn(aResponse().withStatus(202)));
    String followBody =
        "{\"id\":\""
            + reader
            + "/follows/1\",\"type\":\"Follow\",\"actor\":\""
            + reader
            + "\",\"object\":\""
            + actor(a)
            + "\"}";
    assertThat(
            a.send(signedPost(key, reader, URI.create(actor(a) + "/inbox"), followBody))
                .statusCode())
        .isEqualTo(202);
    await()
        .atMost(WAIT)
        .until(
            () -> !down.findAll(postRequestedFor(urlPathEqualTo("/users/reader/inbox"))).isEmpty());

    follow(a, actor(b));
    follow(b, actor(a));
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(
                                a.api(
                                    "GET",
                                    "/api/v1/organizations/alef/following?state=accepted",
                                    null))
                            .get("items")
                            .size()
                        == 1
                    && TestNode.json(
                                b.api(
                                    "GET",
                                    "/api/v1/organizations/beh/following?state=accepted",
                                    null))
                            .get("items")
                            .size()
                        == 1);
    publish(b, "أولى");
    publish(b, "ثانية");

    // An unsigned activity is refused (401, problem type "signature").
    HttpResponse<String> unsigned =
        a.send(
            "POST",
            "/orgs/alef/inbox",
            "{\"id\":\""
                + reader
                + "/x\",\"type\":\"Like\",\"actor\":\""
                + reader
                + "\",\"object\":\""
                + actor(a)
                + "\"}",
            "Content-Type",
            "application/activity+json");
    assertThat(unsigned.statusCode()).isEqualTo(401);

    // The follower goes down; six entries make six failing jobs, past the breaker's threshold (5).
    down.stubFor(
        post(urlPathEqualTo("/users/reader/inbox")).willReturn(aResponse().withStatus(503)));
    for (int i = 0; i < 6; i++) publish(a, "مقالة " + i);

    String downHost = "127.0.0.1:" + down.port();
    String bHost = b.base().getAuthority();
    JsonNode downPeer =
        await()
            .atMost(WAIT)
            .until(
                () -> host(downHost), h -> h != null && h.get("breaker").asText().equals("open"));
    assertThat(downPeer.get("consecutiveFailures").asInt()).isGreaterThanOrEqualTo(5);
    assertThat(downPeer.get("queued").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(downPeer.has("lastFailure")).isTrue();
    assertThat(downPeer.has("breakerOpenUntil")).isTrue();
    assertThat(downPeer.get("origins")).isEmpty();

    // B: deliveries accepted, and its signed log mirrored up to its last sequence (2).
    JsonNode bPeer =
        await()
            .atMost(WAIT)
            .until(
                () -> host(bHost),
                h ->
                    h != null
                        && h.has("lastSuccess")
                        && h.get("origins").size() == 1
                        && h.get("origins").get(0).get("appliedSeq").asLong() == 2);
    assertThat(bPeer.get("breaker").asText()).isEqualTo("closed");
    assertThat(bPeer.get("consecutiveFailures").asInt()).isZero();
    JsonNode origin = bPeer.get("origins").get(0);
    assertThat(origin.get("actor").asText()).isEqualTo(actor(b));

    // The same, as Prometheus series.
    String text =
        await()
            .atMost(WAIT)
            .until(
                PeerHealthIT::metrics,
                t ->
                    value(t, "madani_mirror_applied_sequence{origin=\"" + actor(b) + "\"}") == 2.0
                        && value(t, "madani_peer_breaker_open{host=\"" + downHost + "\"}") == 1.0);
    assertThat(value(text, "madani_peer_consecutive_failures{host=\"" + downHost + "\"}"))
        .isGreaterThanOrEqualTo(5);
    assertThat(value(text, "madani_peer_queued_deliveries{host=\"" + downHost + "\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(text, "madani_peer_breaker_open{host=\"" + bHost + "\"}")).isEqualTo(0.0);
    assertThat(value(text, "madani_peer_last_success_age_seconds{host=\"" + bHost + "\"}"))
        .isBetween(0.0, 60.0);
    assertThat(value(text, "madani_deliveries_total{outcome=\"done\"}")).isGreaterThanOrEqualTo(2);
    assertThat(value(text, "madani_deliveries_total{outcome=\"failed\"}"))
        .isGreaterThanOrEqualTo(5);
    assertThat(value(text, "madani_deliveries_total{outcome=\"dead\"}")).isZero();
    assertThat(value(text, "madani_inbox_accepted_total{result=\"stored\"}"))
        .isGreaterThanOrEqualTo(3);
    assertThat(value(text, "madani_inbox_refused_total{reason=\"signature\"}")).isEqualTo(1.0);
    assertThat(value(text, "madani_inbox_refused_total{reason=\"refused-peer\"}")).isZero();
    assertThat(value(text, "madani_peer_hosts")).isGreaterThanOrEqualTo(2);
    assertThat(text)
        .contains("# TYPE madani_peer_queued_deliveries gauge")
        .contains("# TYPE madani_deliveries_total counter");
  }

  @Test
  void metricsNeedTheMetricsToken_andAreOffWithoutOne() throws Exception {
    assertThat(a.get("/metrics").statusCode()).isEqualTo(401);
    assertThat(a.get("/metrics", "Authorization", "Bearer " + METRICS_TOKEN + "x").statusCode())
        .isEqualTo(401);
    // an admin API token is not a metrics token
    assertThat(a.get("/metrics", "Authorization", "Bearer " + a.token()).statusCode())
        .isEqualTo(401);
    assertThat(b.get("/metrics").statusCode()).isEqualTo(404);
    assertThat(b.get("/metrics", "Authorization", "Bearer " + METRICS_TOKEN).statusCode())
        .isEqualTo(404);
  }

  static HttpRequest signedPost(KeyPair key, String actor, URI target, String body) {
    HttpRequestView signed =
        new Rfc9421Signer(
                new SigningKey(actor + "#ed", SignatureAlgorithm.ED25519, key.getPrivate()),
                Clock.systemUTC())
            .signRequest(
                HttpRequestView.of(
                    "POST",
                    target,
                    Map.of(
                        "host",
                        target.getRawAuthority(),
                        "content-type",
                        "application/activity+json"),
                    body.getBytes(StandardCharsets.UTF_8)));
    HttpRequest.Builder rb = HttpRequest.newBuilder(target);
    signed
        .headers()
        .forEach(
            (n, vs) -> {
              if (!List.of("host", "content-length").contains(n)) vs.forEach(v -> rb.header(n, v));
            });
    return rb.POST(HttpRequest.BodyPublishers.ofByteArray(signed.body())).build();
  }
}
