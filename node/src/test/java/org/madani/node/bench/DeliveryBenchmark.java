package org.madani.node.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.config.NodeConfig;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.delivery.AddressTargetGuard;
import org.madani.node.federation.delivery.DeliveryOptions;
import org.madani.node.federation.delivery.DeliveryOutcome;
import org.madani.node.federation.delivery.DeliveryWorker;
import org.madani.node.federation.delivery.OrgRequestSigner;
import org.madani.node.federation.fetch.AddressGuard;
import org.madani.node.federation.fetch.HostResolver;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.SignatureScheme;
import org.madani.node.model.Urls;
import org.madani.node.setup.OfflineNode;
import org.madani.node.store.Database;
import org.madani.node.store.DeliveryRepository;
import org.madani.node.store.KeyRepository;
import org.madani.node.store.OrganizationRepository;

/**
 * Fan-out to 100 fast sink hosts (a minimal Vert.x server answering 202 on 127.0.0.2 …
 * 127.0.0.101), through the node's real delivery path: durable H2 queue (claim in batches, outcomes
 * recorded in group commits), the real target guard, {@link OrgRequestSigner} with the
 * organization's keys from its data directory, keep-alive pools and adaptive per-host concurrency.
 * Beside each figure, the signing rate of the same signer measured in the same run (both cores, no
 * HTTP, no database). Writes {@code benchmarks/delivery.md}.
 */
class DeliveryBenchmark {

  static final int HOSTS = 100;
  static final int ED_ACTIVITIES = Integer.getInteger("bench.edActivities", 300); // × 100 hosts

  /**
   * Activities (× 100 hosts) delivered before the timed runs and not counted: a node delivers for
   * days, so what a delivery costs is measured with the delivery path compiled by the JIT. From
   * cold, C2 compiling H2, Netty and our code was about a third of the node's CPU in the timed run;
   * after 10,000 deliveries still ~0.12 ms per delivery, after 30,000 ~0.10 (shown apart as "JIT").
   * {@code -Dbench.warmup=0} measures from cold.
   */
  static final int WARMUP_ACTIVITIES = Integer.getInteger("bench.warmup", 300);

  static final int RSA_ACTIVITIES = Integer.getInteger("bench.rsaActivities", 60); // × 100 hosts

  @TempDir Path dir;

