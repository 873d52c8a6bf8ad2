package org.madani.node.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.NodeProcess;
import org.madani.node.TestNode;

/**
 * Signing keys encrypted at rest, on a whole node (the jar, as an operator runs it; issue 11,
 * finding 14): {@code init} and {@code serve} with {@code MADANI_KEY_PASSPHRASE_FILE} write only
 * encrypted private keys into the data directory, and the node signs with them (a follower on
 * another node verifies its Accept); restarted with {@code MADANI_KEY_PASSPHRASE} instead, it still
 * signs (the follower receives and verifies its next entry). A wrong or missing passphrase stops
 * the start with one clear line, and the node never answers.
 */
class KeysAtRestIT {

  static final Duration WAIT = Duration.ofSeconds(90);
  static final String PASSPHRASE = "a long passphrase kept outside the data directory";

  @TempDir Path dir;
  Process node;

  @AfterEach
  void stop() throws Exception {
    if (node != null && node.isAlive()) {
      node.destroy();
      if (!node.waitFor(30, TimeUnit.SECONDS)) node.destroyForcibly();
    }
  }

  @Test
  void encryptedKeysOnDisk_signAfterRestart_andAWrongPassphraseFailsClearly() throws Exception {
    Path data = dir.resolve("data");
    Path secret = dir.resolve("secrets").resolve("key-passphrase");
    Files.createDirectories(secret.getParent());
    Files.writeString(secret, PASSPHRASE + "\n");
    Map<String, String> fileForm = Map.of("MADANI_KEY_PASSPHRASE_FILE", secret.toString());
    int port = NodeProcess.freePort();
    URI base = URI.create("http://127.0.0.1:" + port);
    NodeProcess.run(
        fileForm,
        "init",
        "--data-dir",
        data.toString(),
        "--handle",
        "sawa",
        "--dev",
        "--port",
        String.valueOf(port),
        "--recovery-key-out",
        dir.resolve("recovery.pem").toString());
    String token = NodeProcess.run(fileForm, "token", "--data-dir", data.toString()).strip();

    // Every private key in the data directory is PKCS#8 encrypted; the passphrase is nowhere in it.
    List<Path> keys;
    try (Stream<Path> s = Files.list(data.resolve("keys"))) {
      keys = s.filter(p -> p.toString().endsWith(".pem")).toList();
    }
    assertThat(keys).hasSizeGreaterThanOrEqualTo(2);
    for (Path k : keys) {
      String pem = Files.readString(k);
      assertThat(pem)
          .as(k.toString())
          .startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
          .doesNotContain("BEGIN PRIVATE KEY");
    }
    try (Stream<Path> all = Files.walk(data)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
            .as(f.toString())
            .doesNotContain(PASSPHRASE);
      }
    }

    try (TestNode follower = TestNode.start(dir.resolve("follower"), "nour", false)) {
      // Serve with the file form: the follower's Follow is answered with an Accept the node signed.
      node = NodeProcess.serve(data, dir.resolve("node.log"), fileForm);
      NodeProcess.awaitReady(base);
      String actor = base + "/orgs/sawa";
      HttpResponse<String> f =
          follower.api(
              "POST", "/api/v1/organizations/nour/following", "{\"actor\":\"" + actor + "\"}");
      assertThat(f.statusCode()).as(f.body()).isEqualTo(202);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  follower
                      .api("GET", "/api/v1/organizations/nour/following?state=accepted", null)
                      .body()
                      .contains(actor));
      stop();

      // Restart with the variable itself: the next entry is signed and verified by the follower.
      node =
          NodeProcess.serve(
              data, dir.resolve("node.log"), Map.of("MADANI_KEY_PASSPHRASE", PASSPHRASE));
      NodeProcess.awaitReady(base);
      HttpResponse<String> created =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(base.resolve("/api/v1/organizations/sawa/entries"))
                      .header("Authorization", "Bearer " + token)
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"kind\":\"article\",\"title\":{\"en\":\"Signed after restart\"}}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  follower
                      .get("/api/v1/directory?pageSize=50")
                      .body()
                      .contains("Signed after restart"));
      stop();
    }

    // A wrong passphrase, then none: the start stops with one line that says why.
    for (Map<String, String> env :
        List.of(Map.of("MADANI_KEY_PASSPHRASE", "not the passphrase"), Map.<String, String>of())) {
      Path log = dir.resolve("failed-" + env.size() + ".log");
      node = NodeProcess.serve(data, log, env);
      assertThat(node.waitFor(90, TimeUnit.SECONDS)).as("the node stops by itself").isTrue();
      assertThat(node.exitValue()).isNotZero();
      String out = Files.readString(log);
      assertThat(out)
          .contains("The node could not start: cannot read the signing keys of 'sawa'")
          .contains(env.isEmpty() ? "is encrypted" : "wrong passphrase");
    }
  }
}
