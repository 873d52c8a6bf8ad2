package org.madani.node.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.NodeProcess;

/**
 * The real jar: a running node is backed up online (with keys, encrypted), written to further, then
 * killed with SIGKILL while a second backup is being downloaded. The killed backup leaves nothing
 * under its name; the last complete one restores into a new data directory, and a node started on
 * it serves every entry acknowledged before that backup, under the same keys.
 */
class BackupRestoreIT {

  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  final List<Process> processes = new ArrayList<>();
  final HttpClient http = HttpClient.newHttpClient();
  final SecureRandom random = new SecureRandom();

  @AfterEach
  void kill() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void killedBackupLeavesNothingAndTheLastCompleteOneRestores() throws Exception {
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
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, NodeProcess.run("token", "--data-dir", data.toString()).strip());
    String token = Files.readString(tokenFile);
    Path passphrase = dir.resolve("passphrase");
    Files.writeString(passphrase, "a long backup passphrase");

    URI base = URI.create("http://127.0.0.1:" + port);
    Process node = serve(data);
    NodeProcess.awaitReady(base);
    String actorKeysBefore = actorKeys(base);

    // Enough incompressible content that a download takes several seconds at the rate below.
    List<String> acknowledged = new ArrayList<>();
    for (int i = 0; i < 60; i++) acknowledged.add(createEntry(base, token, i));

    Path first = dir.resolve("first.madani-backup");
    NodeProcess.run(
        "backup",
        "--data-dir",
        data.toString(),
        "--token-file",
        tokenFile.toString(),
        "--out",
        first.toString(),
        "--include-keys",
        "--passphrase-file",
        passphrase.toString());
    assertThat(first).isRegularFile();
    assertThat(Files.readAllBytes(first)[0]).as("encrypted (CMS, DER)").isEqualTo((byte) 0x30);

    // Without --include-keys: no key in the archive.
    Path plain = dir.resolve("plain.zip");
    NodeProcess.run(
        "backup",
        "--data-dir",
        data.toString(),
        "--token-file",
        tokenFile.toString(),
        "--out",
        plain.toString());
    try (ZipFile zip = new ZipFile(plain.toFile())) {
      assertThat(zip.stream().map(e -> e.getName()).toList())
          .contains(BackupArchive.MANIFEST, BackupArchive.DATABASE, BackupArchive.NODE_JSON)
          .noneMatch(n -> n.startsWith("keys/"));
      assertThat(zip.getEntry(BackupArchive.DATABASE).getSize())
          .as("database copy size")
          .isGreaterThan(2_000_000);
    }

    for (int i = 0; i < 3; i++) createEntry(base, token, 100 + i); // after the first backup

    // A second backup, read slowly; the node is killed once it has begun to arrive.
    Path second = dir.resolve("second.madani-backup");
    Process backup =
        NodeProcess.start(
            dir.resolve("backup.log"),
            "backup",
            "--data-dir",
            data.toString(),
            "--token-file",
            tokenFile.toString(),
            "--out",
            second.toString(),
            "--include-keys",
            "--passphrase-file",
            passphrase.toString(),
            "--limit-rate",
            "150000");
    processes.add(backup);
    await().atMost(Duration.ofSeconds(60)).until(() -> !partials().isEmpty() || !backup.isAlive());
    assertThat(backup.isAlive()).as("the backup is still running when the node is killed").isTrue();
    node.destroyForcibly(); // SIGKILL
    node.waitFor();
    await().atMost(Duration.ofSeconds(60)).until(() -> !backup.isAlive());
    assertThat(backup.exitValue()).as(Files.readString(dir.resolve("backup.log"))).isNotZero();
    assertThat(second).doesNotExist();
    assertThat(partials()).isEmpty();

    // The last complete backup restores into a new data directory and serves.
    Path restored = dir.resolve("restored");
    NodeProcess.run(
        "restore",
        "--from",
        first.toString(),
        "--data-dir",
        restored.toString(),
        "--passphrase-file",
        passphrase.toString());
    assertThat(
            Files.getPosixFilePermissions(restored.resolve("keys").resolve("sawa-ed25519-1.pem")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    node = serve(restored);
    NodeProcess.awaitReady(base);
    for (String id : acknowledged) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.resolve("/api/v1/organizations/sawa/entries/" + id))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("entry %s after restore", id).isEqualTo(200);
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(base.resolve("/orgs/sawa/entries/" + id)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
    }
    assertThat(actorKeys(base)).isEqualTo(actorKeysBefore);
    // The restored node signs with the restored keys: its key rows point into the new directory.
    assertThat(Files.readString(dir.resolve("serve-restored.log")))
        .doesNotContain("NoSuchFileException");
  }

  private Process serve(Path data) throws Exception {
    Process p =
        NodeProcess.serve(
            data,
            dir.resolve(
                data.getFileName().toString().equals("data") ? "serve.log" : "serve-restored.log"));
    processes.add(p);
    return p;
  }

  private List<Path> partials() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
    }
  }

  private String actorKeys(URI base) throws Exception {
    JsonNode actor =
        JSON.readTree(
            http.send(
                    HttpRequest.newBuilder(base.resolve("/orgs/sawa"))
                        .header("Accept", "application/activity+json")
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    return actor.path("publicKey").toString() + actor.path("assertionMethod").toString();
  }

  private String createEntry(URI base, String token, int i) throws Exception {
    ObjectNode e = JSON.createObjectNode();
    e.put("kind", "need");
    e.put("category", "volunteers");
    e.putObject("title").put("ar", "متطوعون " + i);
    e.putObject("content").put("ar", noise()).put("en", noise());
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/organizations/sawa/entries"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(e)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("id").asText();
  }

  private String noise() {
    byte[] b = new byte[14_000];
    random.nextBytes(b);
    return Base64.getEncoder().encodeToString(b).replace('/', ' ');
  }
}
