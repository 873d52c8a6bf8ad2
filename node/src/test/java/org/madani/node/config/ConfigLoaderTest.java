package org.madani.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  @Test
  void layers_defaultsThenFileThenEnvThenFlags() {
    ConfigLoader none = new ConfigLoader(Map.of());
    NodeConfig defaults = none.load(dir, ConfigLoader.Overrides.none());
    assertThat(defaults.port()).isEqualTo(8080);
    assertThat(defaults.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(defaults.devMode()).isFalse();

    none.save(new NodeConfig(dir, "127.0.0.1", 9000, null, false, 2048, 32));
    assertThat(none.load(dir, ConfigLoader.Overrides.none()).port()).isEqualTo(9000);

    ConfigLoader env = new ConfigLoader(Map.of("MADANI_PORT", "9100", "MADANI_DEV", "true"));
    assertThat(env.load(dir, ConfigLoader.Overrides.none()).port()).isEqualTo(9100);
    assertThat(env.load(dir, new ConfigLoader.Overrides(null, 9200, null, false, null)))
        .satisfies(
            c -> {
              assertThat(c.port()).isEqualTo(9200);
              assertThat(c.devMode()).isFalse();
            });
  }

  @Test
  void plainHttpBaseUrl_onlyInDevelopmentMode() {
    ConfigLoader l = new ConfigLoader(Map.of("MADANI_BASE_URL", "http://node.example.org"));
    assertThatThrownBy(() -> l.load(dir, ConfigLoader.Overrides.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
    assertThat(l.load(dir, new ConfigLoader.Overrides(null, null, null, true, null)).baseUrl())
        .hasToString("http://node.example.org");
  }

  @Test
  void badNumbersAreReportedByName() {
    assertThatThrownBy(
            () ->
                new ConfigLoader(Map.of("MADANI_PORT", "eighty"))
                    .load(dir, ConfigLoader.Overrides.none()))
        .hasMessageContaining("MADANI_PORT");
  }

  @Test
  void metricsToken_fromTheEnvironmentOnly_neverSavedOrPrinted() throws Exception {
    String token = "m".repeat(NodeConfig.MIN_METRICS_TOKEN);
    NodeConfig c =
        new ConfigLoader(Map.of("MADANI_METRICS_TOKEN", token))
            .load(dir, ConfigLoader.Overrides.none());
    assertThat(c.metricsToken()).isEqualTo(token);
    assertThat(c.toString()).doesNotContain(token).contains("metricsToken=set");
    assertThat(new ConfigLoader(Map.of()).load(dir, ConfigLoader.Overrides.none()).metricsToken())
        .isNull();
    java.nio.file.Files.createDirectories(dir);
    new ConfigLoader(Map.of()).save(c);
    assertThat(java.nio.file.Files.readString(dir.resolve(ConfigLoader.FILE_NAME)))
        .doesNotContain(token);
    assertThatThrownBy(
            () ->
                new ConfigLoader(Map.of("MADANI_METRICS_TOKEN", "short"))
                    .load(dir, ConfigLoader.Overrides.none()))
        .hasMessageContaining("metrics token");
  }
}
