package org.madani.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Layers configuration: built-in defaults, then {@code <dataDir>/node.json}, then {@code MADANI_*}
 * environment variables, then command-line flags ({@link Overrides}). Later layers win.
 */
public final class ConfigLoader {

  /** Values given on the command line; null means "not given". */
  public record Overrides(
      String bindAddress, Integer port, String baseUrl, Boolean devMode, Integer bodyLimitBytes) {
    public static Overrides none() {
      return new Overrides(null, null, null, null, null);
    }
  }

  public static final String FILE_NAME = "node.json";

  private final Map<String, String> env;
  private final ObjectMapper json = new ObjectMapper();

  public ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  public NodeConfig load(Path dataDir, Overrides flags) {
    String bind = NodeConfig.DEFAULT_BIND;
    int port = NodeConfig.DEFAULT_PORT;
    String baseUrl = null;
    boolean dev = false;
    int bodyLimit = NodeConfig.DEFAULT_BODY_LIMIT;
    String database = null;

    JsonNode file = readFile(dataDir.resolve(FILE_NAME));
    if (file != null) {
      bind = file.path("bindAddress").asText(bind);
      port = file.path("port").asInt(port);
      baseUrl = file.hasNonNull("baseUrl") ? file.get("baseUrl").asText() : baseUrl;
      dev = file.path("devMode").asBoolean(dev);
      bodyLimit = file.path("bodyLimitBytes").asInt(bodyLimit);
      database = file.hasNonNull("database") ? file.get("database").asText() : database;
    }

    bind = env.getOrDefault("MADANI_BIND", bind);
    port = envInt("MADANI_PORT", port);
    baseUrl = env.getOrDefault("MADANI_BASE_URL", baseUrl);
    dev = env.containsKey("MADANI_DEV") ? Boolean.parseBoolean(env.get("MADANI_DEV")) : dev;
    bodyLimit = envInt("MADANI_BODY_LIMIT", bodyLimit);
    database = env.getOrDefault("MADANI_DATABASE", database);

    if (flags.bindAddress() != null) bind = flags.bindAddress();
    if (flags.port() != null) port = flags.port();
    if (flags.baseUrl() != null) baseUrl = flags.baseUrl();
    if (flags.devMode() != null) dev = flags.devMode();
    if (flags.bodyLimitBytes() != null) bodyLimit = flags.bodyLimitBytes();

    return new NodeConfig(
        dataDir.toAbsolutePath().normalize(),
        bind,
        port,
        baseUrl == null || baseUrl.isBlank() ? null : URI.create(baseUrl),
        dev,
        bodyLimit,
        NodeConfig.DEFAULT_JSON_DEPTH,
        // Environment only, never node.json: save() must not write a secret next to the data.
        blankToNull(env.get("MADANI_METRICS_TOKEN")),
        blankToNull(database));
  }

  /** Writes the settings chosen at {@code init} so that {@code serve} needs no flags. */
  public void save(NodeConfig config) {
    ObjectNode node = json.createObjectNode();
    node.put("bindAddress", config.bindAddress());
    node.put("port", config.port());
    if (config.baseUrl() != null) node.put("baseUrl", config.baseUrl().toString());
    node.put("devMode", config.devMode());
    node.put("bodyLimitBytes", config.bodyLimitBytes());
    // A password never goes into node.json: MADANI_DATABASE_PASSWORD(_FILE) or ~/.pgpass holds it.
    if (config.database() != null) node.put("database", config.databaseWithoutPassword());
    try {
      Files.writeString(
          config.dataDir().resolve(FILE_NAME),
          json.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private int envInt(String name, int fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) return fallback;
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got '" + v + "'");
    }
  }

  private JsonNode readFile(Path path) {
    if (!Files.isRegularFile(path)) return null;
    try {
      return json.readTree(path.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
