package org.madani.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JVM settings {@code ./madani} gives a node (README "Memory and start-up"; StartupBenchmark
 * measures with them). Runs the script itself: it starts no JVM for this.
 */
class LauncherTest {

  static List<String> jvmOpts(Map<String, String> env) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(Path.of("..", "madani").toAbsolutePath().toString(), "jvm-opts")
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertThat(p.waitFor()).as(out).isZero();
    return Arrays.asList(out.split("\\s+"));
  }

  @Test
  void deliberateSettings_andClassDataForThisJdk() throws Exception {
    List<String> opts = jvmOpts(Map.of());
    assertThat(opts)
        .contains(
            "-XX:+UseSerialGC",
            "-Xms16m",
            "-Xmx160m",
            "-XX:MaxDirectMemorySize=64m",
            "-Xss512k",
            "-XX:ReservedCodeCacheSize=48m",
            "-XX:MaxMetaspaceSize=128m",
            "-XX:TrimNativeHeapInterval=5000",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:-DontCompileHugeMethods");
    // The launcher picks the newest JDK it finds; these tests run on it.
    if (Runtime.version().feature() >= 25) {
      assertThat(opts)
          .anyMatch(o -> o.startsWith("-XX:AOTCache=") || o.startsWith("-XX:AOTCacheOutput="))
          .noneMatch(o -> o.startsWith("-XX:SharedArchiveFile="));
    } else {
      assertThat(opts).contains("-XX:+AutoCreateSharedArchive");
    }
  }

  @Test
  void heapCapAndExtraFlags_fromTheEnvironment() throws Exception {
    assertThat(jvmOpts(Map.of("MADANI_HEAP", "256m", "MADANI_JAVA_OPTS", "-XX:+PrintFlagsFinal")))
        .contains("-Xmx256m", "-XX:+PrintFlagsFinal")
        .doesNotContain("-Xmx160m");
  }
}
