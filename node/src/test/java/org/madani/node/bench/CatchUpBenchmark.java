package org.madani.node.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.NativeSignatures;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SigningKey;

/**
 * Bulk publish and catch-up, each beside its ceiling measured in the same run:
 *
 * <ol>
 *   <li>bulk publish: 10,000 entries through {@code POST …/entries/import} (batches of 200, one
 *       transaction each), every one a log item with its proof, beside Ed25519 signing on both
 *       cores (each entry is signed twice: object and activity); measured twice: on a node whose
 *       one follower is offline (the publishing alone), and on O while its follower P receives;
 *   <li>catch-up: X follows O and P, P follows O; X stops, O publishes 10,000 entries, P mirrors
 *       them, O stops; X starts again and catches up from P's mirror (pages of 500, proofs verified
 *       on both cores, applied in order) — beside Ed25519 verification on both cores.
 * </ol>
 *
 * Writes {@code benchmarks/catchup.md}.
 */
class CatchUpBenchmark {

  static final int ENTRIES = Integer.getInteger("bench.catchup", 10_000);
  static final int BATCH = 200;

  @TempDir Path dir;

  @Test
  void run() throws Exception {
    double signs = parallel(false);
    double verifies = parallel(true);
    double loadBefore = load();
    Alone alone = publishAlone();
    // -Dbench.publishOnly=true: the bulk-publish row alone (profiling), no table written.
    if (Boolean.getBoolean("bench.publishOnly")) return;
    try (TestNode o = TestNode.start(dir.resolve("o"), "origin", false);
        TestNode p = TestNode.start(dir.resolve("p"), "peer", false);
        TestNode x = TestNode.start(dir.resolve("x"), "away", false)) {
      ResilienceBenchmark.follow(p, actor(o));
      ResilienceBenchmark.follow(x, actor(o));
      ResilienceBenchmark.follow(x, actor(p));
      await()
          .atMost(Duration.ofMinutes(1))
          .until(
              () ->
                  TestNode.json(
                                  x.api(
                                      "GET",
                                      "/api/v1/organizations/away/following?state=accepted",
                                      null))
                              .get("items")
                              .size()
                          == 2
                      && TestNode.json(
                                  p.api(
                                      "GET",
                                      "/api/v1/organizations/peer/following?state=accepted",
                                      null))
                              .get("items")
                              .size()
                          == 1);
      x.stop();

      long t0 = System.nanoTime();
      long cpu0 = cpu();
      importAll(o, "origin");
      double publishSeconds = (System.nanoTime() - t0) / 1e9;
      double publishCpu = (cpu() - cpu0) / 1e9;
      System.out.printf(
          "bulk publish beside a follower: %d entries in %.1f s, CPU %.2f ms per entry, load %.1f%n",
          ENTRIES, publishSeconds, publishCpu * 1000 / ENTRIES, load());
      assertThat(o.count("SELECT COUNT(*) FROM outbox WHERE log_seq IS NOT NULL"))
          .isEqualTo(ENTRIES);

      String origin = actor(o);
      await()
          .atMost(Duration.ofMinutes(20))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> ResilienceBenchmark.applied(p, origin) >= ENTRIES);
      // P relays what it received to its followers (X) after storing it: let that finish too, so
      // the catch-up figures below measure X's catch-up, not P's leftover relaying. Bounded: a
      // relay that failed is not retried, and the catch-up is measured all the same.
      try {
        await()
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> p.count("SELECT COUNT(*) FROM outbox WHERE type = 'Announce'") >= ENTRIES);
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        System.out.println("P's relays did not all finish: " + e.getMessage());
      }
      o.stop();

