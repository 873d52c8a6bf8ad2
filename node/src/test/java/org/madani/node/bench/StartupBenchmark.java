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
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.NodeProcess;

/**
 * Time to ready and idle memory of the node jar started as the {@code ./madani} launcher starts it
 * (JVM settings from {@code ./madani jvm-opts}), beside a bare Vert.x 5 server started the same way
 * in the same run: from process start to the first 200 on {@code /readyz} (the bare server answers
 * any path), the CPU time used up to then, and the resident set size ({@code VmRSS}) after 30 s
 * idle. Each is started twice; the first start writes the class data (AOT cache on JDK 25+, CDS
 * archive before), the second (reported) maps it, as every start after the first does. Then {@code
 * ./madani demo} on the same data, warm, to the moment it has printed URL, handle and login. Writes
 * {@code benchmarks/startup.md}.
 */
class StartupBenchmark {

  static final Duration IDLE = Duration.ofSeconds(30);
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofMillis(200))
          .build();

  @TempDir Path dir;

  record Run(long readyMillis, long rssMiB, long firstReadyMillis, long cpuMillis) {}

  @Test
  void run() throws Exception {
    double loadBefore = load();
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

    Function<Boolean, List<String>> node =
        training -> {
          List<String> c = new ArrayList<>(List.of(java));
          c.addAll(withArchive(opts, dir.resolve("node.jsa"), training));
          c.addAll(
              List.of(
                  "-jar",
                  jar,
                  "serve",
                  "--data-dir",
                  data.toString(),
                  "--port",
                  String.valueOf(port),
                  "--dev"));
          return c;
        };
    Run madani = measure(node, URI.create("http://127.0.0.1:" + port + "/readyz"));

    // The bare server as a jar of its own (an AOT cache takes jars only, no class directories).
    Path bareJar = bareServerJar();
    int barePort = NodeProcess.freePort();
    Function<Boolean, List<String>> bare =
        training -> {
          List<String> c = new ArrayList<>(List.of(java));
          c.addAll(withArchive(opts, dir.resolve("bare.jsa"), training));
          c.addAll(
              List.of(
                  "-cp",
                  jar + File.pathSeparator + bareJar,
                  BareVertxServer.class.getName(),
                  String.valueOf(barePort)));
          return c;
        };
    Run vertx = measure(bare, URI.create("http://127.0.0.1:" + barePort + "/readyz"));
    // `./madani demo` on the same data: the second start is the warm one (jar built, class data
    // written by the first); measured to the last line it prints (URL, handle, login).
    demoStart(data, port);
    long demo = demoStart(data, port);
    write(opts, madani, vertx, demo, loadBefore);
  }

  /**
   * Runs {@code ./madani demo} and returns the milliseconds until it has printed the node's URL,
   * the organization's handle and the admin login; then stops it as Ctrl-C would.
   */
  long demoStart(Path data, int port) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(Path.of("..", "madani").toAbsolutePath().toString(), "demo")
            .redirectErrorStream(true);
    pb.environment().put("MADANI_DATA_DIR", data.toString());
    pb.environment().put("MADANI_PORT", String.valueOf(port));
    pb.environment().put("MADANI_LOG_FORMAT", "TEXT");
    long start = System.nanoTime();
    Process p = pb.start();
    List<String> seen = new ArrayList<>();
    var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
    try {
      String line;
      while ((line = out.readLine()) != null) {
        seen.add(line);
        if (line.contains("admin login:")) {
          long millis = (System.nanoTime() - start) / 1_000_000;
          String all = String.join("\n", seen);
          if (!all.contains("skipping the build")
              || !all.contains("http://127.0.0.1:" + port + "/")
              || !all.contains("@sawa@127.0.0.1:" + port)) {
            throw new AssertionError("unexpected demo output:\n" + all);
          }
          return millis;
        }
      }
      throw new AssertionError("demo ended early:\n" + String.join("\n", seen));
    } finally {
      // SIGTERM (Ctrl-C's effect): the launcher stops the node, which writes its class data.
      // Through the handle, which leaves the output open (Process.destroy closes it) until the
      // node is done writing.
      p.toHandle().destroy();
      out.transferTo(java.io.Writer.nullWriter());
      p.waitFor();
      out.close();
    }
  }

  /** {@link BareVertxServer} alone in a jar. */
  Path bareServerJar() throws Exception {
    String entry = BareVertxServer.class.getName().replace('.', '/') + ".class";
    Path jar = dir.resolve("bare-vertx-server.jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new java.util.jar.JarEntry(entry));
      out.write(Files.readAllBytes(Path.of("target", "test-classes").resolve(entry)));
      out.closeEntry();
    }
    return jar;
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

  /**
   * The launcher's options with this process's own class-data file: a CDS archive (JDK 21–24,
   * written and refreshed by the JVM itself) or an AOT cache (JDK 25+, recorded by the first start
   * and written when it stops, then mapped: {@code training} says which start this is).
   */
  static List<String> withArchive(List<String> opts, Path archive, boolean training) {
    return opts.stream()
        .map(
            o -> {
              if (o.startsWith("-XX:SharedArchiveFile=")) return "-XX:SharedArchiveFile=" + archive;
              if (o.startsWith("-XX:AOTCache=") || o.startsWith("-XX:AOTCacheOutput=")) {
                return (training ? "-XX:AOTCacheOutput=" : "-XX:AOTCache=") + archive;
              }
              return o;
            })
        .toList();
  }

  /** Two starts: the first writes the class-data file, the second (reported) maps it. */
  Run measure(Function<Boolean, List<String>> command, URI ready) throws Exception {
    long first = startOnce(command.apply(true), ready, false)[0];
    long[] second = startOnce(command.apply(false), ready, true);
    return new Run(second[0], second[1], first, second[2]);
  }

  /**
   * {ms to ready, RSS MiB after idle (or 0), CPU ms used up to ready}; stops the process with
   * SIGTERM (so the archive is written).
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
      long cpu = cpuMillis(p.pid());
      long rss = 0;
      if (idle) {
        Thread.sleep(IDLE.toMillis()); // the measurement itself: memory after a quiet half minute
        rss = rssKiB(p.pid()) / 1024;
      }
      return new long[] {readyMillis, rss, cpu};
    } finally {
      p.destroy();
      p.waitFor();
    }
  }

  /**
   * CPU time (user + system, all threads: JIT and GC included) the process has used so far: what
   * getting ready costs, less dependent than the wall time on what else the machine runs.
   */
  static long cpuMillis(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // fields 14, 15; 100 ticks/s
  }

  static long rssKiB(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
    throw new AssertionError("no VmRSS");
  }

  static double load() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  void write(List<String> opts, Run madani, Run bare, long demoMillis, double loadBefore)
      throws Exception {
    String table =
        String.format(
            """
        # Start-up and idle memory benchmark

        Produced by `./madani bench` (class `node/src/test/java/org/madani/node/bench/StartupBenchmark.java`)
        on %s, %d cores, Java %s; load average %.1f before and %.1f after (on a machine shared with
        other jobs, times to ready grow with the load; the CPU time to ready and RSS much less).
        JVM settings, from `./madani jvm-opts`: `%s` (each process its own class-data file).

        | measure | Madani node (`java -jar madani-node.jar serve`, demo data) | bare Vert.x 5 server, same settings |
        |---|---|---|
        | time to ready (process start → first 200 on `/readyz`), class data mapped | %,d ms | %,d ms |
        | CPU time used up to ready (all threads, JIT and GC included) | %,d ms | %,d ms |
        | time to ready on the very first start (class data written at exit) | %,d ms | %,d ms |
        | resident memory (VmRSS) after %d s idle | %d MiB | %d MiB |
        | `./madani demo`, warm (jar up to date, node initialized): start → URL, handle and login printed | %,d ms | |
        """,
            LocalDate.now(),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            loadBefore,
            load(),
            String.join(" ", opts),
            madani.readyMillis(),
            bare.readyMillis(),
            madani.cpuMillis(),
            bare.cpuMillis(),
            madani.firstReadyMillis(),
            bare.firstReadyMillis(),
            IDLE.toSeconds(),
            madani.rssMiB(),
            bare.rssMiB(),
            demoMillis);
    Path out = Path.of("..", "benchmarks", "startup.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    System.out.println(table);
  }
}
