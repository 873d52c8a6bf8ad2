package org.madani.node.federation.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.vertx.core.Future;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.model.BreakerState;
import org.madani.node.model.DeliveryRecord;
import org.madani.node.model.DeliveryState;
import org.madani.node.model.DeliveryStats;
import org.madani.node.model.SignatureScheme;
import org.madani.node.store.Database;
import org.madani.node.store.DeliveryRepository;

/** The worker against WireMock playing a remote peer that is down, slow, picky or throttling. */
class DeliveryWorkerTest {

  @TempDir Path dir;
  private final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));
  private WireMockServer peer;
  private DeliveryHarness node;

  @BeforeEach
  void startPeer() {
    peer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    peer.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (node != null) node.close();
    peer.stop();
  }

  private URI inbox(String path) {
    return URI.create("http://127.0.0.1:" + peer.port() + path);
  }

  private String host() {
    return "127.0.0.1:" + peer.port();
  }

  private static String activityId(int i) {
    return "https://madani.example/activities/" + i;
  }

  private int requestsFor(String activityId) {
    return peer.findAll(
            postRequestedFor(urlEqualTo("/inbox"))
                .withRequestBody(matchingJsonPath("$.id", equalTo(activityId))))
        .size();
  }

  private int requestsTo(String path) {
    return peer.findAll(postRequestedFor(urlEqualTo(path))).size();
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20));
  }

  /** For a short real time, while the worker polls every 20 ms, the condition keeps holding. */
  private static ConditionFactory throughout() {
    return await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(20));
  }

  @Test
  void peerDownForAWhileThenBackReceivesEveryActivityExactlyOnce() throws Exception {
    peer.stubFor(post("/inbox").willReturn(aResponse().withStatus(503)));
    node =
        DeliveryHarness.start(dir, clock, DeliveryHarness.fastOptions(), DeliveryHarness.ALLOW_ALL);
    List<String> ids = IntStream.range(0, 20).mapToObj(DeliveryWorkerTest::activityId).toList();
    for (String id : ids) node.enqueue(id, inbox("/inbox"));

    // Failing fast enough trips the breaker: the backlog waits instead of hammering the peer.
    // Wait until no request is in flight either: one answered after the clock jumps below would be
    // recorded at the new time and re-open the breaker from there, so no probe would ever be due.
    eventually()
        .until(
            () -> node.host(host()).breaker() == BreakerState.OPEN && node.stats().leased() == 0);
    // … and no claim that began before the breaker opened is still on its way to the peer.
    int[] seen = {-1};
    throughout()
        .until(
            () -> {
              int count = peer.getAllServeEvents().size();
              boolean steady = count == seen[0];
              seen[0] = count;
              return steady && node.stats().leased() == 0;
            });
    // Hours later it is still down: the half-open probe fails and the breaker opens again.
    int before = peer.getAllServeEvents().size();
    node.advance(Duration.ofHours(7));
    eventually()
        .until(
            () ->
                peer.getAllServeEvents().size() > before
                    && node.host(host()).breaker() == BreakerState.OPEN
                    // the probe takes the breaker's end to its lease's end (OPEN while in flight):
                    // its outcome must be recorded before the clock jumps again
                    && node.stats().leased() == 0);
    assertThat(node.stats().pending()).isEqualTo(20);

    // A day later it is back.
    peer.stubFor(post("/inbox").willReturn(aResponse().withStatus(202)));
    node.advance(Duration.ofDays(1));
    eventually().until(() -> node.stats().done() == 20);

    Map<String, Long> accepted =
        peer.getAllServeEvents().stream()
            .filter(e -> e.getResponse().getStatus() == 202)
            .collect(
                Collectors.groupingBy(DeliveryWorkerTest::activityIdOf, Collectors.counting()));
    assertThat(accepted)
        .containsOnlyKeys(ids)
        .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
    throughout()
        .until(
            () ->
                peer.getAllServeEvents().stream()
                        .filter(e -> e.getResponse().getStatus() == 202)
                        .count()
                    == 20);

    DeliveryStats.HostStats h = node.host(host());
    assertThat(h.breaker()).isEqualTo(BreakerState.CLOSED);
    assertThat(h.consecutiveFailures()).isZero();
    assertThat(h.queued()).isZero();
    assertThat(h.lastSuccess()).isEqualTo(clock.instant());
  }

  private static String activityIdOf(ServeEvent e) {
    String body = e.getRequest().getBodyAsString();
    int start = body.indexOf("\"id\":\"") + 6;
    return body.substring(start, body.indexOf('"', start));
  }

  @Test
  void permanentRefusalsDieAtOnceWhileThrottlingTimeoutsAndServerErrorsAreRetried()
      throws Exception {
    peer.stubFor(post("/gone").willReturn(aResponse().withStatus(410)));
    peer.stubFor(post("/missing").willReturn(aResponse().withStatus(404)));
    stubSequence("/busy", aResponse().withStatus(429).withHeader("Retry-After", "120"), 1);
    stubSequence("/slow", aResponse().withStatus(408), 1);
    stubSequence("/broken", aResponse().withStatus(500), 2);
    TargetGuard guard =
        target ->
            target.getPath().equals("/forbidden")
                ? Future.failedFuture(new ForbiddenTargetException("private address"))
                : DeliveryHarness.vetted(target);
    // A high threshold keeps the breaker out of this test; it has its own.
    node =
        DeliveryHarness.start(
            dir,
            clock,
            DeliveryHarness.fastOptions()
                .withBreaker(new CircuitBreaker(1000, Duration.ofMinutes(1), Duration.ofHours(1))),
            guard);
    Instant t0 = clock.instant();
    for (String path : List.of("/gone", "/missing", "/busy", "/slow", "/broken", "/forbidden")) {
      node.enqueue("https://madani.example/activities" + path, inbox(path));
    }
    Function<String, DeliveryRecord> job =
        path -> {
          try {
            return node.record("https://madani.example/activities" + path);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        };

    eventually()
        .until(
            () ->
                List.of("/gone", "/missing", "/busy", "/slow", "/broken", "/forbidden").stream()
                    .allMatch(p -> job.apply(p).attempts() == 1));
    assertThat(job.apply("/gone"))
        .extracting(DeliveryRecord::state, DeliveryRecord::lastStatus)
        .containsExactly(DeliveryState.DEAD, 410);
    assertThat(job.apply("/missing"))
        .extracting(DeliveryRecord::state, DeliveryRecord::lastStatus)
        .containsExactly(DeliveryState.DEAD, 404);
    assertThat(job.apply("/forbidden").state()).isEqualTo(DeliveryState.DEAD);
    assertThat(job.apply("/forbidden").lastError()).contains("private address");
    // Retry-After: 120 is honoured to the millisecond; our own first backoff is at most 30 s.
    assertThat(job.apply("/busy"))
        .extracting(DeliveryRecord::state, DeliveryRecord::lastStatus, DeliveryRecord::nextAttempt)
        .containsExactly(DeliveryState.PENDING, 429, t0.plusSeconds(120));
    assertThat(job.apply("/slow"))
        .extracting(DeliveryRecord::state, DeliveryRecord::lastStatus)
        .containsExactly(DeliveryState.PENDING, 408);
    DeliveryRecord broken = job.apply("/broken");
    assertThat(broken.state()).isEqualTo(DeliveryState.PENDING);
    assertThat(Duration.between(t0, broken.nextAttempt()))
        .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30));

    // 31 s on, the 408 and the first 500 are due again; /busy waits out its Retry-After.
    node.advance(Duration.ofSeconds(31));
    eventually()
        .until(
            () ->
                job.apply("/slow").state() == DeliveryState.DONE
                    && job.apply("/broken").attempts() == 2);
    assertThat(job.apply("/slow").attempts()).isEqualTo(2);
    DeliveryRecord brokenAgain = job.apply("/broken");
    assertThat(brokenAgain.state()).isEqualTo(DeliveryState.PENDING);
    assertThat(brokenAgain.lastStatus()).isEqualTo(500);
    // The second wait may be up to twice the first.
    assertThat(Duration.between(clock.instant(), brokenAgain.nextAttempt()))
        .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60));

    node.advance(Duration.ofSeconds(61)); // t0 + 92 s
    eventually().until(() -> job.apply("/broken").state() == DeliveryState.DONE);
    assertThat(job.apply("/broken").attempts()).isEqualTo(3);
    assertThat(requestsTo("/busy")).isEqualTo(1);

    node.advance(Duration.ofSeconds(28)); // t0 + 120 s: exactly when the peer asked us to come back
    eventually().until(() -> job.apply("/busy").state() == DeliveryState.DONE);
    assertThat(job.apply("/busy").attempts()).isEqualTo(2);

    // Days later the permanent failures have still been tried once, the forbidden target never.
    node.advance(Duration.ofDays(2));
    throughout()
        .until(
            () ->
                requestsTo("/gone") == 1
                    && requestsTo("/missing") == 1
                    && requestsTo("/forbidden") == 0);
  }

  @Test
  void aRequestThatFailsInsideABatchIsRetriedWhileTheOthersOfTheBatchAreDone() throws Exception {
    peer.stubFor(post("/inbox").willReturn(aResponse().withStatus(202)));
    stubSequence("/broken", aResponse().withStatus(500), 1);
    // Queued before the worker starts, so one claim takes them all and one group commit records
    // them (one batched statement): the failed job must come back, the others must not.
    Database store = Database.open(null, dir.resolve("node"));
    DeliveryRepository queue = new DeliveryRepository(clock);
    List<String> ids = IntStream.range(0, 10).mapToObj(DeliveryWorkerTest::activityId).toList();
    store.txBlocking(
        c -> {
          for (String id : ids)
            queue.enqueue(
                c, DeliveryHarness.ORG, id, inbox("/inbox"), DeliveryHarness.activity(id));
          queue.enqueue(
              c,
              DeliveryHarness.ORG,
              "https://madani.example/activities/broken",
              inbox("/broken"),
              DeliveryHarness.activity("https://madani.example/activities/broken"));
          return null;
        });
    store.close();
    node =
        DeliveryHarness.start(dir, clock, DeliveryHarness.fastOptions(), DeliveryHarness.ALLOW_ALL);

    eventually()
        .until(() -> node.record("https://madani.example/activities/broken").attempts() == 1);
    eventually().until(() -> node.stats().done() == 10);
    DeliveryRecord broken = node.record("https://madani.example/activities/broken");
    assertThat(broken.state()).isEqualTo(DeliveryState.PENDING);
    assertThat(broken.lastStatus()).isEqualTo(500);
    for (String id : ids) assertThat(node.record(id).attempts()).isEqualTo(1);

    node.advance(Duration.ofHours(1));
    eventually()
        .until(
            () ->
                node.record("https://madani.example/activities/broken").state()
                    == DeliveryState.DONE);
    assertThat(requestsTo("/broken")).isEqualTo(2);
    assertThat(requestsTo("/inbox")).isEqualTo(10);
  }

  /** {@code failures} times {@code failure}, then 202 for good. */
  private void stubSequence(
      String path,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure,
      int failures) {
    String state = STARTED;
    for (int i = 1; i <= failures; i++) {
      String next = "after-" + i;
      peer.stubFor(
          post(path)
              .inScenario(path)
              .whenScenarioStateIs(state)
              .willReturn(failure)
              .willSetStateTo(next));
      state = next;
    }
    peer.stubFor(
        post(path)
            .inScenario(path)
            .whenScenarioStateIs(state)
            .willReturn(aResponse().withStatus(202)));
  }

  @Test
  void breakerOpensStopsHittingTheHostThenHalfOpensAndClosesOnSuccess() throws Exception {
    peer.stubFor(post("/inbox").willReturn(aResponse().withStatus(503)));
    DeliveryOptions options =
        DeliveryHarness.fastOptions()
            .withConcurrency(1, 1)
            .withBreaker(new CircuitBreaker(3, Duration.ofMinutes(10), Duration.ofHours(6)));
    node = DeliveryHarness.start(dir, clock, options, DeliveryHarness.ALLOW_ALL);
    for (int i = 0; i < 5; i++) node.enqueue(activityId(i), inbox("/inbox"));

    eventually().until(() -> node.host(host()).breaker() == BreakerState.OPEN);
    Instant opened = clock.instant();
    assertThat(node.host(host()).breakerOpenUntil()).isEqualTo(opened.plus(Duration.ofMinutes(10)));
    assertThat(node.host(host()).consecutiveFailures()).isEqualTo(3);
    // Two jobs were due all along and the three failed ones become due: none is sent while open.
    throughout().until(() -> requestsTo("/inbox") == 3);
    node.advance(Duration.ofMinutes(9));
    throughout().until(() -> requestsTo("/inbox") == 3);
    assertThat(node.host(host()).queued()).isEqualTo(5);

    // Half-open: one probe; it fails, so the breaker opens again, for longer.
    node.advance(Duration.ofMinutes(1));
    eventually()
        .until(() -> requestsTo("/inbox") == 4 && node.host(host()).breaker() == BreakerState.OPEN);
    throughout().until(() -> requestsTo("/inbox") == 4);
    assertThat(node.host(host()).breakerOpenUntil())
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(20)));

    // The peer recovers; the next probe succeeds, the breaker closes and the backlog drains.
    peer.stubFor(post("/inbox").willReturn(aResponse().withStatus(202)));
    node.advance(Duration.ofMinutes(20));
    eventually().until(() -> node.stats().done() == 5);
    assertThat(requestsTo("/inbox")).isEqualTo(4 + 5);
    DeliveryStats.HostStats h = node.host(host());
    assertThat(h.breaker()).isEqualTo(BreakerState.CLOSED);
    assertThat(h.breakerOpenUntil()).isNull();
    assertThat(h.consecutiveFailures()).isZero();
    assertThat(h.lastSuccess()).isEqualTo(clock.instant());
  }

  @Test
  void rfc9421RejectedFallsBackToCavageAtOnceAndRemembersIt() throws Exception {
    String header = DeliveryHarness.SCHEME_HEADER;
    peer.stubFor(
        post("/inbox")
            .withHeader(header, equalTo("rfc9421"))
            .willReturn(
                aResponse().withStatus(401).withBody("{\"error\":\"Verification failed\"}")));
    peer.stubFor(
        post("/inbox")
            .withHeader(header, equalTo("cavage"))
            .willReturn(aResponse().withStatus(202)));
    node =
        DeliveryHarness.start(dir, clock, DeliveryHarness.fastOptions(), DeliveryHarness.ALLOW_ALL);

    node.enqueue(activityId(1), inbox("/inbox"));
    eventually().until(() -> node.record(activityId(1)).state() == DeliveryState.DONE);
    assertThat(node.record(activityId(1)).attempts()).isEqualTo(1);
    assertThat(peer.findAll(postRequestedFor(urlEqualTo("/inbox"))))
        .extracting(r -> r.getHeader(header))
        .containsExactly("rfc9421", "cavage");
    assertThat(node.host(host()).signatureScheme()).isEqualTo(SignatureScheme.CAVAGE);

    node.enqueue(activityId(2), inbox("/inbox"));
    eventually().until(() -> node.record(activityId(2)).state() == DeliveryState.DONE);
    assertThat(requestsFor(activityId(2))).isEqualTo(1);
    assertThat(
            peer.findAll(
                postRequestedFor(urlEqualTo("/inbox"))
                    .withRequestBody(matchingJsonPath("$.id", equalTo(activityId(2))))))
        .extracting(r -> r.getHeader(header))
        .containsExactly("cavage");
    assertThat(
            peer.findAll(postRequestedFor(urlEqualTo("/inbox"))).stream()
                .filter(r -> "application/activity+json".equals(r.getHeader("Content-Type"))))
        .hasSize(3);
  }

  @Test
  void repeatedEnqueueSendsOnce() throws Exception {
    peer.stubFor(post("/inbox").willReturn(aResponse().withStatus(202)));
    node =
        DeliveryHarness.start(dir, clock, DeliveryHarness.fastOptions(), DeliveryHarness.ALLOW_ALL);
    assertThat(node.enqueue(activityId(1), inbox("/inbox"))).isTrue();
    assertThat(node.enqueue(activityId(1), inbox("/inbox"))).isFalse();
    eventually().until(() -> node.record(activityId(1)).state() == DeliveryState.DONE);
    assertThat(node.enqueue(activityId(1), inbox("/inbox"))).isFalse();
    throughout().until(() -> requestsFor(activityId(1)) == 1);
  }

  /**
   * Delivered jobs do not pile up for ever: once a day the worker deletes those done more than 30
   * days ago (the row that made a repeat a no-op goes with them), and keeps the younger ones.
   */
  @Test
  void deliveredJobsArePurgedOnceTheyAreThirtyDaysOld() throws Exception {
    peer.stubFor(post("/inbox").willReturn(aResponse().withStatus(202)));
    node =
        DeliveryHarness.start(dir, clock, DeliveryHarness.fastOptions(), DeliveryHarness.ALLOW_ALL);
    node.enqueue(activityId(1), inbox("/inbox"));
    eventually().until(() -> node.record(activityId(1)).state() == DeliveryState.DONE);
    node.advance(DeliveryWorker.KEEP_DELIVERED.minus(Duration.ofDays(1)));
    node.enqueue(activityId(2), inbox("/inbox"));
    eventually().until(() -> node.record(activityId(2)).state() == DeliveryState.DONE);
    throughout().until(() -> node.stats().done() == 2);

    node.advance(Duration.ofDays(2)); // the first job is now 31 days old, the second 2 days
    eventually().until(() -> node.stats().done() == 1);
    assertThat(node.record(activityId(2)).state()).isEqualTo(DeliveryState.DONE);
  }

  @Test
  void anUpdateNeverOvertakesItsCreateToTheSameInbox() throws Exception {
    // The Create fails once; the Update and Delete of the same object wait until it is through,
    // while an unrelated activity to the same host goes out at once.
    stubSequence("/inbox", aResponse().withStatus(500), 1);
    peer.stubFor(post("/other").willReturn(aResponse().withStatus(202)));
    node =
        DeliveryHarness.start(dir, clock, DeliveryHarness.fastOptions(), DeliveryHarness.ALLOW_ALL);
    String object = "https://madani.example/entries/1";
    node.enqueue(activityId(1), object, inbox("/inbox"));
    node.enqueue(activityId(2), object, inbox("/inbox"));
    node.enqueue(activityId(3), object, inbox("/inbox"));
    node.enqueue(activityId(4), "https://madani.example/entries/other", inbox("/other"));

    eventually()
        .until(
            () ->
                node.record(activityId(1)).attempts() == 1
                    && node.record(activityId(4)).state() == DeliveryState.DONE);
    throughout().until(() -> requestsFor(activityId(2)) == 0 && requestsFor(activityId(3)) == 0);

    node.advance(Duration.ofSeconds(31)); // the Create's first backoff is at most 30 s
    eventually().until(() -> node.stats().done() == 4);
    List<String> order =
        peer.getAllServeEvents().stream()
            .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
            .filter(e -> e.getResponse().getStatus() == 202)
            .map(DeliveryWorkerTest::activityIdOf)
            .filter(id -> !id.equals(activityId(4)))
            .toList();
    assertThat(order).containsExactly(activityId(1), activityId(2), activityId(3));
  }

  @Test
  void retryAfterOn503IsHonouredToTheSecond() throws Exception {
    stubSequence("/inbox", aResponse().withStatus(503).withHeader("Retry-After", "300"), 1);
    node =
        DeliveryHarness.start(dir, clock, DeliveryHarness.fastOptions(), DeliveryHarness.ALLOW_ALL);
    Instant t0 = clock.instant();
    node.enqueue(activityId(1), inbox("/inbox"));
    eventually().until(() -> node.record(activityId(1)).attempts() == 1);
    assertThat(node.record(activityId(1)))
        .extracting(DeliveryRecord::state, DeliveryRecord::lastStatus, DeliveryRecord::nextAttempt)
        .containsExactly(DeliveryState.PENDING, 503, t0.plusSeconds(300));

    node.advance(Duration.ofSeconds(299)); // far past our own first backoff (at most 30 s)
    throughout().until(() -> requestsTo("/inbox") == 1);
    node.advance(Duration.ofSeconds(1));
    eventually().until(() -> node.record(activityId(1)).state() == DeliveryState.DONE);
    assertThat(requestsTo("/inbox")).isEqualTo(2);
  }
}
