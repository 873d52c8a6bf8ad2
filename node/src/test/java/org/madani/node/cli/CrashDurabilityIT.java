package org.madani.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.NodeProcess;

/**
 * The real jar as a separate process: init, serve, write through the API, {@code kill -9} right
 * after the write is acknowledged, start again on the same H2 file, and find the write there.
 */
class CrashDurabilityIT {

  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  Process process;
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void kill() {
    if (process != null) process.destroyForcibly();
  }

  @Test
  void acknowledgedWritesSurviveKill9() throws Exception {
    Path data = dir.resolve("data");
    int port = NodeProcess.freePort();
    NodeProcess.run(
        "init",
        "--data-dir",
        data.toString(),
        "--handle",
        "sawa",
        "--dev",
        "--port",
        String.valueOf(port),
        "--examples",
        Path.of("..", "examples").toString());
    assertThat(Files.readString(data.resolve("initial-admin-credentials.txt")))
        .contains("user: admin");
    String token = NodeProcess.run("token", "--data-dir", data.toString()).strip();
    assertThat(token).startsWith("mdn_");

    URI base = URI.create("http://127.0.0.1:" + port);
    process = NodeProcess.serve(data, dir.resolve("serve.log"));
    NodeProcess.awaitReady(base);

    // Each write is acknowledged (201) before the next; the kill follows the last one at once.
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("/api/v1/organizations/sawa/entries"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"kind\":\"need\",\"category\":\"volunteers\",\"title\":{\"ar\":\"متطوعون "
                              + i
                              + "\"}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      ids.add(JSON.readTree(r.body()).get("id").asText());
    }
    process.destroyForcibly(); // SIGKILL: no shutdown hook runs
    process.waitFor();

    process = NodeProcess.serve(data, dir.resolve("serve.log"));
    NodeProcess.awaitReady(base);
    for (String id : ids) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("/api/v1/organizations/sawa/entries/" + id))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("entry %s after kill -9", id).isEqualTo(200);
    }
    JsonNode list =
        JSON.readTree(
            http.send(
                    HttpRequest.newBuilder(
                            base.resolve(
                                "/api/v1/organizations/sawa/entries?kind=need&pageSize=100"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    assertThat(list.get("total").asInt()).isGreaterThanOrEqualTo(25);

    // the README's promise: the organization page renders in Arabic and in English
    String ar =
        http.send(
                HttpRequest.newBuilder(base.resolve("/orgs/sawa")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(ar).contains("dir=\"rtl\"");
    String en =
        http.send(
                HttpRequest.newBuilder(base.resolve("/orgs/sawa?lang=en")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(en).contains("dir=\"ltr\"").contains("Sawa");
  }

  @Test
  void sigtermStopsCleanly() throws Exception {
    Path data = dir.resolve("data2");
    int port = NodeProcess.freePort();
    NodeProcess.run(
        "init",
        "--data-dir",
        data.toString(),
        "--handle",
        "demo",
        "--dev",
        "--port",
        String.valueOf(port));
    process = NodeProcess.serve(data, dir.resolve("serve.log"));
    NodeProcess.awaitReady(URI.create("http://127.0.0.1:" + port));
    process.destroy(); // SIGTERM
    await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    assertThat(process.exitValue()).isIn(0, 143);
    String log = Files.readString(dir.resolve("serve.log"));
    assertThat(log).contains("node stopped");
    assertThat(log).doesNotContainPattern("127\\.0\\.0\\.1:\\d+ ?->|remote(Address)?=");
  }
}
