package org.madani.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.madani.node.store.PostgresServer;

/**
 * The real node jar ({@code node/target/madani-node.jar}, built before the integration tests) run
 * as separate processes, for tests that kill a node with SIGKILL or stop it with SIGTERM. On
 * PostgreSQL when the tests run their nodes there (see {@link #command}).
 */
public final class NodeProcess {
  private NodeProcess() {}

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Runs a command of the jar to completion (init, token, …) and returns what it printed. */
  public static String run(String... args) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command(args)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  /** Starts {@code serve} on a data directory, appending its output to {@code log}. */
  public static Process serve(Path data, Path log) throws IOException {
    return new ProcessBuilder(command("serve", "--data-dir", data.toString()))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  /**
   * Starts any command of the jar without waiting, its output (both streams) appended to {@code
   * log}.
   */
  public static Process start(Path log, String... args) throws IOException {
    return new ProcessBuilder(command(args))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  /** As {@link #run}, with extra environment variables (e.g. a key passphrase). */
  public static String run(java.util.Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    ProcessBuilder b =
        new ProcessBuilder(command(args)).redirectError(ProcessBuilder.Redirect.DISCARD);
    b.environment().putAll(env);
    Process p = b.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  /** As {@link #serve}, with extra environment variables. */
  public static Process serve(Path data, Path log, java.util.Map<String, String> env)
      throws IOException {
    ProcessBuilder b =
        new ProcessBuilder(command("serve", "--data-dir", data.toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    b.environment().putAll(env);
    return b.start();
  }

  public static void awaitReady(URI base) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () ->
                HTTP.send(
                            HttpRequest.newBuilder(base.resolve("/readyz")).build(),
                            HttpResponse.BodyHandlers.ofString())
                        .statusCode()
                    == 200);
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * The command line for the jar. Under {@code -Dmadani.test.store=postgresql} (the failsafe
   * execution "postgresql"), {@code init} without a {@code --database} gets a new database of the
   * test server, which init writes into node.json: every later command (serve, token, add-org…) on
   * that data directory then runs on PostgreSQL, as TestNode's in-JVM nodes do.
   */
  /**
   * JVM flags for the node processes of the tests, which live seconds to a minute: the client
   * compiler only and the serial collector. Measured on the node jar under load: {@code serve} used
   * 2 s of CPU to become ready instead of 5 s (C2 compiling code the test never runs long enough to
   * profit from), {@code init} 0.6 s instead of 1.1 s, and these tests start dozens of processes on
   * two cores. Not the production settings (the launcher chooses those): nothing here measures
   * speed. A node out of heap exits, as the launcher's do, so a test sees it die rather than a node
   * whose store H2 closed answering 500s until the test's bound runs out.
   */
  static final List<String> TEST_JVM_FLAGS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

  public static List<String> command(String... args) {
    String jar = System.getProperty("madani.nodeJar", "target/madani-node.jar");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx128m"));
    cmd.addAll(TEST_JVM_FLAGS);
    cmd.addAll(List.of("-jar", new File(jar).getAbsolutePath()));
    cmd.addAll(List.of(args));
    if (PostgresServer.selected()
        && args.length > 0
        && args[0].equals("init")
        && !cmd.contains("--database")) {
      cmd.addAll(List.of("--database", PostgresServer.shared().createDatabase()));
    }
    return cmd;
  }
}
