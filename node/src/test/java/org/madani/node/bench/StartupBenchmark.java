package org.madani.node.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.NodeProcess;

/**
 * Time to ready and idle memory of the node jar started as the {@code ./madani} launcher starts it
 * (JVM settings from {@code ./madani jvm-opts}), beside a bare Vert.x 5 server started the same way
 * in the same run: from process start to the first 200 on {@code /readyz} (the bare server answers
 * any path), then the resident set size ({@code VmRSS}) after 30 s idle. Each is started twice; the
 * first start writes the class-data-sharing archive, the second (reported) maps it, as every start
 * after the first does. Writes {@code benchmarks/startup.md}.
 */
class StartupBenchmark {

  static final Duration IDLE = Duration.ofSeconds(30);
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofMillis(200))
          .build();

  @TempDir Path dir;

  record Run(long readyMillis, long rssMiB, long firstReadyMillis) {}

  @Test
  void run() throws Exception {
    List<String> opts = launcherOptions();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar =
        new File(System.getProperty("madani.nodeJar", "target/madani-node.jar")).getAbsolutePath();
    int port = NodeProcess.freePort();
    Path data = dir.resolve("data");
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
        Path.of("..", "examples").toAbsolutePath().toString());

    List<String> node = new ArrayList<>(List.of(java));
    node.addAll(withArchive(opts, dir.resolve("node.jsa")));
    node.addAll(
        List.of(
            "-jar",
            jar,
            "serve",
            "--data-dir",
            data.toString(),
            "--port",
            String.valueOf(port),
            "--dev"));
    Run madani = measure(node, URI.create("http://127.0.0.1:" + port + "/readyz"));

    int barePort = NodeProcess.freePort();
    List<String> bare = new ArrayList<>(List.of(java));
    bare.addAll(withArchive(opts, dir.resolve("bare.jsa")));
    bare.addAll(
        List.of(
            "-cp",
            jar + File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath(),
            BareVertxServer.class.getName(),
            String.valueOf(barePort)));
    Run vertx = measure(bare, URI.create("http://127.0.0.1:" + barePort + "/readyz"));
    write(opts, madani, vertx);
  }

  /** The launcher's JVM settings, so that the benchmark measures what users run. */
  static List<String> launcherOptions() throws Exception {
    Process p =
        new ProcessBuilder(Path.of("..", "madani").toAbsolutePath().toString(), "jvm-opts")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    if (p.waitFor() != 0 || out.isEmpty()) throw new AssertionError("./madani jvm-opts failed");
    return Arrays.stream(out.split("\\s+")).toList();
  }

  static List<String> withArchive(List<String> opts, Path archive) {
    return opts.stream()
        .map(o -> o.startsWith("-XX:SharedArchiveFile=") ? "-XX:SharedArchiveFile=" + archive : o)
        .toList();
  }

  Run measure(List<String> command, URI ready) throws Exception {
    long first = startOnce(command, ready, false)[0];
    long[] second = startOnce(command, ready, true);
    return new Run(second[0], second[1], first);
  }

  /**
   * {ms to ready, RSS MiB after idle (or 0)}; stops the process with SIGTERM (so the archive is
   * written).
   */
  long[] startOnce(List<String> command, URI ready, boolean idle) throws Exception {
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.log").toFile())
            .start();
    try {
      while (true) {
        if (!p.isAlive())
          throw new AssertionError("exited: " + Files.readString(dir.resolve("out.log")));
        try {
          if (http.send(
                      HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(1)).build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode()
              == 200) break;
        } catch (java.io.IOException notYet) {
          // not listening yet
        }
        Thread.sleep(10);
      }
      long readyMillis = (System.nanoTime() - start) / 1_000_000;
      long rss = 0;
      if (idle) {
        Thread.sleep(IDLE.toMillis()); // the measurement itself: memory after a quiet half minute
        rss = rssKiB(p.pid()) / 1024;
      }
      return new long[] {readyMillis, rss};
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  static long rssKiB(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
    throw new AssertionError("no VmRSS");
  }

  void write(List<String> opts, Run madani, Run bare) throws Exception {
    double load =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    String table =
        String.format(
            """
        # Start-up and idle memory benchmark

        Produced by `./madani bench` (class `node/src/test/java/org/madani/node/bench/StartupBenchmark.java`)
        on %s, %d cores, Java %s; load average %.1f at the end (the machine was shared with other jobs:
        times to ready grow with the load, RSS much less). JVM settings, from `./madani jvm-opts`:
        `%s` (each process its own class-data archive).

        | measure | Madani node (`java -jar madani-node.jar serve`, demo data) | bare Vert.x 5 server, same settings |
        |---|---|---|
        | time to ready (process start → first 200 on `/readyz`), archive mapped | %,d ms | %,d ms |
        | time to ready on the very first start (archive written at exit) | %,d ms | %,d ms |
        | resident memory (VmRSS) after %d s idle | %d MiB | %d MiB |
        """,
            LocalDate.now(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            load,
            String.join(" ", opts),
            madani.readyMillis(),
            bare.readyMillis(),
            madani.firstReadyMillis(),
            bare.firstReadyMillis(),
            IDLE.toSeconds(),
            madani.rssMiB(),
            bare.rssMiB());
    Path out = Path.of("..", "benchmarks", "startup.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    System.out.println(table);
  }
}
