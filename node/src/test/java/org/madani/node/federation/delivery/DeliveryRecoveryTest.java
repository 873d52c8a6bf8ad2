package org.madani.node.federation.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node killed while requests are in flight loses nothing: a new process on the same H2 file
 * delivers the jobs nobody touched at once, and the ones that were in flight once their lease ends.
 */
class DeliveryRecoveryTest {

  @TempDir Path dir;
  private final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));
  private final WireMockServer peer =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private DeliveryHarness restarted;

  @AfterEach
  void stop() throws Exception {
    if (restarted != null) restarted.close();
    peer.stop();
  }

  private int requestsFor(String activityId) {
    return peer.findAll(
            postRequestedFor(urlEqualTo("/inbox"))
                .withRequestBody(matchingJsonPath("$.id", equalTo(activityId))))
        .size();
  }

  @Test
  void killedMidDeliveryEverythingArrivesAfterRestart() throws Exception {
    peer.start();
    // The peer holds every request for 5 s: they are all still in flight when the process dies.
    peer.stubFor(post("/inbox").willReturn(aResponse().withStatus(202).withFixedDelay(5_000)));
    URI inbox = URI.create("http://127.0.0.1:" + peer.port() + "/inbox");
    DeliveryOptions options =
        DeliveryHarness.fastOptions()
            .withConcurrency(4, 4)
            .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(10));
    List<String> ids =
        IntStream.range(0, 10).mapToObj(i -> "https://madani.example/activities/" + i).toList();

    DeliveryHarness first = DeliveryHarness.start(dir, clock, options, DeliveryHarness.ALLOW_ALL);
    for (String id : ids) first.enqueue(id, inbox);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                first.stats().leased() == 4
                    && peer.findAll(postRequestedFor(urlEqualTo("/inbox"))).size() == 4);
    first.crash();

    // Which four were in flight when the process died.
    Set<String> inFlight =
        ids.stream().filter(id -> requestsFor(id) == 1).collect(Collectors.toSet());
    assertThat(inFlight).hasSize(4);

    peer.stubFor(post("/inbox").willReturn(aResponse().withStatus(202)));
    restarted = DeliveryHarness.start(dir, clock, options, DeliveryHarness.ALLOW_ALL);
    // Untouched jobs go at once; leased ones wait for their lease, since the old worker might
    // still be sending them for all the new one knows.
    await().atMost(Duration.ofSeconds(60)).until(() -> restarted.stats().done() == 6);
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                restarted.stats().pending() == 4
                    && inFlight.stream().allMatch(id -> requestsFor(id) == 1));

    restarted.advance(Duration.ofSeconds(31));
    await().atMost(Duration.ofSeconds(60)).until(() -> restarted.stats().done() == 10);

    // At least once: every activity arrived; only the four cut off mid-request arrived twice.
    for (String id : ids) {
      assertThat(requestsFor(id)).as(id).isEqualTo(inFlight.contains(id) ? 2 : 1);
    }
  }
}
