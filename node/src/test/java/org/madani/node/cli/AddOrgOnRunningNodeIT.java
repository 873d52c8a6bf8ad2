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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.NodeProcess;
import org.madani.node.store.PostgresServer;

/**
 * The real jar: {@code add-org} against a RUNNING node. Without a token it says plainly that the
 * node is running and what to do (no H2 stack trace); with one it goes through the admin API, and
 * the new organization is served (actor, WebFinger) and can publish at once, without a restart.
 */
class AddOrgOnRunningNodeIT {

  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  Process node;
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void kill() {
    if (node != null) node.destroyForcibly();
  }

  @Test
  void addsAnOrganizationWithoutStoppingTheNode() throws Exception {
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
        String.valueOf(port));
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, NodeProcess.run("token", "--data-dir", data.toString()).strip());
    String token = Files.readString(tokenFile);
    URI base = URI.create("http://127.0.0.1:" + port);
    node = NodeProcess.serve(data, dir.resolve("serve.log"));
    NodeProcess.awaitReady(base);

    if (PostgresServer.selected()) {
      // On PostgreSQL nothing is locked: the offline way writes to the database the node serves
      // from (as a second process would), and the node serves the new organization at once.
      assertThat(NodeProcess.run("add-org", "--data-dir", data.toString(), "--handle", "offline"))
          .contains("Added organization offline");
      assertThat(get(base, "/orgs/offline", "application/activity+json").statusCode())
          .isEqualTo(200);
    } else {
      // The old way, with the node running: a clear message instead of H2's "file is locked" trace.
      Path log = dir.resolve("offline.log");
      Process offline =
          NodeProcess.start(log, "add-org", "--data-dir", data.toString(), "--handle", "second");
      await().atMost(Duration.ofSeconds(60)).until(() -> !offline.isAlive());
      String said = Files.readString(log);
      assertThat(offline.exitValue()).as(said).isEqualTo(2);
      assertThat(said)
          .contains("a node is running on")
          .contains("--token-file")
          .contains("POST /api/v1/organizations")
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
    }

    // Through the running node.
    String out =
        NodeProcess.run(
            "add-org",
            "--data-dir",
            data.toString(),
            "--handle",
            "second",
            "--name-ar",
            "جمعية ثانية",
            "--token-file",
            tokenFile.toString());
    assertThat(out).contains("Added organization second");
    assertThat(node.isAlive()).isTrue();

    JsonNode actor = JSON.readTree(get(base, "/orgs/second", "application/activity+json").body());
    assertThat(actor.path("id").asText()).isEqualTo(base + "/orgs/second");
    // publicKey lists the RSA key first (Mastodon reads the first), then the Ed25519 key
    // (federation.md).
    assertThat(actor.path("publicKey").path(0).path("publicKeyPem").asText())
        .contains("BEGIN PUBLIC KEY");
    assertThat(
            get(
                    base,
                    "/.well-known/webfinger?resource=acct:second@127.0.0.1:" + port,
                    "application/jrd+json")
                .statusCode())
        .isEqualTo(200);
    assertThat(Files.getPosixFilePermissions(data.resolve("keys").resolve("second-ed25519-1.pem")))
        .extracting(Object::toString)
        .asString()
        .doesNotContain("GROUP")
        .doesNotContain("OTHERS");

    // It publishes at once (signed with its new keys).
    HttpResponse<String> entry =
        post(
            base,
            token,
            "/api/v1/organizations/second/entries",
            "{\"kind\":\"need\",\"category\":\"volunteers\",\"title\":{\"ar\":\"متطوعون\"}}");
    assertThat(entry.statusCode()).as(entry.body()).isEqualTo(201);
    String listed = get(base, "/api/v1/organizations", null, token).body();
    assertThat(listed).contains("\"second\"").contains("\"sawa\"");

    // Refusals: problem+json with the right status, nothing created.
    HttpResponse<String> dup =
        post(base, token, "/api/v1/organizations", "{\"handle\":\"second\"}");
    assertThat(dup.statusCode()).isEqualTo(409);
    assertThat(dup.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/problem+json");
    assertThat(
            post(base, token, "/api/v1/organizations", "{\"handle\":\"Not A Handle\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            post(
                    base,
                    token,
                    "/api/v1/organizations",
                    "{\"handle\":\"third\",\"profile\":{\"name\":5}}")
                .statusCode())
        .isEqualTo(422);
    assertThat(
            post(base, "mdn_wrong", "/api/v1/organizations", "{\"handle\":\"fourth\"}")
                .statusCode())
        .isEqualTo(401);
    assertThat(get(base, "/orgs/third", "application/activity+json").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(URI base, String path, String accept) throws Exception {
    return get(base, path, accept, null);
  }

  private HttpResponse<String> get(URI base, String path, String accept, String token)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
    if (accept != null) b.header("Accept", accept);
    if (token != null) b.header("Authorization", "Bearer " + token);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(URI base, String token, String path, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
