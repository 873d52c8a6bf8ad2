package org.madani.node.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.madani.node.NodeProcess;
import org.madani.node.federation.sig.HttpRequestView;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.NativeSignatures;
import org.madani.node.federation.sig.Rfc9421Signer;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SigningKey;

/**
 * Not a unit test: a benchmark, run only with {@code -Pbench} ({@code ./madani bench}). A hub at
 * scale (issue 10): 100,000 signed {@code Create(Article)} activities from 100 sender hosts
 * (127.0.0.2 … 127.0.0.101, each serving its actor document and sending from its own address) over
 * real HTTP to a node process started from the jar with the launcher's default JVM flags, on a real
 * H2 file. Reports beside bare ceilings measured in the same run (Ed25519 verify, H2 batched
 * durable inserts): accept rate, apply rate (entries searchable in the directory), time from the
 * last 202 to the last entry searchable, directory search p95 with facets over the incrementally
 * built index, the node's CPU and RSS (from /proc) during 60 s of idle afterwards, and H2 LOB
 * values left on its heap. Writes {@code benchmarks/hub-scale.md}.
 *
 * <p>The hub trusts the sender hosts (a hub mirroring a region's network), which gives them the
 * higher inbox allowance.
 */
class HubScaleBenchmark {

  static final int HOSTS = Integer.getInteger("bench.hosts", 100);
  static final int ACTIVITIES = Integer.getInteger("bench.activities", 100_000);
  static final int IN_FLIGHT_PER_HOST = 1;
  static final int IDLE_SECONDS = Integer.getInteger("bench.idle", 60);
  static final String AS_PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
  static final String[] SECTORS = {
    "health", "education", "shelter", "legal-aid", "livelihoods", "youth"
  };
  static final String[] REGIONS = {
    "sy-idlib", "sy-aleppo", "sy-raqqa", "tr-gaziantep", "de-berlin"
  };
  static final String[] WORDS = {
    "clinic",
    "school",
    "winter",
    "water",
    "training",
    "report",
    "camp",
    "grant",
    "مستشفى",
    "تدريب",
    "مياه",
    "مدرسة"
  };

  final ObjectMapper json = new ObjectMapper();
  final java.net.http.HttpClient http =
      java.net.http.HttpClient.newBuilder()
          .version(java.net.http.HttpClient.Version.HTTP_1_1)
          .build();

  record Sender(String host, String actor, KeyPair key) {}

