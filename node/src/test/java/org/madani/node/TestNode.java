package org.madani.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.madani.node.config.ConfigLoader;
import org.madani.node.config.NodeConfig;
import org.madani.node.setup.OfflineNode;
import org.madani.node.store.PostgresServer;
import org.madani.node.store.PostgresUrl;

/**
 * A real node for tests: a fresh data directory with a real H2 file, started in this JVM on a free
 * loopback port, spoken to over real HTTP. Several can run side by side.
 */
public final class TestNode implements AutoCloseable {

  public static final ObjectMapper JSON = new ObjectMapper();
  public static final Path EXAMPLES = Path.of("..", "examples");

  private final NodeConfig config;
  private final String handle;
  private final String token;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private MadaniNode node;

  private TestNode(NodeConfig config, String handle, String token, Clock clock) {
    this.clock = clock;
    this.config = config;
    this.handle = handle;
    this.token = token;
  }

  /** Initializes {@code dir} with one organization (the example one when {@code withExamples}). */
  public static TestNode start(Path dir, String handle, boolean withExamples) throws Exception {
    return start(dir, handle, withExamples, true, null, Clock.systemUTC());
  }

  /**
   * As {@link #start(Path, String, boolean)}, with a clock the test controls (e.g. {@link
   * MovableClock}).
   */
  public static TestNode start(Path dir, String handle, boolean withExamples, Clock clock)
      throws Exception {
    return start(dir, handle, withExamples, true, null, clock);
  }

  /**
   * A node with the given mode. Outside development mode a public base URL is required; requests
   * still go to the loopback port ({@link #local()}), as they would through a reverse proxy.
   */
  public static TestNode start(
      Path dir, String handle, boolean withExamples, boolean devMode, URI baseUrl)
      throws Exception {
    return start(dir, handle, withExamples, devMode, baseUrl, Clock.systemUTC());
  }

  public static TestNode start(
      Path dir, String handle, boolean withExamples, boolean devMode, URI baseUrl, Clock clock)
      throws Exception {
    return start(dir, handle, withExamples, devMode, baseUrl, clock, c -> c);
  }

  /** A development-mode node whose configuration {@code tune} adjusts (e.g. a metrics token). */
  public static TestNode start(
      Path dir,
      String handle,
      boolean withExamples,
      java.util.function.UnaryOperator<NodeConfig> tune)
      throws Exception {
    return start(dir, handle, withExamples, true, null, Clock.systemUTC(), tune);
  }

  public static TestNode start(
      Path dir,
      String handle,
      boolean withExamples,
      boolean devMode,
      URI baseUrl,
      Clock clock,
      java.util.function.UnaryOperator<NodeConfig> tune)
      throws Exception {
    NodeConfig config =
        tune.apply(
            new NodeConfig(
                dir,
                "127.0.0.1",
                0,
                baseUrl,
                devMode,
                NodeConfig.DEFAULT_BODY_LIMIT,
                NodeConfig.DEFAULT_JSON_DEPTH));
    // -Dmadani.test.store=postgresql (the failsafe execution "postgresql"): every node on its own
    // database of one real PostgreSQL server instead of an H2 file.
    if (PostgresServer.selected() && config.database() == null) {
      config = config.withDatabase(PostgresServer.shared().createDatabase());
    }
    Files.createDirectories(dir);
    if (config.database() == null) H2Template.copyTo(config.databaseFile());
    new ConfigLoader(java.util.Map.of()).save(config);
    String token;
    try (OfflineNode offline = new OfflineNode(config, Clock.systemUTC())) {
      ObjectNode profile =
          withExamples
              ? (ObjectNode) JSON.readTree(EXAMPLES.resolve("organization.json").toFile())
              : JSON.createObjectNode();
      if (!profile.has("name")) {
        profile.putObject("name").put("ar", "منظمة " + handle).put("en", "Organization " + handle);
      }
      // The recovery key goes where an admin would put it: outside the data directory.
      Files.writeString(
          recoveryKeyFile(dir), offline.createOrganization(handle, profile).recoveryPrivatePem());
      offline.admins().createAdminBlocking("admin", "correct horse battery staple".toCharArray());
      token = offline.admins().issueTokenBlocking("test");
      if (withExamples) {
        try (Stream<Path> files = Files.list(EXAMPLES.resolve("entries"))) {
          for (Path f : files.sorted().toList()) {
            OfflineNode.await(
                offline.entries().create(handle, (ObjectNode) JSON.readTree(f.toFile())));
          }
        }
      }
    }
    TestNode t = new TestNode(config, handle, token, clock);
    t.restart();
    return t;
  }

