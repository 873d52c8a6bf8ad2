package org.madani.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.NodeProcess;
import org.madani.node.TestNode;

/**
 * Two node processes (the real jar) behind one name on one PostgreSQL database (issue 15): a
 * round-robin TCP proxy stands in for the load balancer in front of them, so the hub's base URL
 * reaches either process, connection by connection. Two follower nodes (H2) follow the hub and are
 * followed by it; then, at once, the hub publishes entries through both processes and the followers
 * publish entries that arrive at the hub's inbox through the proxy.
 *
 * <p>Shown: every hub entry reaches each follower exactly once (each follower's inbox counts no
 * duplicate and stores every one; the hub's delivery queue ends with every job done once), none is
 * lost; every follower entry is received by the hub once (its inbox rows are all done, none
 * failed); both processes answered inbox requests; and a directory search gives the same answer on
 * either process (each keeps its own index current from {@code directory_change}).
 */
class TwoProcessesOnePostgresIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String METRICS_TOKEN = "metrics-token-for-the-two-process-test-0123456789";
  static final int HUB_ENTRIES = 40;
  static final int FOLLOWER_ENTRIES = 20;
  static final Duration WAIT = Duration.ofSeconds(120);
  static final String DONE = "madani_deliveries_total\\{outcome=\"done\"\\}";

  @TempDir Path dir;
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  final List<Process> processes = new ArrayList<>();
  final List<TestNode> followers = new ArrayList<>();
  RoundRobinProxy proxy;

  @AfterEach
  void stop() throws IOException {
    processes.forEach(Process::destroyForcibly);
    followers.forEach(TestNode::close);
    if (proxy != null) proxy.close();
  }

  @Test
  void twoProcessesShareTheQueuesWithoutDoubleOrLostWork_andSearchTheSame() throws Exception {
    PostgresServer pg = PostgresServer.shared();
    String database = pg.createEmptyDatabase(); // init migrates it, as on a new hub
    int portA = NodeProcess.freePort();
    int portB = NodeProcess.freePort();
    proxy = new RoundRobinProxy(List.of(portA, portB));
    URI hub = URI.create("http://127.0.0.1:" + proxy.port());
    URI a = URI.create("http://127.0.0.1:" + portA);
    URI b = URI.create("http://127.0.0.1:" + portB);

    Path dataA = dir.resolve("a");
    Path dataB = dir.resolve("b");
    NodeProcess.run(
        "init",
        "--data-dir",
        dataA.toString(),
        "--handle",
        "hub",
        "--dev",
        "--port",
        String.valueOf(portA),
        "--base-url",
        hub.toString(),
        "--database",
        database);
    String token = NodeProcess.run("token", "--data-dir", dataA.toString()).strip();
    // The second process: its own data directory (its own search index), the same settings and
    // database.
    Files.createDirectories(dataB);
    Files.copy(dataA.resolve("node.json"), dataB.resolve("node.json"));
    processes.add(serve(dir.resolve("a.log"), "serve", "--data-dir", dataA.toString()));
    processes.add(
        serve(
            dir.resolve("b.log"),
            "serve",
            "--data-dir",
            dataB.toString(),
            "--port",
            String.valueOf(portB)));
    NodeProcess.awaitReady(a);
    NodeProcess.awaitReady(b);

    for (String h : List.of("fa", "fb")) {
      followers.add(
          TestNode.start(dir.resolve(h), h, false, c -> c.withMetricsToken(METRICS_TOKEN)));
    }
    String hubActor = hub + "/orgs/hub";
    for (TestNode f : followers) {
      assertThat(
              f.api(
                      "POST",
                      "/api/v1/organizations/" + f.handle() + "/following",
                      "{\"actor\":\"" + hubActor + "\"}")
                  .statusCode())
          .isEqualTo(202);
      HttpResponse<String> r =
          api(
              a,
              token,
              "POST",
              "/api/v1/organizations/hub/following",
              "{\"actor\":\"" + f.base() + "/orgs/" + f.handle() + "\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }
    for (TestNode f : followers) {
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(300))
          .until(
              () ->
                  TestNode.json(
                              f.api(
                                  "GET",
                                  "/api/v1/organizations/"
                                      + f.handle()
                                      + "/following?state=accepted",
                                  null))
                          .get("items")
                          .size()
                      == 1);
    }
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                JSON.readTree(
                            api(
                                    b,
                                    token,
                                    "GET",
                                    "/api/v1/organizations/hub/following?state=accepted",
                                    null)
                                .body())
                        .get("items")
                        .size()
                    == 2);

    // Load: the hub publishes through both processes while both followers publish to it.
    List<CompletableFuture<Void>> load = new ArrayList<>();
    for (URI process : List.of(a, b)) {
      load.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < HUB_ENTRIES / 2; i++) {
                  HttpResponse<String> r =
                      unchecked(
                          () ->
                              api(
                                  process,
                                  token,
                                  "POST",
                                  "/api/v1/organizations/hub/entries",
                                  "{\"kind\":\"article\",\"title\":{\"ar\":\"مقالة\",\"en\":\"Hubword "
                                      + process.getPort()
                                      + " "
                                      + "\"}}"));
                  assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                }
              }));
    }
    for (TestNode f : followers) {
      load.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < FOLLOWER_ENTRIES; i++) {
                  HttpResponse<String> r =
                      unchecked(
                          () ->
                              f.api(
                                  "POST",
                                  f.entriesPath(),
                                  "{\"kind\":\"article\",\"title\":{\"ar\":\"مقالة\",\"en\":\"Followword "
                                      + f.handle()
                                      + "\"}}"));
                  assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                }
              }));
    }
    CompletableFuture.allOf(load.toArray(CompletableFuture[]::new)).get();

    // Nothing lost: every hub entry at every follower, every follower entry at the hub.
    for (TestNode f : followers) {
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  received(
                              f.api(
                                      "GET",
                                      "/api/v1/organizations/"
                                          + f.handle()
                                          + "/received?actor="
                                          + URLEncoder.encode(hubActor, StandardCharsets.UTF_8),
                                      null)
                                  .body())
                          .size()
                      == HUB_ENTRIES);
      String actor = f.base() + "/orgs/" + f.handle();
      for (URI process : List.of(a, b)) {
        await()
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () ->
                    received(
                                api(
                                        process,
                                        token,
                                        "GET",
                                        "/api/v1/organizations/hub/received?actor="
                                            + URLEncoder.encode(actor, StandardCharsets.UTF_8),
                                        null)
                                    .body())
                            .size()
                        == FOLLOWER_ENTRIES);
      }
    }
    // Nothing twice: each delivery job of the hub sent and recorded once, and no follower's inbox
    // saw
    // a hub activity a second time.
    String dbName = database.substring(database.lastIndexOf('/') + 1);
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> count(pg, dbName, "SELECT count(*) FROM delivery WHERE state <> 'done'") == 0);
    // A Create per entry and follower, plus the follow handshakes, all done.
    long jobs = count(pg, dbName, "SELECT count(*) FROM delivery");
    assertThat(jobs).isGreaterThanOrEqualTo(2L * HUB_ENTRIES);
    // Each job sent to success by one process only: the two processes' "done" outcomes add up to
    // the
    // jobs (a job that both sent would count twice).
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              double doneA = series(api(a, METRICS_TOKEN, "GET", "/metrics", null).body(), DONE);
              double doneB = series(api(b, METRICS_TOKEN, "GET", "/metrics", null).body(), DONE);
              assertThat(doneA + doneB)
                  .as("deliveries done by A (%s) and B (%s)", doneA, doneB)
                  .isEqualTo((double) jobs);
            });
    for (TestNode f : followers) {
      String metrics = f.get("/metrics", "Authorization", "Bearer " + METRICS_TOKEN).body();
      assertThat(series(metrics, "madani_inbox_accepted_total\\{result=\"duplicate\"\\}")).isZero();
      assertThat(series(metrics, "madani_inbox_accepted_total\\{result=\"stored\"\\}"))
          .isGreaterThanOrEqualTo(HUB_ENTRIES + 1);
    }
    // The hub's inbox: every activity handled once and well, by whichever process claimed it.
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> count(pg, dbName, "SELECT count(*) FROM inbox WHERE state = 'pending'") == 0);
    assertThat(count(pg, dbName, "SELECT count(*) FROM inbox WHERE state = 'failed'")).isZero();
    assertThat(count(pg, dbName, "SELECT count(*) FROM inbox WHERE type = 'Create'"))
        .isEqualTo(2L * FOLLOWER_ENTRIES);
    assertThat(proxy.connections(0)).as("connections to process A").isPositive();
    assertThat(proxy.connections(1)).as("connections to process B").isPositive();

    // The same search answers from both processes.
    for (String q : List.of("Hubword", "Followword")) {
      int expected = q.equals("Hubword") ? HUB_ENTRIES : 2 * FOLLOWER_ENTRIES;
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                Set<String> fromA =
                    ids(api(a, token, "GET", "/api/v1/directory?pageSize=100&q=" + q, null).body());
                Set<String> fromB =
                    ids(api(b, token, "GET", "/api/v1/directory?pageSize=100&q=" + q, null).body());
                assertThat(fromA).hasSize(expected);
                assertThat(fromB).isEqualTo(fromA);
              });
    }

    // The online backup is H2's; a PostgreSQL node says so (problem+json) instead of a half backup.
    HttpResponse<String> backup = api(a, token, "POST", "/api/v1/backup", "{}");
    assertThat(backup.statusCode()).as(backup.body()).isEqualTo(409);
    assertThat(backup.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/problem+json");
    assertThat(backup.body()).contains("pg_dump");
  }

  /** A hub process, with the metrics token in its environment (MADANI_METRICS_TOKEN). */
  private static Process serve(Path log, String... args) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(NodeProcess.command(args))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().put("MADANI_METRICS_TOKEN", METRICS_TOKEN);
    return pb.start();
  }

  private HttpResponse<String> api(URI base, String token, String method, String path, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Set<String> received(String body) throws IOException {
    Set<String> out = new TreeSet<>();
    for (JsonNode i : JSON.readTree(body).get("items")) out.add(i.get("id").asText());
    return out;
  }

  private static Set<String> ids(String body) throws IOException {
    Set<String> out = new TreeSet<>();
    for (JsonNode i : JSON.readTree(body).get("items"))
      out.add(i.path("url").asText(i.path("id").asText()));
    return out;
  }

  private static long count(PostgresServer pg, String database, String sql) throws Exception {
    try (Connection c = pg.connect(database);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static double series(String metrics, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + " ([0-9.eE+-]+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private interface Call<T> {
    T call() throws Exception;
  }

  private static <T> T unchecked(Call<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The load balancer in front of the processes: plain TCP, each new connection to the next process
   * in turn. Counts the connections each process got.
   */
  static final class RoundRobinProxy implements AutoCloseable {
    private final ServerSocket server;
    private final List<Integer> backends;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger[] counts;

    RoundRobinProxy(List<Integer> backends) throws IOException {
      this.backends = List.copyOf(backends);
      this.counts = new AtomicInteger[backends.size()];
      for (int i = 0; i < counts.length; i++) counts[i] = new AtomicInteger();
      this.server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      Thread.ofVirtual().start(this::accept);
    }

    int port() {
      return server.getLocalPort();
    }

    int connections(int backend) {
      return counts[backend].get();
    }

    private void accept() {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          int i = Math.floorMod(next.getAndIncrement(), backends.size());
          counts[i].incrementAndGet();
          Socket upstream = new Socket(InetAddress.getLoopbackAddress(), backends.get(i));
          Thread.ofVirtual().start(() -> pipe(client, upstream));
          Thread.ofVirtual().start(() -> pipe(upstream, client));
        } catch (IOException e) {
          // closed, or a backend not reachable: the client's connection fails as it would
        }
      }
    }

    private static void pipe(Socket from, Socket to) {
      try (InputStream in = from.getInputStream();
          OutputStream out = to.getOutputStream()) {
        in.transferTo(out);
      } catch (IOException ignored) {
        // the other side closed
      } finally {
        try {
          from.close();
          to.close();
        } catch (IOException ignored) {
          // already closed
        }
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
