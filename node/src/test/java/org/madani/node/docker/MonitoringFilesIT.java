package org.madani.node.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/'s Grafana dashboard and Prometheus alert rules parse, and every series they query exists
 * in a real scrape of a running node: JVM, process, HTTP (by route template, never raw path or
 * client address) and database series beside Madani's own.
 */
class MonitoringFilesIT {

  static final Path DOCKER = Path.of("..", "docker");
  static final String TOKEN = "metrics-token-for-the-monitoring-test-0123456789";
  static final Pattern SERIES =
      Pattern.compile("\\b((?:madani|jvm|process|system|http)_[a-z0-9_]+)\\b");

  @TempDir Path dir;
  TestNode node;

  @AfterEach
  void stop() {
    if (node != null) node.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void dashboardAndAlertsQueryOnlySeriesTheNodeServes() throws Exception {
    node = TestNode.start(dir.resolve("n"), "alef", false, c -> c.withMetricsToken(TOKEN));
    assertThat(node.get("/orgs/alef").statusCode()).isEqualTo(200);
    assertThat(node.get("/orgs/nobody-here").statusCode()).isEqualTo(404);
    assertThat(node.api("GET", node.entriesPath(), null).statusCode()).isEqualTo(200);
    System.gc(); // JVM GC pause series appear after a first collection

    Set<String> wanted = new TreeSet<>();
    // Alert rules: YAML, each rule named with an expression.
    Map<String, Object> alerts =
        new Yaml().load(Files.readString(DOCKER.resolve("prometheus/madani-alerts.yml")));
    for (Object g : (List<Object>) alerts.get("groups")) {
      for (Object r : (List<Object>) ((Map<String, Object>) g).get("rules")) {
        Map<String, Object> rule = (Map<String, Object>) r;
        assertThat(rule).containsKeys("alert", "expr");
        wanted.addAll(series((String) rule.get("expr")));
      }
    }
    // Dashboard: JSON, unique panel ids, every query against the provisioned data source.
    JsonNode dashboard =
        new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/madani-node.json").toFile());
    Map<String, Object> source =
        new Yaml()
            .load(
                Files.readString(
                    DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml")));
    String uid =
        (String)
            ((Map<String, Object>) ((List<Object>) source.get("datasources")).get(0)).get("uid");
    Set<Integer> ids = new TreeSet<>();
    for (JsonNode panel : dashboard.get("panels")) {
      assertThat(ids.add(panel.get("id").asInt())).isTrue();
      assertThat(panel.path("datasource").path("uid").asText()).isEqualTo(uid);
      for (JsonNode target : panel.get("targets"))
        wanted.addAll(series(target.get("expr").asText()));
    }
    for (JsonNode v : dashboard.path("templating").path("list"))
      wanted.addAll(series(v.path("definition").asText()));
    assertThat(wanted)
        .contains(
            "jvm_memory_used_bytes",
            "process_cpu_usage",
            "http_server_requests_seconds_bucket",
            "madani_db_transactions_seconds_count",
            "madani_db_pool_active_connections");

    List<String> missing = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              String text = scrape();
              missing.clear();
              for (String s : wanted) {
                if (!Pattern.compile("(?m)^" + s + "[{ ]").matcher(text).find()) missing.add(s);
              }
              assertThat(missing).as("series queried but not served").isEmpty();
            });

    String text = scrape();
    List<String> http =
        text.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).toList();
    assertThat(http)
        .anyMatch(l -> l.contains("route=\"/orgs/:handle\"") && l.contains("status=\"200\""));
    assertThat(http).anyMatch(l -> l.contains("status=\"404\""));
    assertThat(http)
        .noneMatch(l -> l.contains("alef") || l.contains("nobody-here") || l.contains("127.0.0.1"));
    Matcher routes = Pattern.compile("route=\"([^\"]*)\"").matcher(String.join("\n", http));
    while (routes.find()) assertThat(routes.group(1)).doesNotContain("?");
  }

  private String scrape() throws Exception {
    HttpResponse<String> r = node.get("/metrics", "Authorization", "Bearer " + TOKEN);
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private static Set<String> series(String expr) {
    Set<String> out = new TreeSet<>();
    Matcher m = SERIES.matcher(expr);
    while (m.find()) out.add(m.group(1));
    return out;
  }
}