  /** Starts (again) on the same data directory, on the same port: its actor ids must not change. */
  public void restart() {
    NodeConfig c = port == 0 ? config : config.withPort(port);
    node = OfflineNode.await(MadaniNode.start(c, clock));
    port = node.port();
    base = node.baseUrl();
  }

  private int port;

  public void stop() {
    if (node != null) {
      try {
        node.close().get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      node = null;
    }
  }

  /** Where the test put the organization's recovery key: beside the data directory, not in it. */
  static Path recoveryKeyFile(Path dataDir) {
    return dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + "-recovery.OFFLINE.pem");
  }

  public Path recoveryKeyFile() {
    return recoveryKeyFile(config.dataDir());
  }

  /**
   * A JDBC connection to this node's store, for tests that read what it stored: its H2 file (opened
   * beside the running node, same JVM) or its database on the test PostgreSQL server.
   */
  public java.sql.Connection openDatabase() throws java.sql.SQLException {
    if (config.database() != null) {
      PostgresUrl url = PostgresUrl.parse(config.database());
      return java.sql.DriverManager.getConnection(
          url.jdbcUrl(), url.user(), url.password() == null ? "" : url.password());
    }
    return java.sql.DriverManager.getConnection(
        "jdbc:h2:file:" + config.databaseFile().toAbsolutePath(), "madani", "");
  }

  /** The node's public base URL; still known while it is stopped. */
  public URI base() {
    return base;
  }

  private URI base;

  /** Where the node actually listens (differs from {@link #base()} behind a public base URL). */
  public URI local() {
    return URI.create("http://127.0.0.1:" + node.port());
  }

  /**
   * Counts rows with plain SQL on the node's own database (its H2 file, or its PostgreSQL
   * database).
   */
  public long count(String sql) throws java.sql.SQLException {
    org.madani.node.store.PostgresUrl pg =
        config.database() == null
            ? null
            : org.madani.node.store.PostgresUrl.parse(config.database());
    try (var c =
            pg != null
                ? java.sql.DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())
                : java.sql.DriverManager.getConnection(
                    "jdbc:h2:file:" + config.databaseFile().toAbsolutePath(), "madani", "");
        var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The running node (for what only the process knows, such as its routes). */
  public MadaniNode node() {
    return node;
  }

  public String handle() {
    return handle;
  }

  public String token() {
    return token;
  }

  public String entriesPath() {
    return "/api/v1/organizations/" + handle + "/entries";
  }

  /** This node's organization actor id. */
  public String actor() {
    return base() + "/orgs/" + handle;
  }

  /**
   * This node's organization follows {@code other}'s and waits (up to {@code bound}) until the
   * follow is accepted.
   */
  public void follow(TestNode other, Duration bound) throws Exception {
    String path = "/api/v1/organizations/" + handle + "/following";
    HttpResponse<String> r = api("POST", path, "{\"actor\":\"" + other.actor() + "\"}");
    org.assertj.core.api.Assertions.assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    org.awaitility.Awaitility.await()
        .atMost(bound)
        .untilAsserted(
            () ->
                org.assertj.core.api.Assertions.assertThat(
                        json(api("GET", path, null)).get("items"))
                    .anySatisfy(
                        f -> {
                          org.assertj.core.api.Assertions.assertThat(f.get("actor").asText())
                              .isEqualTo(other.actor());
                          org.assertj.core.api.Assertions.assertThat(f.get("state").asText())
                              .isEqualTo("accepted");
                        }));
  }

  public HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    return send(request(path, headers).GET().build());
  }

  public HttpResponse<String> send(String method, String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.BodyPublisher pub =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    return send(request(path, headers).method(method, pub).build());
  }

  /** An authenticated JSON request. */
  public HttpResponse<String> api(String method, String path, String body, String... headers)
      throws IOException, InterruptedException {
    String[] all = new String[headers.length + 4];
    all[0] = "Authorization";
    all[1] = "Bearer " + token;
    all[2] = "Content-Type";
    all[3] = "application/json";
    System.arraycopy(headers, 0, all, 4, headers.length);
    return send(method, path, body, all);
  }

  public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  public HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(local().resolve(path)).timeout(Duration.ofSeconds(20));
    for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return b;
  }

  public static JsonNode json(HttpResponse<String> r) throws IOException {
    return JSON.readTree(r.body());
  }

  @Override
  public void close() {
    stop();
  }
}
