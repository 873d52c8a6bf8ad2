package org.madani.node.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yaml without a Docker engine: it validates against the Compose Specification's
 * JSON Schema (vendored in src/test/resources/compose-spec with its licence), every path it names
 * exists, and every port agrees with the node's settings, health check and the other services.
 */
class ComposeFileTest {

  static final Path DOCKER = Path.of("..", "docker");
  static final Set<String> NODES = Set.of("alpha", "beta", "gamma", "hub");

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(Path file) throws IOException {
    return (Map<String, Object>) new Yaml().load(Files.readString(file));
  }

  static OutputUnit validate(Map<String, Object> compose) throws IOException {
    JsonObject schema;
    try (InputStream in =
        ComposeFileTest.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
      schema = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    Validator v =
        Validator.create(
            JsonSchema.of(schema),
            new JsonSchemaOptions()
                .setDraft(Draft.DRAFT7)
                .setBaseUri("https://madani.test/")
                .setOutputFormat(OutputFormat.Basic));
    return v.validate(new JsonObject(compose));
  }

  @Test
  void validatesAgainstTheComposeSpecification() throws IOException {
    OutputUnit result = validate(yaml(DOCKER.resolve("compose.yaml")));
    assertThat(result.getValid()).as(String.valueOf(result.getErrors())).isTrue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSchemaCheckCanFail() throws IOException {
    // A typo'd key and a wrong type: the same validator must refuse them.
    Map<String, Object> broken = yaml(DOCKER.resolve("compose.yaml"));
    Map<String, Object> alpha =
        (Map<String, Object>) ((Map<String, Object>) broken.get("services")).get("alpha");
    alpha.put("helthcheck", Map.of("test", "true"));
    assertThat(validate(broken).getValid()).isFalse();
    Map<String, Object> wrongType = yaml(DOCKER.resolve("compose.yaml"));
    ((Map<String, Object>) ((Map<String, Object>) wrongType.get("services")).get("beta"))
        .put("restart", false);
    assertThat(validate(wrongType).getValid()).isFalse();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theHubKeepsItsDataInPostgreSqlOfItsOwnService() throws IOException {
    Map<String, Object> services =
        (Map<String, Object>) yaml(DOCKER.resolve("compose.yaml")).get("services");
    Map<String, Object> hub = (Map<String, Object>) services.get("hub");
    Map<String, Object> env = (Map<String, Object>) hub.get("environment");
    URI database =
        URI.create(((String) env.get("MADANI_DATABASE")).replaceFirst("^postgresql:", "http:"));
    assertThat(services).containsKey(database.getHost());
    Map<String, Object> db = (Map<String, Object>) services.get(database.getHost());
    assertThat((String) db.get("image")).startsWith("postgres:");
    assertThat((Map<String, Object>) hub.get("depends_on"))
        .containsEntry(database.getHost(), Map.of("condition", "service_healthy"));
    assertThat(db).doesNotContainKey("ports"); // the database is reached by the hub only
    // The three nodes stay on the embedded default.
    for (String n : List.of("alpha", "beta", "gamma")) {
      assertThat((Map<String, Object>) ((Map<String, Object>) services.get(n)).get("environment"))
          .doesNotContainKey("MADANI_DATABASE");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyPathVolumeSecretAndDependencyExists() throws IOException {
    Map<String, Object> compose = yaml(DOCKER.resolve("compose.yaml"));
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    Set<String> volumes = ((Map<String, Object>) compose.get("volumes")).keySet();
    Set<String> secrets = ((Map<String, Object>) compose.get("secrets")).keySet();
    assertThat(services).containsKeys("alpha", "beta", "gamma", "hub", "introductions");
    int builds = 0;
    for (var e : services.entrySet()) {
      Map<String, Object> s = (Map<String, Object>) e.getValue();
      if (s.get("build") instanceof Map<?, ?> build) {
        Path context = DOCKER.resolve((String) build.get("context")).normalize();
        assertThat(context.resolve("pom.xml"))
            .as("build context of %s", e.getKey())
            .isRegularFile();
        assertThat(context.resolve((String) build.get("dockerfile"))).isRegularFile();
        builds++;
      }
      for (Object v : (List<Object>) s.getOrDefault("volumes", List.of())) {
        String source = ((String) v).split(":")[0];
        if (source.startsWith(".")) {
          assertThat(DOCKER.resolve(source).normalize())
              .as("bind mount of %s", e.getKey())
              .exists();
        } else {
          assertThat(volumes).as("named volume of %s", e.getKey()).contains(source);
        }
      }
      for (Object secret : (List<Object>) s.getOrDefault("secrets", List.of())) {
        assertThat(secrets).contains((String) secret);
      }
      Object deps = s.get("depends_on");
      Set<String> needed =
          deps instanceof Map<?, ?> m
              ? (Set<String>) m.keySet()
              : deps == null ? Set.of() : new HashSet<>((List<String>) deps);
      assertThat(services.keySet()).as("depends_on of %s", e.getKey()).containsAll(needed);
    }
    assertThat(builds).as("one service builds the image the others use").isEqualTo(1);
    assertThat(Files.readString(DOCKER.resolve("introduce.sh")))
        .contains("--token-file \"/peers/$1/admin-token\"");
  }

  @Test
  @SuppressWarnings("unchecked")
  void portsAgree() throws IOException {
    Map<String, Object> compose = yaml(DOCKER.resolve("compose.yaml"));
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    Set<Integer> hostPorts = new HashSet<>();
    Pattern published = Pattern.compile("127\\.0\\.0\\.1:(\\d+):(\\d+)");
    Map<String, Integer> nodePorts = new java.util.HashMap<>();
    for (var e : services.entrySet()) {
      Map<String, Object> s = (Map<String, Object>) e.getValue();
      List<Integer> containerPorts = new ArrayList<>();
      for (Object p : (List<Object>) s.getOrDefault("ports", List.of())) {
        Matcher m = published.matcher((String) p);
        assertThat(m.matches()).as("%s publishes %s on loopback only", e.getKey(), p).isTrue();
        assertThat(hostPorts.add(Integer.parseInt(m.group(1))))
            .as("host port %s used once", m.group(1))
            .isTrue();
        containerPorts.add(Integer.parseInt(m.group(2)));
      }
      if (!NODES.contains(e.getKey())) continue;
      Map<String, Object> env = (Map<String, Object>) s.get("environment");
      int port = Integer.parseInt((String) env.get("MADANI_PORT"));
      nodePorts.put(e.getKey(), port);
      assertThat(containerPorts)
          .as("%s publishes the port it listens on", e.getKey())
          .containsExactly(port);
      URI base = URI.create((String) env.get("MADANI_BASE_URL"));
      assertThat(base.getHost()).isEqualTo(e.getKey());
      assertThat(base.getPort()).isEqualTo(port);
      assertThat(env.get("MADANI_HANDLE")).isEqualTo(e.getKey());
      String check =
          String.join(" ", (List<String>) ((Map<String, Object>) s.get("healthcheck")).get("test"));
      assertThat(check).contains("/dev/tcp/127.0.0.1/" + port).contains("GET /readyz");
    }
    assertThat(Files.readString(DOCKER.resolve("Dockerfile")))
        .contains("EXPOSE 8080")
        .contains("MADANI_PORT=8080");
    // Prometheus scrapes each node where it listens; introduce.sh reaches them the same way.
    Map<String, Object> prometheus = yaml(DOCKER.resolve("prometheus/prometheus.yml"));
    List<String> targets = new ArrayList<>();
    for (Object job : (List<Object>) prometheus.get("scrape_configs")) {
      for (Object sc : (List<Object>) ((Map<String, Object>) job).get("static_configs")) {
        targets.addAll((List<String>) ((Map<String, Object>) sc).get("targets"));
      }
    }
    assertThat(targets)
        .containsExactlyInAnyOrderElementsOf(
            nodePorts.entrySet().stream().map(n -> n.getKey() + ":" + n.getValue()).toList());
    String introduce = Files.readString(DOCKER.resolve("introduce.sh"));
    assertThat(nodePorts.values())
        .allMatch(
            p -> introduce.contains("http://$1:" + p) && introduce.contains("http://$2:" + p));
  }
}
