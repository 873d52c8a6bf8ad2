package org.madani.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real node processes follow each other; entries are created (and some deleted) on all three
 * at once; in the middle of that traffic every process is killed with SIGKILL, and all are started
 * again on their data directories. Then: every acknowledged write (201 create, 204 delete) holds at
 * its origin, and every follower's copy of each origin converges to exactly the origin's live
 * public entries — through redelivery after the lease and through catch-up from the signed logs.
 */
class ConvergenceAfterCrashIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> HANDLES = List.of("alef", "beh", "jeem");

  /** Kill once every node has acknowledged this many creations. */
  static final int KILL_AFTER = 12;

  /** Safety cap per node, well under the 100-item pages read back. */
  static final int MAX_CREATES = 80;

  @TempDir Path dir;
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  final Map<String, Node> nodes = new ConcurrentHashMap<>();
  final List<String> writerFailures = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** One node process and what the test learnt from it. */
  final class Node {
    final String handle;
    final Path data;
    final int port;
    final URI base;
    String token;
    Process process;

    /** entry id → object URL, for creations answered 201 */
    final Map<String, String> created = new ConcurrentHashMap<>();

    /** ids whose deletion was answered 204 */
    final Set<String> deleted = ConcurrentHashMap.newKeySet();

    /** ids whose deletion was sent but not acknowledged: either outcome is allowed */
    final Set<String> deleteUnsure = ConcurrentHashMap.newKeySet();

    Node(String handle) throws IOException {
      this.handle = handle;
      this.data = dir.resolve(handle);
      try (ServerSocket s = new ServerSocket(0)) {
        this.port = s.getLocalPort();
      }
      this.base = URI.create("http://127.0.0.1:" + port);
    }

    String actor() {
      return base + "/orgs/" + handle;
    }

    HttpResponse<String> api(String method, String path, String body)
        throws IOException, InterruptedException {
      return http.send(
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(Duration.ofSeconds(10))
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
  }

  @AfterEach
  void kill() {
    nodes
        .values()
        .forEach(
            n -> {
              if (n.process != null) n.process.destroyForcibly();
            });
  }

  @Test
  void killingEveryNodeMidTraffic_losesNoAcknowledgedWrite_andTheNetworkConverges()
      throws Exception {
    for (String h : HANDLES) nodes.put(h, new Node(h));
    CompletableFuture.allOf(
            nodes.values().stream()
                .map(n -> CompletableFuture.runAsync(() -> init(n)))
                .toArray(CompletableFuture[]::new))
        .join();
    startAll();

    // Everyone follows everyone (dev mode approves follows at once).
    for (Node n : nodes.values()) {
      for (Node other : nodes.values()) {
        if (other == n) continue;
        HttpResponse<String> r =
            n.api(
                "POST",
                "/api/v1/organizations/" + n.handle + "/following",
                "{\"actor\":\"" + other.actor() + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      }
    }
    for (Node n : nodes.values()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  JSON.readTree(
                              n.api(
                                      "GET",
                                      "/api/v1/organizations/"
                                          + n.handle
                                          + "/following?state=accepted",
                                      null)
                                  .body())
                          .get("items")
                          .size()
                      == HANDLES.size() - 1);
    }

    // Traffic on every node at once; kill all processes while it runs.
    List<Thread> writers = new ArrayList<>();
    for (Node n : nodes.values()) {
      Thread t = new Thread(() -> write(n), "writer-" + n.handle);
      t.start();
      writers.add(t);
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> nodes.values().stream().allMatch(n -> n.created.size() >= KILL_AFTER));
    nodes.values().forEach(n -> n.process.destroyForcibly()); // SIGKILL, no shutdown hook
    for (Node n : nodes.values()) n.process.waitFor();
    for (Thread t : writers) t.join(Duration.ofSeconds(30));
    assertThat(writerFailures).isEmpty();
    for (Node n : nodes.values()) {
      assertThat(n.created.size())
          .as("writes acknowledged by %s", n.handle)
          .isBetween(KILL_AFTER, MAX_CREATES - 1);
      System.out.printf(
          "%s: %d creations and %d deletions acknowledged, %d deletions unsure at the kill%n",
          n.handle, n.created.size(), n.deleted.size(), n.deleteUnsure.size());
    }

    startAll();

    // Nothing acknowledged is lost at its origin.
    Map<String, Set<String>> live = new java.util.HashMap<>();
    for (Node n : nodes.values()) {
      for (var e : n.created.entrySet()) {
        if (n.deleteUnsure.contains(e.getKey())) continue;
        int status =
            n.api("GET", "/api/v1/organizations/" + n.handle + "/entries/" + e.getKey(), null)
                .statusCode();
        assertThat(status)
            .as("%s entry %s (deleted: %s)", n.handle, e.getKey(), n.deleted.contains(e.getKey()))
            .isEqualTo(n.deleted.contains(e.getKey()) ? 404 : 200);
      }
      Set<String> urls = liveEntries(n);
      for (var e : n.created.entrySet()) {
        if (n.deleteUnsure.contains(e.getKey())) continue;
        if (n.deleted.contains(e.getKey())) assertThat(urls).doesNotContain(e.getValue());
        else assertThat(urls).contains(e.getValue());
      }
      live.put(n.handle, urls);
    }

    for (Node follower : nodes.values()) {
      for (Node origin : nodes.values()) {
        if (origin != follower)
          System.out.printf(
              "after restart, %s holds %d of %s's %d live entries%n",
              follower.handle,
              received(follower, origin).size(),
              origin.handle,
              live.get(origin.handle).size());
      }
    }
    // Every follower converges to exactly its origins' live entries.
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              for (Node follower : nodes.values()) {
                for (Node origin : nodes.values()) {
                  if (origin == follower) continue;
                  assertThat(received(follower, origin))
                      .as("%s's copy of %s", follower.handle, origin.handle)
                      .isEqualTo(live.get(origin.handle));
                }
              }
            });
  }

  /** Creates entries and deletes every fourth acknowledged one, until the node stops answering. */
  private void write(Node n) {
    try {
      for (int i = 0; i < MAX_CREATES; i++) {
        HttpResponse<String> r =
            n.api(
                "POST",
                "/api/v1/organizations/" + n.handle + "/entries",
                "{\"kind\":\"article\",\"title\":{\"ar\":\"مقالة "
                    + i
                    + "\",\"en\":\""
                    + n.handle
                    + " "
                    + i
                    + "\"}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(r.body());
        n.created.put(body.get("id").asText(), body.get("url").asText());
        if (i % 4 == 3) {
          String victim = firstUndeleted(n);
          n.deleteUnsure.add(victim);
          int status =
              n.api("DELETE", "/api/v1/organizations/" + n.handle + "/entries/" + victim, null)
                  .statusCode();
          assertThat(status).isEqualTo(204);
          n.deleted.add(victim);
          n.deleteUnsure.remove(victim);
        }
      }
    } catch (IOException | InterruptedException e) {
      // the process was killed: this write is unacknowledged, and so are the ones not sent
    } catch (
        Throwable e) { // a refused write or a broken answer: fail the test, not just this thread
      writerFailures.add(n.handle + ": " + e);
    }
  }

  private static String firstUndeleted(Node n) {
    return n.created.keySet().stream()
        .filter(id -> !n.deleted.contains(id) && !n.deleteUnsure.contains(id))
        .sorted()
        .findFirst()
        .orElse(null);
  }

  private Set<String> liveEntries(Node n) throws Exception {
    JsonNode page =
        JSON.readTree(
            n.api("GET", "/api/v1/organizations/" + n.handle + "/entries?pageSize=100", null)
                .body());
    assertThat(page.get("total").asInt()).isLessThan(100);
    Set<String> out = new HashSet<>();
    for (JsonNode e : page.get("items")) out.add(e.get("url").asText());
    return out;
  }

  private Set<String> received(Node follower, Node origin) throws Exception {
    JsonNode items =
        JSON.readTree(
                follower
                    .api(
                        "GET",
                        "/api/v1/organizations/"
                            + follower.handle
                            + "/received?actor="
                            + URLEncoder.encode(origin.actor(), StandardCharsets.UTF_8),
                        null)
                    .body())
            .get("items");
    Set<String> out = new HashSet<>();
    for (JsonNode i : items) out.add(i.get("id").asText());
    return out;
  }

  private void init(Node n) {
    try {
      run(
          "init",
          "--data-dir",
          n.data.toString(),
          "--handle",
          n.handle,
          "--dev",
          "--port",
          String.valueOf(n.port));
      n.token = run("token", "--data-dir", n.data.toString()).strip();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void startAll() throws Exception {
    for (Node n : nodes.values()) {
      n.process =
          new ProcessBuilder(command("serve", "--data-dir", n.data.toString()))
              .redirectErrorStream(true)
              .redirectOutput(
                  ProcessBuilder.Redirect.appendTo(dir.resolve(n.handle + ".log").toFile()))
              .start();
    }
    for (Node n : nodes.values()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .ignoreExceptions()
          .until(
              () ->
                  http.send(
                              HttpRequest.newBuilder(n.base.resolve("/readyz")).build(),
                              HttpResponse.BodyHandlers.ofString())
                          .statusCode()
                      == 200);
    }
  }

  private String run(String... args) throws Exception {
    Process p =
        new ProcessBuilder(command(args)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  private static List<String> command(String... args) {
    return org.madani.node.NodeProcess.command(args);
  }
}
