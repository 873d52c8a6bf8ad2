package org.madani.node.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real Fedify server (npm {@code @fedify/fedify}, the version pinned in {@code
 * node/src/test/fedify/<line>/package-lock.json}) run by Node.js as a child process on a loopback
 * port; see {@code node/src/test/fedify/peer.mjs}. Node.js missing is a failure, never a skip:
 * {@code .ci/run} installs it. Installs the pinned packages with {@code npm ci} when absent.
 */
final class FedifyPeer implements AutoCloseable {

  static final Path ROOT = Path.of("src", "test", "fedify");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final URI base;
  private final String version;
  private final HttpClient http = HttpClient.newHttpClient();
  private final StringBuilder stderr = new StringBuilder();

  private FedifyPeer(Process process, URI base, String version) {
    this.process = process;
    this.base = base;
    this.version = version;
  }

  /** Starts the peer of {@code line} (a folder under node/src/test/fedify, e.g. "fedify-1.5"). */
  static FedifyPeer start(String line) throws Exception {
    Path dir = ROOT.resolve(line).toAbsolutePath();
    if (!Files.isDirectory(dir.resolve("node_modules").resolve("@fedify").resolve("fedify"))) {
      Process npm =
          new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .start();
      String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        throw new IllegalStateException("npm ci failed in " + dir + ":\n" + out);
      }
    }
    Process p = new ProcessBuilder("node", "peer.mjs").directory(dir.toFile()).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return out.readLine();
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    String line1;
    try {
      line1 = first.get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IllegalStateException(
          "Fedify peer did not start: "
              + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8),
          e);
    }
    if (line1 == null) {
      throw new IllegalStateException(
          "Fedify peer exited: "
              + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
    JsonNode hello = JSON.readTree(line1);
    FedifyPeer peer =
        new FedifyPeer(
            p,
            URI.create("http://127.0.0.1:" + hello.get("port").asInt()),
            hello.get("version").asText());
    Thread.ofVirtual().start(peer::drainStderr);
    return peer;
  }

  private void drainStderr() {
    try (BufferedReader err =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String l; (l = err.readLine()) != null; ) {
        synchronized (stderr) {
          stderr.append(l).append('\n');
        }
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  String stderr() {
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  String version() {
    return version;
  }

  String actorId() {
    return base + "/users/alice";
  }

  /** The peer's inbox log, what its listeners handled, its followers and who accepted it. */
  JsonNode log() throws Exception {
    return control("log", "{}");
  }

  /** How Fedify's vocabulary reads the document at {@code uri} (type, keys, proof verified). */
  JsonNode lookup(String uri) throws Exception {
    return control("lookup", JSON.createObjectNode().put("uri", uri).toString());
  }

  JsonNode follow(String actor) throws Exception {
    return control("follow", JSON.createObjectNode().put("actor", actor).toString());
  }

  JsonNode post(String content) throws Exception {
    return control("post", JSON.createObjectNode().put("content", content).toString());
  }

  private JsonNode control(String what, String body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/_control/" + what))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(
          "Fedify control " + what + ": " + r.statusCode() + " " + r.body() + "\n" + stderr());
    }
    return JSON.readTree(r.body());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
