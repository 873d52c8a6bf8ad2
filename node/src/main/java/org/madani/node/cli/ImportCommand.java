package org.madani.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.madani.node.config.NodeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Imports entry documents into a running node through its admin API ({@code POST
 * /api/v1/organizations/{handle}/entries/import}), in batches: each batch is one transaction on the
 * node and each entry is published like any other write (log item with proof, outbox, deliveries).
 * Unlike {@code token} or {@code init}, this talks to the node over HTTP, so the node keeps
 * serving.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import entries (JSON files or directories of them) into a running node, in batches.")
public final class ImportCommand implements Callable<Integer> {

  /**
   * Below the API's 1,000 per request and, for entries of a few KiB, below the 1 MiB body limit.
   */
  static final int BATCH = 200;

  static final int MAX_BATCH_BYTES = 900 * 1024;

  @Mixin DataDirOption options;

  @Option(names = "--handle", required = true, description = "The organization to import into.")
  String handle;

  @Option(
      names = "--url",
      description =
          "The node's base URL (default: http://<bind>:<port> from the data directory's settings).")
  URI url;

  @Option(
      names = "--token",
      description =
          "Admin API token (env MADANI_TOKEN; default: log in with the "
              + "data directory's initial-admin-credentials.txt).")
  String token;

  @Parameters(
      arity = "1..*",
      description =
          "Files holding an entry, an array of entries or {\"entries\": [...]}, "
              + "or directories of such *.json files.")
  List<Path> sources;

  private final ObjectMapper json = new ObjectMapper();
  // Made on first use: picocli constructs every command on every start, `serve` included, and a
  // client costs the default TLS context (~0.3 s of CPU) and a selector thread for the node's life.
  private HttpClient http;

  private HttpClient http() {
    if (http == null)
      http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
    return http;
  }

  @Override
  public Integer call() throws Exception {
    NodeConfig config = options.load();
    URI base =
        url != null
            ? url
            : URI.create(
                "http://"
                    + (config.bindAddress().contains(":")
                        ? "[" + config.bindAddress() + "]"
                        : config.bindAddress())
                    + ":"
                    + config.port());
    String bearer = token != null ? token : System.getenv("MADANI_TOKEN");
    if (bearer == null || bearer.isBlank()) bearer = login(base, config.dataDir());
    List<ObjectNode> entries = read();
    URI target = base.resolve("/api/v1/organizations/" + handle + "/entries/import");
    int done = 0;
    long started = System.nanoTime();
    List<ObjectNode> batch = new ArrayList<>();
    int bytes = 0;
    for (ObjectNode e : entries) {
      int size = json.writeValueAsBytes(e).length;
      if (!batch.isEmpty() && (batch.size() >= BATCH || bytes + size > MAX_BATCH_BYTES)) {
        done += send(target, bearer, batch, done);
        batch.clear();
        bytes = 0;
      }
      batch.add(e);
      bytes += size;
    }
    if (!batch.isEmpty()) done += send(target, bearer, batch, done);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("imported %d entries into %s in %.1f s%n", done, handle, seconds);
    return 0;
  }

  private int send(URI target, String bearer, List<ObjectNode> batch, int offset)
      throws IOException, InterruptedException {
    ObjectNode body = json.createObjectNode();
    ArrayNode arr = body.putArray("entries");
    batch.forEach(arr::add);
    HttpResponse<String> r =
        http()
            .send(
                HttpRequest.newBuilder(target)
                    .timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalArgumentException(
          "the node refused the batch starting at entry "
              + offset
              + " (HTTP "
              + r.statusCode()
              + "): "
              + r.body());
    }
    return json.readTree(r.body()).path("created").asInt();
  }

  private String login(URI base, Path dataDir) throws IOException, InterruptedException {
    Path file = dataDir.resolve(InitCommand.CREDENTIALS_FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "no --token, no MADANI_TOKEN and no " + file + " to log in with");
    }
    String user = null;
    String password = null;
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("user: ")) user = line.substring(6).strip();
      if (line.startsWith("password: ")) password = line.substring(10).strip();
    }
    ObjectNode body = json.createObjectNode().put("username", user).put("password", password);
    HttpResponse<String> r =
        http()
            .send(
                HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalArgumentException(
          "login with " + file + " failed (HTTP " + r.statusCode() + ")");
    }
    return json.readTree(r.body()).get("token").asText();
  }

  private List<ObjectNode> read() throws IOException {
    List<ObjectNode> out = new ArrayList<>();
    for (Path source : sources) {
      if (Files.isDirectory(source)) {
        try (Stream<Path> files = Files.list(source)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList())
            collect(f, out);
        }
      } else {
        collect(source, out);
      }
    }
    return out;
  }

  private void collect(Path file, List<ObjectNode> out) throws IOException {
    JsonNode doc = json.readTree(file.toFile());
    JsonNode list = doc.isArray() ? doc : doc.has("entries") ? doc.get("entries") : null;
    if (list == null && doc instanceof ObjectNode o) {
      out.add(o);
      return;
    }
    if (list == null || !list.isArray())
      throw new IllegalArgumentException(file + " holds no entry");
    for (JsonNode n : list) {
      if (!(n instanceof ObjectNode o))
        throw new IllegalArgumentException(file + " holds a non-object entry");
      out.add(o);
    }
  }
}