      long t1 = System.nanoTime();
      long cpu1 = cpu();
      x.restart();
      long ready = System.nanoTime();
      await()
          .atMost(Duration.ofMinutes(15))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> ResilienceBenchmark.applied(x, origin) >= ENTRIES);
      long done = System.nanoTime();
      double catchUpCpu = (cpu() - cpu1) / 1e9;
      assertThat(x.count("SELECT COUNT(*) FROM remote_object WHERE actor = '" + origin + "'"))
          .isEqualTo(ENTRIES);
      write(
          alone,
          publishSeconds,
          publishCpu,
          signs,
          (done - t1) / 1e9,
          (done - ready) / 1e9,
          catchUpCpu,
          verifies,
          loadBefore,
          load());
    }
  }

  /** What publishing alone cost: wall seconds and CPU seconds of this JVM. */
  record Alone(double seconds, double cpu) {}

  /**
   * Bulk publish on a node that does nothing else meanwhile: S has one follower (F, which then
   * stops), so each entry is validated, stored, signed twice, appended to the log and the outbox
   * and queued for F, but no node in this JVM receives and applies the entries while they are
   * published (in the row below, P does, and its CPU is counted there too).
   */
  Alone publishAlone() throws Exception {
    try (TestNode s = TestNode.start(dir.resolve("s"), "solo", false);
        TestNode f = TestNode.start(dir.resolve("f"), "fan", false)) {
      ResilienceBenchmark.follow(f, actor(s));
      await()
          .atMost(Duration.ofMinutes(1))
          .until(
              () ->
                  TestNode.json(
                              f.api(
                                  "GET",
                                  "/api/v1/organizations/fan/following?state=accepted",
                                  null))
                          .get("items")
                          .size()
                      == 1);
      f.stop();
      long t0 = System.nanoTime();
      long cpu0 = cpu();
      importAll(s, "solo");
      Alone alone = new Alone((System.nanoTime() - t0) / 1e9, (cpu() - cpu0) / 1e9);
      assertThat(s.count("SELECT COUNT(*) FROM outbox WHERE log_seq IS NOT NULL"))
          .isEqualTo(ENTRIES);
      assertThat(s.count("SELECT COUNT(*) FROM delivery")).isGreaterThanOrEqualTo(ENTRIES);
      System.out.printf(
          "bulk publish alone: %d entries in %.1f s, CPU %.2f ms per entry, load %.1f%n",
          ENTRIES, alone.seconds(), alone.cpu() * 1000 / ENTRIES, load());
      return alone;
    }
  }

  /** ENTRIES articles through {@code handle}'s import endpoint, in batches of BATCH. */
  static void importAll(TestNode o, String handle) throws Exception {
    for (int from = 0; from < ENTRIES; from += BATCH) {
      StringBuilder body = new StringBuilder("{\"entries\":[");
      for (int i = from; i < Math.min(ENTRIES, from + BATCH); i++) {
        if (i > from) body.append(',');
        body.append("{\"kind\":\"article\",\"title\":{\"ar\":\"مقالة ")
            .append(i)
            .append("\",\"en\":\"Missed ")
            .append(i)
            .append("\"}}");
      }
      // Its own deadline: a batch is one transaction of BATCH entries, longer than a test
      // request.
      var r =
          o.send(
              o.request(
                      "/api/v1/organizations/" + handle + "/entries/import",
                      "Authorization",
                      "Bearer " + o.token(),
                      "Content-Type",
                      "application/json")
                  .timeout(Duration.ofMinutes(5))
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          body.append("]}").toString()))
                  .build());
      if (r.statusCode() != 201)
        throw new AssertionError(
            r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length())));
    }
  }

  static String actor(TestNode n) {
    return n.base() + "/orgs/" + n.handle();
  }

  /**
   * Ed25519 sign or verify of a 2 KB message, one thread per core, cached key, on the engine the
   * nodes sign and verify with ({@link NativeSignatures#describe()}).
   */
  static double parallel(boolean verify) throws Exception {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    int n = 30_000;
    AtomicLong total = new AtomicLong();
    List<Thread> all = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Thread th =
          new Thread(
              () -> {
                KeyPair pair = Keys.generateEd25519(new java.security.SecureRandom());
                SigningKey signer =
                    new SigningKey("k", SignatureAlgorithm.ED25519, pair.getPrivate());
                byte[] msg = new byte[2048];
                byte[] sig = signer.sign(msg);
                for (int i = 0; i < n; i++) {
                  if (verify) {
                    if (!SignatureAlgorithm.ED25519.verify(pair.getPublic(), msg, sig)) {
                      throw new AssertionError();
                    }
                  } else {
                    signer.sign(msg);
                  }
                }
                total.addAndGet(n);
              });
      th.start();
      all.add(th);
    }
    for (Thread th : all) th.join();
    return total.get() / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * CPU time this JVM (the three nodes and the client) has used, in ns: on a machine shared with
   * other jobs the wall time says little, the CPU time per entry says what the work costs.
   */
  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static double load() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  void write(
      Alone alone,
      double publishSeconds,
      double publishCpu,
      double signs,
      double catchUpSeconds,
      double fromReady,
      double catchUpCpu,
      double verifies,
      double loadBefore,
      double loadAfter)
      throws Exception {
    String table =
        String.format(
            """
        # Bulk publish and catch-up benchmark

        Produced by `./madani bench` (class `node/src/test/java/org/madani/node/bench/CatchUpBenchmark.java`)
        on %s, %d cores, Java %s. Three real nodes in one JVM on loopback, each with its own H2 file
        (WRITE_DELAY=0: durable). The ceilings are Ed25519 on all cores (one thread per core, cached
        key, 2 KB message) on the engine the nodes use (%s), measured in the same run. The machine was shared with
        other jobs: load average %.1f before, %.1f after. CPU is what this JVM (all three nodes and
        the client) used meanwhile: on a busy machine the wall time measures the other jobs too, the
        CPU time per entry what the work costs (2 cores give 2 CPU-seconds per second).

        | measure | figure | ceiling in the same run |
        |---|---|---|
        | bulk publish, the publishing node alone: %,d entries through `POST /api/v1/organizations/{handle}/entries/import` (batches of %d, one transaction each), each validated, stored, signed twice (object and activity, eddsa-jcs-2022), appended to the log and the outbox and queued for its one follower (offline, so no node in the JVM receives them meanwhile) | %.1f s = %,.0f entries/s; CPU %.1f s = %.2f ms per entry | as below |
        | bulk publish: %,d entries through `POST /api/v1/organizations/{handle}/entries/import` (batches of %d, one transaction each), each validated, stored, signed twice (object and activity, eddsa-jcs-2022), appended to the log and the outbox, while a follower node in the same JVM receives, verifies and applies them | %.1f s = %,.0f entries/s; CPU %.1f s = %.2f ms per entry | Ed25519 sign, all cores: %,.0f /s (= %,.0f entries/s at two signatures each) |
        | catch-up of %,d missed entries from a mirror while the origin is down: X restarted → X's `applied_seq` = %,d (pages of 500 from P's `/mirror/log`, proofs verified on all cores, stored and applied in order, one transaction per page) | %.1f s (%,.0f entries/s); %.1f s after X answered; CPU %.1f s = %.2f ms per entry | Ed25519 verify, all cores: %,.0f /s (each item has two proofs) |
        """,
            LocalDate.now(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            NativeSignatures.describe(),
            loadBefore,
            loadAfter,
            ENTRIES,
            BATCH,
            alone.seconds(),
            ENTRIES / alone.seconds(),
            alone.cpu(),
            alone.cpu() * 1000 / ENTRIES,
            ENTRIES,
            BATCH,
            publishSeconds,
            ENTRIES / publishSeconds,
            publishCpu,
            publishCpu * 1000 / ENTRIES,
            signs,
            signs / 2,
            ENTRIES,
            ENTRIES,
            catchUpSeconds,
            ENTRIES / catchUpSeconds,
            fromReady,
            catchUpCpu,
            catchUpCpu * 1000 / ENTRIES,
            verifies);
    Path out = Path.of("..", "benchmarks", "catchup.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    System.out.println(table);
  }
}
