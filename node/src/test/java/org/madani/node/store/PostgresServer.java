package org.madani.node.store;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, started from the machine's own binaries ({@code initdb},
 * {@code pg_ctl}: Debian's {@code postgresql} package, which {@code .ci/run} installs when missing)
 * in a temporary directory, listening on a free loopback port and a socket in that directory, and
 * stopped (and its directory deleted) when the test JVM exits. The harness does this itself, so
 * {@code ./madani test} needs no server set up beforehand on a fresh machine.
 *
 * <p>PostgreSQL refuses to run as root: as root the server runs as the {@code postgres} user when
 * it exists (Debian's package creates it), else {@code nobody}, through {@code runuser}, in a
 * directory handed to that user.
 *
 * <p>Speed over durability, for tests only: {@code fsync=off}. Authentication is {@code trust} on
 * loopback (no password travels; nothing else can reach the port).
 *
 * <p>One server per test JVM ({@link #shared()}); each node gets its own database ({@link
 * #createDatabase()}), so the tests stay independent as with one H2 file per node.
 *
 * <p>Thread-safety: {@link #createDatabase()} may be called from any thread.
 */
public final class PostgresServer {

  /** The system property that runs every node the integration tests start on PostgreSQL. */
  public static final String STORE_PROPERTY = "madani.test.store";

  private static PostgresServer shared;

  private final Path dir;
  private final Path bin;
  private final int port;
  private final List<String> asUser;
  private final AtomicInteger databases = new AtomicInteger();
  private static final String TEMPLATE = "madani_template";
  private boolean templateReady; // guarded by this

  private PostgresServer(Path dir, Path bin, int port, List<String> asUser) {
    this.dir = dir;
    this.bin = bin;
    this.port = port;
    this.asUser = asUser;
  }

  /**
   * Whether the tests were asked to run their nodes on PostgreSQL ({@code
   * -Dmadani.test.store=postgresql}).
   */
  public static boolean selected() {
    return "postgresql".equalsIgnoreCase(System.getProperty(STORE_PROPERTY, "h2"));
  }

  /** The server of this test JVM, started on first use. */
  public static synchronized PostgresServer shared() {
    if (shared == null) {
      try {
        shared = start();
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(
            "cannot start a PostgreSQL server for the tests: " + e.getMessage(), e);
      }
      PostgresServer s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "madani-test-postgres-stop"));
    }
    return shared;
  }

  /**
   * A new database on this server holding the current schema and nothing else, as a node's {@code
   * --database} URL. It is copied from a template database that Flyway migrated once per test JVM
   * (db/postgresql, the same run a node does on an empty database), so a node's own Flyway run
   * finds every version applied: a node starts in about 0.5 s instead of 1.2 s, over a hundred
   * nodes per suite. Tests that migrate an empty database themselves use {@link
   * #createEmptyDatabase()}.
   */
  public synchronized String createDatabase() {
    if (!templateReady) {
      String template = createEmptyDatabase(TEMPLATE);
      // Closing the pool ends its sessions: a template must have none while it is copied.
      Database.openPostgres(null, PostgresUrl.parse(template), null).close();
      templateReady = true;
    }
    return create(nextName(), " TEMPLATE " + TEMPLATE);
  }

  /** A new, empty database on this server (no schema), as a node's {@code --database} URL. */
  public String createEmptyDatabase() {
    return createEmptyDatabase(nextName());
  }

  private String createEmptyDatabase(String name) {
    return create(name, "");
  }

  private String nextName() {
    return "madani_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
  }

  private String create(String name, String options) {
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + options);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return "postgresql://madani@127.0.0.1:" + port + "/" + name;
  }

  /** A plain JDBC connection to one of this server's databases (for tests that look inside). */
  public Connection connect(String database) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "madani");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, p);
  }

  public int port() {
    return port;
  }

  private static PostgresServer start() throws IOException, InterruptedException {
    Path bin = binaries();
    Path dir = Files.createTempDirectory("madani-pg");
    Path data = dir.resolve("data");
    List<String> asUser = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      String user = userExists("postgres") ? "postgres" : "nobody";
      run(List.of("chown", "-R", user, dir.toString()), List.of());
      asUser.addAll(List.of("runuser", "-u", user, "--"));
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    run(
        List.of(
            bin.resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            "madani",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync"),
        asUser);
    PostgresServer server = new PostgresServer(dir, bin, port, asUser);
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            dir.resolve("server.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-p "
                + port
                + " -k "
                + dir
                + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=400",
            "start"),
        asUser);
    return server;
  }

  private void stop() {
    try {
      run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              dir.resolve("data").toString(),
              "-m",
              "immediate",
              "-w",
              "stop"),
          asUser);
    } catch (IOException | InterruptedException | IllegalStateException e) {
      System.err.println("stopping the test PostgreSQL server: " + e.getMessage());
    }
    // Tens of thousands of files (a database per node): removed by rm in the background, since a
    // test JVM gets 30 s to exit before Surefire kills it (a walk in Java took longer under load).
    try {
      new ProcessBuilder("rm", "-rf", dir.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException ignored) {
        // a temp directory left behind
      }
    }
  }

  /**
   * Where initdb and pg_ctl are: {@code -Dmadani.pg.bin} or {@code MADANI_PG_BIN}, else Debian's
   * newest {@code /usr/lib/postgresql/<version>/bin}, else {@code /usr/local/bin} or the PATH.
   */
  static Path binaries() {
    List<Path> candidates = new ArrayList<>();
    String given = System.getProperty("madani.pg.bin", System.getenv("MADANI_PG_BIN"));
    if (given != null && !given.isBlank()) candidates.add(Path.of(given));
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        versions
            .filter(v -> v.getFileName().toString().matches("\\d+"))
            .sorted(
                Comparator.comparingInt((Path v) -> Integer.parseInt(v.getFileName().toString()))
                    .reversed())
            .forEach(v -> candidates.add(v.resolve("bin")));
      } catch (IOException ignored) {
        // fall through to the other places
      }
    }
    candidates.add(Path.of("/usr/local/bin"));
    for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!p.isBlank()) candidates.add(Path.of(p));
    }
    for (Path c : candidates) {
      if (Files.isExecutable(c.resolve("initdb")) && Files.isExecutable(c.resolve("pg_ctl")))
        return c;
    }
    throw new IllegalStateException(
        "PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's "
            + "postgresql package (.ci/run does) or set MADANI_PG_BIN");
  }

  private static boolean userExists(String user) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("id", "-u", user).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }

  private static void run(List<String> command, List<String> asUser)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(asUser);
    full.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
    pb.environment().put("LC_ALL", "C");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }
}
