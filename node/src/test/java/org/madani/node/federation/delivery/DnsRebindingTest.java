package org.madani.node.federation.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.federation.fetch.AddressGuard;
import org.madani.node.federation.fetch.HostResolver;
import org.madani.node.model.DeliveryState;

/**
 * DNS rebinding (issue 11, item 9): the host answers the guard's lookup with one address and any
 * later lookup with another. The POST must go to the address the guard vetted, with the name in the
 * {@code Host} header, and never to what a second lookup would say.
 *
 * <p>Two real servers on loopback play the two answers: the vetted one on 127.0.0.2 and the
 * "private" one on 127.0.0.1, on the same port, so only the address tells them apart.
 */
class DnsRebindingTest {

  @TempDir Path dir;
  private final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));
  private Vertx servers;
  private DeliveryHarness node;

  @AfterEach
  void stop() throws Exception {
    if (node != null) node.close();
    if (servers != null) DeliveryHarness.get(servers.close());
  }

  @Test
  void postGoesToTheVettedAddressNotToASecondLookup() throws Exception {
    servers = Vertx.vertx();
    List<String> vettedHosts = new CopyOnWriteArrayList<>();
    AtomicInteger rebound = new AtomicInteger();
    HttpServer vetted =
        DeliveryHarness.get(
            servers
                .createHttpServer()
                .requestHandler(
                    req -> {
                      vettedHosts.add(req.authority() == null ? null : req.authority().toString());
                      req.body().onComplete(b -> req.response().setStatusCode(202).end());
                    })
                .listen(0, "127.0.0.2"));
    int port = vetted.actualPort();
    DeliveryHarness.get(
        servers
            .createHttpServer()
            .requestHandler(
                req -> {
                  rebound.incrementAndGet();
                  req.body().onComplete(b -> req.response().setStatusCode(202).end());
                })
            .listen(port, "127.0.0.1"));

    // "localhost" is what the system resolver maps to 127.0.0.1: a second lookup anywhere but
    // through this stub lands on the "private" server as well.
    AtomicInteger lookups = new AtomicInteger();
    InetAddress first = InetAddress.getByName("127.0.0.2");
    InetAddress later = InetAddress.getByName("127.0.0.1");
    HostResolver rebinding =
        host -> Future.succeededFuture(List.of(lookups.getAndIncrement() == 0 ? first : later));
    AddressGuard addresses = new AddressGuard(true, rebinding);
    node =
        DeliveryHarness.start(
            dir,
            clock,
            DeliveryHarness.fastOptions(),
            new AddressTargetGuard(addresses, uri -> true));

    URI inbox = URI.create("http://localhost:" + port + "/inbox");
    node.enqueue("https://madani.example/activities/1", inbox);

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> node.record("https://madani.example/activities/1").state() == DeliveryState.DONE);
    assertThat(rebound).hasValue(0);
    assertThat(vettedHosts).containsExactly("localhost:" + port);
    assertThat(lookups).hasValue(1);
  }
}