  @Test
  void run() throws Exception {
    Vertx vertx = Vertx.vertx();
    // The sinks get their own Vert.x (own event loops), so their CPU can be told apart from the
    // node's: they run on the same two cores and what they cost is not the node's cost.
    Vertx sinkVertx = Vertx.vertx(new io.vertx.core.VertxOptions().setEventLoopPoolSize(2));
    try {
      Sinks sinks = startSinks(sinkVertx);
      int port = sinks.port();
      NodeConfig config =
          new NodeConfig(
              dir,
              "127.0.0.1",
              18080,
              null,
              true,
              NodeConfig.DEFAULT_BODY_LIMIT,
              NodeConfig.DEFAULT_JSON_DEPTH);
      JsonCodec json = new JsonCodec(config.maxJsonDepth());
      try (OfflineNode offline = new OfflineNode(config, Clock.systemUTC())) {
        ObjectNode profile = json.mapper().createObjectNode();
        profile.putObject("name").put("ar", "منظمة").put("en", "Organization");
        offline.createOrganization("bench", profile);
      }
      Database db = Database.open(vertx, config.databaseFile());
      OrganizationRepository orgs = new OrganizationRepository(json.mapper());
      LocalActors actors =
          new LocalActors(
              json.mapper(), new Urls(URI.create("http://127.0.0.1:18080")), new KeyRepository());
      WorkerExecutor crypto =
          vertx.createSharedWorkerExecutor(
              "madani-crypto", Math.max(2, Runtime.getRuntime().availableProcessors()));
      OrgRequestSigner signer =
          new OrgRequestSigner(db, orgs, actors, Clock.systemUTC(), "Madani/bench", crypto);
      long orgId = db.txBlocking(c -> orgs.findByHandle(c, "bench").orElseThrow().id());
      byte[] body = activity("https://127.0.0.1:18080/orgs/bench/activities/sample");
      URI sample = URI.create("http://127.0.0.2:" + port + "/inbox");

      double edSigns = signRate(signer, orgId, sample, body, SignatureScheme.RFC9421, 20_000);
      if (WARMUP_ACTIVITIES > 0)
        deliver(
            vertx,
            db,
            signer,
            orgId,
            port,
            WARMUP_ACTIVITIES,
            SignatureScheme.RFC9421,
            sinks,
            "warmup");
      Result ed =
          deliver(
              vertx,
              db,
              signer,
              orgId,
              port,
              ED_ACTIVITIES,
              SignatureScheme.RFC9421,
              sinks,
              "rfc9421");
      double rsaSigns = signRate(signer, orgId, sample, body, SignatureScheme.CAVAGE, 2_000);
      Result rsa =
          deliver(
              vertx,
              db,
              signer,
              orgId,
              port,
              RSA_ACTIVITIES,
              SignatureScheme.CAVAGE,
              sinks,
              "cavage");
      write(ed, edSigns, rsa, rsaSigns);
      db.close();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      sinkVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * @param cpuMsPerDelivery CPU of the whole JVM (node and sinks) per delivery
   * @param sinkCpuMsPerDelivery the sinks' part of it (their event-loop threads)
   */
  record Result(
      int deliveries,
      double perSecond,
      double cpuMsPerDelivery,
      double sinkCpuMsPerDelivery,
      double loadBefore,
      double loadAfter,
      java.util.Map<String, Double> nodeCpuByThread) {

    double nodeCpuMsPerDelivery() {
      return cpuMsPerDelivery - sinkCpuMsPerDelivery;
    }
  }

  /** The sinks' port, request count and the threads they ran on (for their CPU time). */
  record Sinks(int port, AtomicLong received, java.util.Set<Long> threads) {

    long cpuNanos() {
      var mx = java.lang.management.ManagementFactory.getThreadMXBean();
      long sum = 0;
      for (long id : threads) sum += Math.max(0, mx.getThreadCpuTime(id));
      return sum;
    }
  }

  /**
   * 100 sinks on the same port, each on its own loopback address: 100 distinct hosts. Each is as
   * cheap as a fast real peer could be: it reads the request body to its end as it arrives (without
   * gathering it) and answers 202 with no body.
   */
  static Sinks startSinks(Vertx vertx) throws Exception {
    AtomicLong received = new AtomicLong();
    java.util.Set<Long> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    int port = 0;
    for (int i = 0; i < HOSTS; i++) {
      var server =
          vertx
              .createHttpServer()
              .requestHandler(
                  req -> {
                    threads.add(Thread.currentThread().threadId());
                    req.handler(chunk -> {})
                        .endHandler(
                            end -> {
                              received.incrementAndGet();
                              req.response().setStatusCode(202).end();
                            });
                  });
      port = get(server.listen(port, "127.0.0." + (2 + i))).actualPort();
    }
    return new Sinks(port, received, threads);
  }

  /** The signer's own rate, both cores busy (as many requests in flight as the worker keeps). */
  static double signRate(
      OrgRequestSigner signer, long orgId, URI target, byte[] body, SignatureScheme scheme, int n)
      throws Exception {
    get(signer.sign(orgId, "POST", target, body, scheme)); // loads and caches the key
    long start = System.nanoTime();
    int window = 256;
    for (int done = 0; done < n; done += window) {
      List<Future<?>> batch = new ArrayList<>(window);
      for (int i = 0; i < window; i++) batch.add(signer.sign(orgId, "POST", target, body, scheme));
      get(Future.all(batch));
    }
    int total = ((n + window - 1) / window) * window;
    return total / ((System.nanoTime() - start) / 1e9);
  }

  static Result deliver(
      Vertx vertx,
      Database db,
      OrgRequestSigner signer,
      long orgId,
      int port,
      int activities,
      SignatureScheme scheme,
      Sinks sinks,
      String run)
      throws Exception {
    AtomicLong received = sinks.received();
    Clock clock = Clock.systemUTC();
    DeliveryRepository queue = new DeliveryRepository(clock);
    int total = activities * HOSTS;
    // Queued first (not timed): as many Creates as a busy organization publishes, each to 100
    // hosts.
    for (int a = 0; a < activities; a++) {
      String id = "https://127.0.0.1:18080/orgs/bench/activities/" + run + "-" + a;
      byte[] body = activity(id);
      db.txBlocking(
          c -> {
            for (int h = 0; h < HOSTS; h++) {
              queue.enqueue(
                  c,
                  orgId,
                  id,
                  id + "/object",
                  URI.create("http://127.0.0." + (2 + h) + ":" + port + "/inbox"),
                  body);
              if (scheme == SignatureScheme.CAVAGE) {
                queue.updatePeer(
                    c,
                    "127.0.0." + (2 + h) + ":" + port,
                    p -> p.withSignatureScheme(SignatureScheme.CAVAGE));
              }
            }
            return null;
          });
    }
    AtomicLong delivered = new AtomicLong();
    long receivedBefore = received.get();
    DeliveryOptions options = DeliveryOptions.defaults().withPollInterval(Duration.ofMillis(50));
    DeliveryWorker worker =
        new DeliveryWorker(
            db,
            queue,
            signer,
            new AddressTargetGuard(new AddressGuard(true, HostResolver.system(vertx)), u -> true),
            options,
            clock,
            o -> {
              if (o == DeliveryOutcome.DELIVERED) delivered.incrementAndGet();
            });
    double loadBefore = load();
    java.util.Map<Long, Long> threadsBefore = threadCpu();
    long allocatedBefore = allocated();
    java.util.Map<String, Long> jvmBefore = jvmThreadCpu();
    long cpuBefore = cpu();
    long sinkCpuBefore = sinks.cpuNanos();
    long start = System.nanoTime();
    String deployment = get(vertx.deployVerticle(worker));
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> delivered.get() >= total);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMs = (cpu() - cpuBefore) / 1e6;
    double sinkCpuMs = (sinks.cpuNanos() - sinkCpuBefore) / 1e6;
    java.util.Map<String, Double> byThread =
        cpuByThreadGroup(threadsBefore, sinks.threads(), total);
    // What no Java thread accounts for: the JVM's own threads (JIT compilers, garbage collector),
    // told apart through /proc where there is one; the rest is the remainder.
    java.util.Map<String, Long> jvmAfter = jvmThreadCpu();
    double jvmOwn = 0;
    for (String kind : java.util.List.of("JIT", "GC")) {
      double ms =
          (jvmAfter.getOrDefault(kind, 0L) - jvmBefore.getOrDefault(kind, 0L)) / 1e6 / total;
      if (jvmAfter.isEmpty()) continue;
      byThread.put(kind, ms);
      jvmOwn += ms;
    }
    byThread.put(
        "other JVM",
        Math.max(
            0,
            (cpuMs - sinkCpuMs) / total
                - byThread.values().stream().mapToDouble(Double::doubleValue).sum()));
    byThread.put("KB allocated", (allocated() - allocatedBefore) / 1024.0 / total);
    double loadAfter = load();
    get(vertx.undeploy(deployment));
    if (received.get() - receivedBefore < total)
      throw new AssertionError("sinks saw fewer requests than recorded");
    return new Result(
        total, total / seconds, cpuMs / total, sinkCpuMs / total, loadBefore, loadAfter, byThread);
  }

  static byte[] activity(String id) {
    StringBuilder content = new StringBuilder();
    while (content.length() < 1200)
      content.append("ورشة عمل حول حقوق المياه في الريف. Workshop on water rights. ");
    return ("{\"@context\":[\"https://www.w3.org/ns/activitystreams\"],\"id\":\""
            + id
            + "\",\"type\":\"Create\","
            + "\"actor\":\"https://127.0.0.1:18080/orgs/bench\",\"object\":{\"id\":\""
            + id
            + "/object\",\"type\":\"Article\","
            + "\"content\":\""
            + content
            + "\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** CPU time this JVM (node and sinks) has used, in ns. */
  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Bytes allocated so far by the live threads (node and sinks). */
  static long allocated() {
    var mx =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    return mx.getTotalThreadAllocatedBytes();
  }

  /**
   * CPU time (ns) so far of the JVM's own threads by kind: "JIT" (C1/C2 compiler threads) and "GC"
   * (collector threads, and the VM thread, where the serial collector runs); read from
   * /proc/self/task (Linux, 10 ms ticks). Empty where there is no /proc.
   */
  static java.util.Map<String, Long> jvmThreadCpu() {
    java.util.Map<String, Long> out = new java.util.HashMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) return out;
    try (var dirs = Files.list(tasks)) {
      for (Path task : dirs.toList()) {
        try {
          String name = Files.readString(task.resolve("comm")).strip();
          String kind =
              name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")
                  ? "JIT"
                  : name.startsWith("GC Thread")
                          || name.startsWith("G1 ")
                          || name.startsWith("VM Thread")
                      ? "GC"
                      : null;
          if (kind == null) continue;
          String stat = Files.readString(task.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
          out.merge(kind, ticks * 10_000_000L, Long::sum);
        } catch (java.io.IOException | RuntimeException gone) {
          // the thread ended meanwhile
        }
      }
    } catch (java.io.IOException e) {
      return java.util.Map.of();
    }
    return out;
  }

  /** CPU time so far of every live thread, by thread id. */
  static java.util.Map<Long, Long> threadCpu() {
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    java.util.Map<Long, Long> out = new java.util.HashMap<>();
    for (long id : mx.getAllThreadIds()) out.put(id, Math.max(0, mx.getThreadCpuTime(id)));
    return out;
  }

  /**
   * The node's CPU per delivery (ms) since {@code before}, by kind of thread (database workers,
   * event loops, crypto workers, the rest), the sinks' threads left out. Threads that ended
   * meanwhile are not counted, so the parts may add up to a little less than the whole.
   */
  static java.util.Map<String, Double> cpuByThreadGroup(
      java.util.Map<Long, Long> before, java.util.Set<Long> sinkThreads, int deliveries) {
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    java.util.Map<String, Double> out = new java.util.TreeMap<>();
    for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t == null || sinkThreads.contains(t.getThreadId())) continue;
      long used = mx.getThreadCpuTime(t.getThreadId()) - before.getOrDefault(t.getThreadId(), 0L);
      String name = t.getThreadName();
      String group =
          name.startsWith("madani-db")
              ? "database"
              : name.startsWith("vert.x-eventloop")
                  ? "event loop"
                  : name.startsWith("madani-crypto") ? "signing" : "other";
      out.merge(group, used / 1e6 / deliveries, Double::sum);
    }
    return out;
  }

  static double load() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  void write(Result ed, double edSigns, Result rsa, double rsaSigns) throws Exception {
    String table =
        String.format(
            """
        # Delivery (fan-out) benchmark

        Produced by `./madani bench` (class `node/src/test/java/org/madani/node/bench/DeliveryBenchmark.java`)
        on %s, %d cores, Java %s. One node's delivery worker and 100 sink hosts (a minimal Vert.x server
        answering 202, on 127.0.0.2 … 127.0.0.101) in the same JVM, on loopback. Jobs are queued first,
        then the worker is started and timed until every job is recorded done in H2 (WRITE_DELAY=0).
        Before the timed runs, %,d activities × 100 hosts are delivered untimed (JIT warm-up).
        The signing rate beside each figure is the same `OrgRequestSigner` measured in the same run,
        both cores, without HTTP or database. Figures move ±10%% between runs; the machine was shared
        (load average before → after each run shown). CPU per delivery is the JVM's CPU time over the
        timed part divided by the deliveries; the sinks (their own Vert.x event loops, measured per
        thread) run on the same cores, and their share is shown apart: the node's cost is the rest.

        | measure | figure | signing ceiling in the same run | CPU per delivery: node + sinks | load average |
        |---|---|---|---|---|
        | deliveries, RFC 9421 Ed25519, %,d jobs (%d activities × 100 hosts) | %,.0f /s | %,.0f signs/s | %.3f + %.3f ms | %.1f → %.1f |
        | deliveries, draft-cavage RSA-2048, %,d jobs (%d activities × 100 hosts) | %,.0f /s | %,.0f signs/s | %.3f + %.3f ms | %.1f → %.1f |

        The node's CPU per delivery by thread, in ms (database = H2 work on its worker pool, JIT = the
        C1/C2 compiler threads, GC = the collector's, both from /proc; KB allocated by all threads,
        sinks included), Ed25519: %s; RSA: %s.

        Each job: claimed in a batch (one query reads the jobs, one statement leases them all, each
        distinct body read once and shared by the jobs of its activity), target checked once per
        inbox and batch (address guard), signed on the crypto workers in one task per worker for the
        whole batch, POSTed with Vert.x's core HTTP client over a keep-alive connection (per-host
        concurrency starts at 4 and grows to 32 for hosts that answer quickly), and its outcome
        recorded in a group commit with the other outcomes that arrived meanwhile (deliveries of one
        batch in one statement).
        """,
            LocalDate.now(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            WARMUP_ACTIVITIES,
            ed.deliveries(),
            ED_ACTIVITIES,
            ed.perSecond(),
            edSigns,
            ed.nodeCpuMsPerDelivery(),
            ed.sinkCpuMsPerDelivery(),
            ed.loadBefore(),
            ed.loadAfter(),
            rsa.deliveries(),
            RSA_ACTIVITIES,
            rsa.perSecond(),
            rsaSigns,
            rsa.nodeCpuMsPerDelivery(),
            rsa.sinkCpuMsPerDelivery(),
            rsa.loadBefore(),
            rsa.loadAfter(),
            describe(ed.nodeCpuByThread()),
            describe(rsa.nodeCpuByThread()));
    Path out = Path.of("..", "benchmarks", "delivery.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    System.out.println(table);
  }

  static String describe(java.util.Map<String, Double> byThread) {
    StringBuilder out = new StringBuilder();
    byThread.forEach(
        (k, v) -> out.append(out.isEmpty() ? "" : ", ").append(String.format("%s %.3f", k, v)));
    return out.toString();
  }

  static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
  }
}
