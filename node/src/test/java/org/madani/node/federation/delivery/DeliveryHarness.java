package org.madani.node.federation.delivery;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.madani.node.federation.fetch.Vetted;
import org.madani.node.model.DeliveryRecord;
import org.madani.node.model.DeliveryStats;
import org.madani.node.store.Database;
import org.madani.node.store.DeliveryRepository;

/**
 * One node's delivery machinery on a real H2 file: Vert.x, database, queue and a deployed worker
 * with a fake signer that only says which scheme it used (header {@value #SCHEME_HEADER}).
 */
final class DeliveryHarness implements AutoCloseable {

  static final String SCHEME_HEADER = "X-Test-Signature";
  static final long ORG = 7;

  /**
   * Fast polling, real timeouts short but long enough for a cold WireMock on a busy machine (its
   * first answer took over 2 s at load 15-30); lease, backoff and breaker run on the test clock.
   */
  static DeliveryOptions fastOptions() {
    return DeliveryOptions.defaults()
        .withPollInterval(Duration.ofMillis(20))
        .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(10));
  }

  /** Lets every target through, to the address its host literal names (tests use 127.0.0.1). */
  static final TargetGuard ALLOW_ALL = DeliveryHarness::vetted;

  static Future<Vetted> vetted(URI target) {
    try {
      int port =
          target.getPort() != -1 ? target.getPort() : "https".equals(target.getScheme()) ? 443 : 80;
      return Future.succeededFuture(
          new Vetted(
              target,
              target.getHost(),
              port,
              "https".equals(target.getScheme()),
              List.of(InetAddress.getByName(target.getHost()))));
    } catch (UnknownHostException e) {
      return Future.failedFuture(e);
    }
  }

  static final RequestSigner FAKE_SIGNER =
      (orgId, method, target, body, scheme) ->
          Future.succeededFuture(
              MultiMap.caseInsensitiveMultiMap().add(SCHEME_HEADER, scheme.storedName()));

  final Vertx vertx;
  final Database db;
  final DeliveryRepository queue;
  final DeliveryWorker worker;
  final TestClock clock;

  private DeliveryHarness(
      Vertx vertx, Database db, DeliveryRepository queue, DeliveryWorker worker, TestClock clock) {
    this.vertx = vertx;
    this.db = db;
    this.queue = queue;
    this.worker = worker;
    this.clock = clock;
  }

  static DeliveryHarness start(
      Path dir, TestClock clock, DeliveryOptions options, TargetGuard guard) throws Exception {
    Vertx vertx = Vertx.vertx();
    Database db = Database.open(vertx, dir.resolve("node"));
    DeliveryRepository queue = new DeliveryRepository(clock);
    DeliveryWorker worker = new DeliveryWorker(db, queue, FAKE_SIGNER, guard, options, clock);
    get(vertx.deployVerticle(worker));
    return new DeliveryHarness(vertx, db, queue, worker, clock);
  }

  static byte[] activity(String id) {
    return ("{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\""
            + id
            + "\",\"type\":\"Create\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Enqueues in its own transaction, as a content change would, then nudges the worker. */
  boolean enqueue(String activityId, URI inbox) throws SQLException {
    boolean added =
        db.txBlocking(c -> queue.enqueue(c, ORG, activityId, inbox, activity(activityId)));
    worker.wakeUp();
    return added;
  }

  /**
   * As {@link #enqueue(String, URI)}, for an activity about {@code objectId} (ordered per object).
   */
  boolean enqueue(String activityId, String objectId, URI inbox) throws SQLException {
    boolean added =
        db.txBlocking(
            c -> queue.enqueue(c, ORG, activityId, objectId, inbox, activity(activityId)));
    worker.wakeUp();
    return added;
  }

  DeliveryRecord record(String activityId) throws SQLException {
    List<DeliveryRecord> rows = db.txBlocking(c -> queue.find(c, activityId));
    if (rows.size() != 1)
      throw new AssertionError("expected one job for " + activityId + ", got " + rows);
    return rows.getFirst();
  }

  DeliveryStats stats() throws SQLException {
    return db.txBlocking(c -> queue.stats(c, clock.instant()));
  }

  DeliveryStats.HostStats host(String host) throws SQLException {
    return stats().hosts().stream()
        .filter(h -> h.host().equals(host))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no stats for " + host));
  }

  /** Moves the test clock and lets the worker look at once. */
  void advance(Duration d) {
    clock.advance(d);
    worker.wakeUp();
  }

  /**
   * Simulates the process dying: the database goes away first, so nothing the worker does from now
   * on reaches the file, then Vert.x is closed without waiting for it.
   */
  void crash() {
    db.close();
    vertx.close();
  }

  /**
   * Stops as the node does (MadaniNode undeploys before closing Vert.x): the worker first, while
   * its database workers still run, so the transactions it waits for can finish. Closing Vert.x
   * alone may shut the database workers down under a transaction the worker is waiting for.
   */
  @Override
  public void close() throws Exception {
    for (String id : vertx.deploymentIDs()) get(vertx.undeploy(id));
    get(vertx.close());
    db.close();
  }

  static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