  @Test
  void hubScale() throws Exception {
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    double verifyCeiling = ed25519VerifyPerSecond();
    double h2Ceiling = h2BatchedDurableInsertsPerSecond();

    Path data = Files.createTempDirectory(Path.of("target"), "hub-scale");
    int port = NodeProcess.freePort();
    URI base = URI.create("http://127.0.0.1:" + port);
    List<String> flags = launcherFlags();
    run(
        flags,
        "init",
        "--data-dir",
        data.toString(),
        "--handle",
        "sawa",
        "--dev",
        "--port",
        Integer.toString(port),
        "--name-ar",
        "هب",
        "--name-en",
        "Hub");
    String token = lastLine(run(flags, "token", "--data-dir", data.toString()));
    List<String> nodeFlags = new ArrayList<>(flags);
    String extra =
        System.getProperty("bench.nodeFlags", "").strip(); // e.g. a JFR recording while profiling
    if (!extra.isEmpty()) nodeFlags.addAll(Arrays.asList(extra.split("\\s+")));
    Process node = serve(nodeFlags, data, port, data.resolve("node.log"));
    Vertx vertx = Vertx.vertx();
    try {
      NodeProcess.awaitReady(base);
      int senderPort = NodeProcess.freePort();
      List<Sender> senders = startSenders(vertx, senderPort);
      for (Sender s : senders) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(base.resolve("/api/v1/trust/nodes/" + s.host()))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"level\":\"trusted\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
      }
      String sawa = base + "/orgs/sawa";
      List<List<HttpRequestView>> perHost = sign(senders, sawa, base);

      long cpu0 = cpuTicks(node.pid());
      Result sent = send(vertx, senders, perHost, port);
      long cpuBurst = cpuTicks(node.pid()) - cpu0;
      // What was acknowledged must become searchable (a refused or dropped request never will).
      long appliedAt = awaitSearchable(base, sent.accepted());
      long rssAfterBurst = rssKib(node.pid());
      double acceptRate = sent.accepted() / ((sent.last202() - sent.start()) / 1e9);
      double applyRate = sent.accepted() / ((appliedAt - sent.start()) / 1e9);
      double lagSeconds = Math.max(0, (appliedAt - sent.last202()) / 1e9);

      List<Long> latencies = searchLatencies(base);
      long p50 = percentile(latencies, 50);
      long p95 = percentile(latencies, 95);
      long newP95 = percentile(newQueryLatencies, 95);

      long idle0 = cpuTicks(node.pid());
      long idleStart = System.nanoTime();
      Thread.sleep(
          IDLE_SECONDS * 1000L); // the measured idle period itself, not a wait for a condition
      double idleCpuPercent =
          (cpuTicks(node.pid()) - idle0) * 10.0 / ((System.nanoTime() - idleStart) / 1e6) * 100;
      long rssIdle = rssKib(node.pid());
      String rssParts = rssParts(node.pid());
      String lobs = lobHistogram(node.pid());

      String table =
          """
          # Hub scale: ingest, directory and memory (issue 10)

          `HubScaleBenchmark` (`./madani bench`): %,d signed `Create(Article)` activities (RFC 9421, Ed25519)
          from %d sender hosts (127.0.0.2 …, each sending from its own address over its own connection;
          %d request in flight per host) over real HTTP to one node process started from the jar with the
          launcher's default JVM flags (`%s`, `MALLOC_ARENA_MAX=%s`), development mode, real H2 file. The hub trusts the sender
          hosts. Apply = the entry is searchable in the directory (`GET /api/v1/directory`).

          Run %s, 2 cores shared with other work: load average at start `%s`.

          | what | figure |
          |---|---|
          | bare ceiling: Ed25519 verify (%s, 2 threads) | %,.0f /s |
          | bare ceiling: H2 durable inserts (`WRITE_DELAY=0`, batches of 100, 1 KB rows) | %,.0f rows/s |
          | accepted (202) | %,d of %,d (429: %,d, other: %,d) |
          | accept rate (first request to last 202) | %,.0f /s |
          | apply rate (first request to last entry searchable) | %,.0f /s |
          | last 202 → last entry searchable | %.1f s |
          | node CPU during the burst | %.2f ms per activity |
          | directory search over %,d received entries, with facets (HTTP round trip) | p50 %.1f ms, p95 %.1f ms (the %d queries not asked before, which no remembered answer serves: p95 %.1f ms) |
          | node CPU during %d s idle afterwards | %.2f %% of one core |
          | node RSS after the burst / after the idle period | %,d MiB / %,d MiB |
          | RSS after idle by kind (`/proc/PID/status`): anonymous (heap, metaspace, code, stacks, malloc) / file-backed (mapped index and jar pages, reclaimable) | %s |
          | H2 LOB values on the node's heap after idle (`jcmd GC.class_histogram`) | %s |

          Must show (issue 10): both rates ≥ 3,000/s, last entry applied within 5 s of the last 202,
          idle CPU < 2 %% of one core, RSS ≤ 400 MiB, search p95 < 10 ms.
          """
              .formatted(
                  ACTIVITIES,
                  HOSTS,
                  IN_FLIGHT_PER_HOST,
                  String.join(" ", flags),
                  launcherArenas(),
                  Instant.now(),
                  load,
                  NativeSignatures.describe(),
                  verifyCeiling,
                  h2Ceiling,
                  sent.accepted(),
                  ACTIVITIES,
                  sent.throttled(),
                  sent.other(),
                  acceptRate,
                  applyRate,
                  lagSeconds,
                  cpuBurst * 10.0 / ACTIVITIES,
                  ACTIVITIES,
                  p50 / 1000.0,
                  p95 / 1000.0,
                  newQueryLatencies.size(),
                  newP95 / 1000.0,
                  IDLE_SECONDS,
                  idleCpuPercent,
                  rssAfterBurst / 1024,
                  rssIdle / 1024,
                  rssParts,
                  lobs);
      System.out.println(table);
      Files.writeString(Path.of("..", "benchmarks", "hub-scale.md"), table);
    } finally {
      node.destroy();
      node.waitFor(30, TimeUnit.SECONDS);
      vertx.close().await();
    }
  }

  /** Each sender host serves its actor document on its own loopback address. */
  List<Sender> startSenders(Vertx vertx, int port) throws Exception {
    SecureRandom random = new SecureRandom();
    List<Sender> out = new ArrayList<>();
    for (int i = 0; i < HOSTS; i++) {
      String address = "127.0.0." + (2 + i);
      String actor = "http://" + address + ":" + port + "/orgs/s";
      KeyPair key = Keys.generateEd25519(random);
      ObjectNode doc = json.createObjectNode();
      doc.putArray("@context")
          .add("https://www.w3.org/ns/activitystreams")
          .add("https://w3id.org/security/v1");
      doc.put("id", actor)
          .put("type", "Organization")
          .put("preferredUsername", "s" + i)
          .put("name", "Organization " + i)
          .put("inbox", actor + "/inbox");
      doc.putArray("assertionMethod")
          .addObject()
          .put("id", actor + "#ed")
          .put("type", "Multikey")
          .put("controller", actor)
          .put("publicKeyMultibase", Keys.toMultibase(key.getPublic()));
      Buffer body = Buffer.buffer(doc.toString());
      HttpServer server =
          vertx
              .createHttpServer()
              .requestHandler(
                  req ->
                      req.response()
                          .putHeader("Content-Type", "application/activity+json")
                          .end(body));
      server.listen(port, address).await();
      out.add(new Sender(address + ":" + port, actor, key));
    }
    return out;
  }

  List<List<HttpRequestView>> sign(List<Sender> senders, String sawa, URI base) {
    Random rnd = new Random(42);
    URI inbox = URI.create(sawa + "/inbox");
    List<List<HttpRequestView>> out = new ArrayList<>();
    for (int h = 0; h < senders.size(); h++) out.add(new ArrayList<>());
    for (int n = 0; n < ACTIVITIES; n++) {
      int h = n % senders.size();
      Sender s = senders.get(h);
      ObjectNode object = json.createObjectNode();
      object
          .put("id", s.actor() + "/e/" + n)
          .put("type", "Article")
          .put("kind", "report")
          .put("attributedTo", s.actor())
          .put("published", Instant.now().toString())
          .put(
              "name",
              WORDS[rnd.nextInt(WORDS.length)] + " " + WORDS[rnd.nextInt(WORDS.length)] + " " + n)
          .put(
              "content",
              "<p>"
                  + WORDS[rnd.nextInt(WORDS.length)]
                  + " "
                  + WORDS[rnd.nextInt(WORDS.length)]
                  + "</p>");
      object.putArray("sectors").add(SECTORS[rnd.nextInt(SECTORS.length)]);
      object.putArray("regions").add(REGIONS[rnd.nextInt(REGIONS.length)]);
      object.putArray("to").add(AS_PUBLIC).add(sawa);
      ObjectNode activity = json.createObjectNode();
      activity.put("@context", "https://www.w3.org/ns/activitystreams");
      activity.put("id", s.actor() + "/a/" + n).put("type", "Create").put("actor", s.actor());
      activity.putArray("to").add(AS_PUBLIC).add(sawa);
      activity.set("object", object);
      HttpRequestView unsigned =
          HttpRequestView.of(
              "POST",
              inbox,
              Map.of("host", base.getRawAuthority(), "content-type", "application/activity+json"),
              activity.toString().getBytes(StandardCharsets.UTF_8));
      out.get(h)
          .add(
              new Rfc9421Signer(
                      new SigningKey(
                          s.actor() + "#ed", SignatureAlgorithm.ED25519, s.key().getPrivate()),
                      Clock.systemUTC())
                  .signRequest(unsigned));
    }
    return out;
  }

  record Result(long start, long last202, int accepted, int throttled, int other) {}

  /**
   * Every host sends its activities in order from its own address; a 429 is retried after a pause.
   */
  Result send(Vertx vertx, List<Sender> senders, List<List<HttpRequestView>> perHost, int port)
      throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger throttled = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    AtomicLong last202 = new AtomicLong();
    CountDownLatch done = new CountDownLatch(senders.size());
    long start = System.nanoTime();
    for (int h = 0; h < senders.size(); h++) {
      String local = senders.get(h).host().substring(0, senders.get(h).host().indexOf(':'));
      HttpClient client =
          vertx.createHttpClient(
              new HttpClientOptions().setLocalAddress(local).setKeepAlive(true),
              new PoolOptions().setHttp1MaxSize(IN_FLIGHT_PER_HOST));
      sendNext(vertx, client, perHost.get(h), 0, port, accepted, throttled, other, last202, done);
    }
    assertThat(done.await(30, TimeUnit.MINUTES)).isTrue();
    return new Result(start, last202.get(), accepted.get(), throttled.get(), other.get());
  }

  void sendNext(
      Vertx vertx,
      HttpClient client,
      List<HttpRequestView> queue,
      int i,
      int port,
      AtomicInteger accepted,
      AtomicInteger throttled,
      AtomicInteger other,
      AtomicLong last202,
      CountDownLatch done) {
    if (i >= queue.size()) {
      done.countDown();
      return;
    }
    HttpRequestView r = queue.get(i);
    RequestOptions o =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI(r.targetUri().getRawPath());
    r.headers()
        .forEach(
            (name, values) -> {
              // Host comes from the request options (127.0.0.1:port, the authority that was
              // signed).
              if (!name.equals("content-length") && !name.equals("host"))
                values.forEach(v -> o.addHeader(name, v));
            });
    client
        .request(o)
        .compose(req -> req.send(Buffer.buffer(r.body())).map(resp -> resp.statusCode()))
        .onComplete(
            ar -> {
              int status = ar.succeeded() ? ar.result() : -1;
              if (status == 202) {
                accepted.incrementAndGet();
                last202.accumulateAndGet(System.nanoTime(), Math::max);
                sendNext(
                    vertx, client, queue, i + 1, port, accepted, throttled, other, last202, done);
              } else if (status == 429) {
                throttled.incrementAndGet();
                vertx.setTimer(
                    200,
                    t ->
                        sendNext(
                            vertx, client, queue, i, port, accepted, throttled, other, last202,
                            done));
              } else {
                other.incrementAndGet();
                sendNext(
                    vertx, client, queue, i + 1, port, accepted, throttled, other, last202, done);
              }
            });
  }

  /** Polls the public directory until {@code n} entries are searchable; returns when (nanoTime). */
  long awaitSearchable(URI base, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("/api/v1/directory?pageSize=1")).build(),
              HttpResponse.BodyHandlers.ofString());
      long now = System.nanoTime();
      if (r.statusCode() == 200 && json.readTree(r.body()).path("total").asLong() >= n) return now;
      Thread.sleep(100); // polling interval of a condition with a deadline
    }
    throw new AssertionError("entries not searchable within 30 minutes");
  }

  /** The timed searches among {@link #searchLatencies} whose query had not been asked before. */
  final List<Long> newQueryLatencies = new ArrayList<>();

  List<Long> searchLatencies(URI base) throws Exception {
    Random rnd = new Random(7);
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      String q =
          switch (i % 4) {
            case 0 -> "q=" + enc(WORDS[rnd.nextInt(WORDS.length)]);
            case 1 ->
                "q="
                    + enc(WORDS[rnd.nextInt(WORDS.length)])
                    + "&sector="
                    + SECTORS[rnd.nextInt(SECTORS.length)];
            case 2 -> "region=" + REGIONS[rnd.nextInt(REGIONS.length)] + "&kind=report";
            default ->
                "q="
                    + enc(WORDS[rnd.nextInt(WORDS.length)])
                    + "&region="
                    + REGIONS[rnd.nextInt(REGIONS.length)]
                    + "&sort=date";
          };
      queries.add(q);
    }
    List<Long> out = new ArrayList<>();
    java.util.Set<String> asked = new java.util.HashSet<>();
    for (int i = 0; i < queries.size(); i++) {
      long t = System.nanoTime();
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("/api/v1/directory?" + queries.get(i))).build(),
              HttpResponse.BodyHandlers.ofString());
      long micros = (System.nanoTime() - t) / 1000;
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode facets = json.readTree(r.body()).path("facets");
      if (i == 0) assertThat(facets.isMissingNode()).as("facets in %s", r.body()).isFalse();
      if (i >= 100) out.add(micros); // the first 100 warm up
      if (asked.add(queries.get(i)) && i >= 100) newQueryLatencies.add(micros);
    }
    return out;
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static long percentile(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /** utime + stime of a process, in clock ticks (1/100 s). */
  static long cpuTicks(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  static long rssKib(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
    return -1;
  }

  /** RssAnon / RssFile (+ RssShmem) of a process, in MiB. */
  static String rssParts(long pid) throws Exception {
    Map<String, Long> kib = new java.util.HashMap<>();
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("Rss"))
        kib.put(
            line.substring(0, line.indexOf(':')), Long.parseLong(line.replaceAll("[^0-9]", "")));
    }
    return "%,d MiB / %,d MiB (shared memory %,d MiB)"
        .formatted(
            kib.getOrDefault("RssAnon", -1024L) / 1024,
            kib.getOrDefault("RssFile", -1024L) / 1024,
            kib.getOrDefault("RssShmem", -1024L) / 1024);
  }

  static String lobHistogram(long pid) throws Exception {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process p =
        new ProcessBuilder(jcmd, Long.toString(pid), "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    long clobs = 0;
    long blobs = 0;
    for (String line : out.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 4 && f[3].equals("org.h2.value.ValueClob")) clobs = Long.parseLong(f[1]);
      if (f.length >= 4 && f[3].equals("org.h2.value.ValueBlob")) blobs = Long.parseLong(f[1]);
    }
    return String.format(Locale.ROOT, "%,d ValueClob, %,d ValueBlob", clobs, blobs);
  }

  /**
   * The JVM flags the launcher gives {@code serve} ({@code ./madani jvm-opts}), so the benchmark
   * measures what users run.
   */
  static List<String> launcherFlags() throws Exception {
    Process p =
        new ProcessBuilder(Path.of("..", "madani").toAbsolutePath().toString(), "jvm-opts")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).as("./madani jvm-opts").isZero();
    assertThat(out).as("./madani jvm-opts prints the node's JVM flags").isNotEmpty();
    return Arrays.asList(out.split("\\s+"));
  }

  /** The MALLOC_ARENA_MAX the launcher exports for a node by default. */
  static String launcherArenas() throws Exception {
    Matcher m =
        Pattern.compile("MALLOC_ARENA_MAX:-([0-9]+)")
            .matcher(Files.readString(Path.of("..", "madani")));
    assertThat(m.find()).as("./madani exports MALLOC_ARENA_MAX").isTrue();
    return m.group(1);
  }

  static List<String> command(List<String> flags, String... args) {
    String jar = System.getProperty("madani.nodeJar", "target/madani-node.jar");
    List<String> cmd =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(flags);
    cmd.addAll(List.of("-jar", new File(jar).getAbsolutePath()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  static String run(List<String> flags, String... args) throws Exception {
    Process p =
        new ProcessBuilder(command(flags, args))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  static Process serve(List<String> flags, Path data, int port, Path log) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(command(flags, "serve", "--data-dir", data.toString(), "--dev"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().put("MADANI_LOG_FORMAT", "TEXT");
    pb.environment().put("MALLOC_ARENA_MAX", launcherArenas()); // as ./madani exports it
    return pb.start();
  }

  static String lastLine(String s) {
    String[] lines = s.trim().split("\n");
    return lines[lines.length - 1].trim();
  }

  /**
   * Ed25519 verifications per second on two threads (the node's cores), on the engine the node
   * verifies with ({@link NativeSignatures#describe()}).
   */
  static double ed25519VerifyPerSecond() throws Exception {
    SecureRandom random = new SecureRandom();
    KeyPair pair = Keys.generateEd25519(random);
    byte[] msg = new byte[300];
    random.nextBytes(msg);
    byte[] sig = new SigningKey("k", SignatureAlgorithm.ED25519, pair.getPrivate()).sign(msg);
    AtomicLong count = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    Thread[] threads = new Thread[2];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                long n = 0;
                while (System.nanoTime() < end) {
                  if (SignatureAlgorithm.ED25519.verify(pair.getPublic(), msg, sig)) n++;
                }
                count.addAndGet(n);
              });
      threads[t].start();
    }
    for (Thread t : threads) t.join();
    return count.get() / 3.0;
  }

  /** Durable (WRITE_DELAY=0) inserts of 1 KB rows in batches of 100 per commit, one writer. */
  static double h2BatchedDurableInsertsPerSecond() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "h2-ceiling");
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:h2:file:" + dir.toAbsolutePath().resolve("c") + ";WRITE_DELAY=0", "sa", "")) {
      c.createStatement()
          .execute("CREATE TABLE t(id BIGINT AUTO_INCREMENT PRIMARY KEY, doc VARCHAR(100000))");
      c.setAutoCommit(false);
      String doc = "x".repeat(1000);
      long rows = 0;
      long start = System.nanoTime();
      long end = start + TimeUnit.SECONDS.toNanos(3);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO t(doc) VALUES (?)")) {
        while (System.nanoTime() < end) {
          for (int i = 0; i < 100; i++) {
            ps.setString(1, doc);
            ps.addBatch();
          }
          ps.executeBatch();
          c.commit();
          rows += 100;
        }
      }
      return rows / ((System.nanoTime() - start) / 1e9);
    }
  }
}
