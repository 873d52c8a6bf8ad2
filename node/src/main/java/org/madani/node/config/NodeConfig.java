package org.madani.node.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a node needs to start, validated once. Built by {@link ConfigLoader} from defaults,
 * then the data directory's {@code node.json}, then environment, then flags.
 *
 * @param dataDir directory holding the H2 file, keys and node.json
 * @param bindAddress interface to listen on (127.0.0.1 unless told otherwise)
 * @param port TCP port; 0 picks a free one (tests)
 * @param baseUrl public URL under which this node's actors and pages are reachable
 * @param devMode permits plain http and loopback/private peers; off by default
 * @param bodyLimitBytes largest request body accepted (413 beyond)
 * @param maxJsonDepth deepest JSON nesting accepted (400 beyond)
 * @param metricsToken bearer token that unlocks {@code GET /metrics} (Prometheus); null keeps the
 *     endpoint off. Separate from admin tokens: a scraper's credential must not be able to change
 *     anything. Never printed by {@link #toString()}.
 * @param database a PostgreSQL database ({@code postgresql://user@host:port/name}) instead of the
 *     H2 file in the data directory; null (the default) keeps H2. Several node processes may share
 *     one PostgreSQL database (README).
 */
public record NodeConfig(
    Path dataDir,
    String bindAddress,
    int port,
    URI baseUrl,
    boolean devMode,
    int bodyLimitBytes,
    int maxJsonDepth,
    String metricsToken,
    String database) {

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_BODY_LIMIT = 1024 * 1024;
  public static final int DEFAULT_JSON_DEPTH = 32;

  /** A metrics token shorter than this is refused: it guards who this node talks to. */
  public static final int MIN_METRICS_TOKEN = 32;

  /** Without a metrics token: {@code /metrics} stays off. */
  public NodeConfig(
      Path dataDir,
      String bindAddress,
      int port,
      URI baseUrl,
      boolean devMode,
      int bodyLimitBytes,
      int maxJsonDepth) {
    this(dataDir, bindAddress, port, baseUrl, devMode, bodyLimitBytes, maxJsonDepth, null, null);
  }

  /** With a metrics token, on the default store (H2). */
  public NodeConfig(
      Path dataDir,
      String bindAddress,
      int port,
      URI baseUrl,
      boolean devMode,
      int bodyLimitBytes,
      int maxJsonDepth,
      String metricsToken) {
    this(
        dataDir,
        bindAddress,
        port,
        baseUrl,
        devMode,
        bodyLimitBytes,
        maxJsonDepth,
        metricsToken,
        null);
  }

  public NodeConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(bindAddress, "bindAddress");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (baseUrl != null) {
      String scheme = baseUrl.getScheme();
      if (!"https".equals(scheme) && !("http".equals(scheme) && devMode)) {
        throw new IllegalArgumentException(
            "base URL must use https (plain http only in development mode): " + baseUrl);
      }
      if (baseUrl.getHost() == null) {
        throw new IllegalArgumentException("base URL needs a host: " + baseUrl);
      }
      String s = baseUrl.toString();
      if (s.endsWith("/")) {
        baseUrl = URI.create(s.substring(0, s.length() - 1));
      }
    }
    if (bodyLimitBytes < 1024) {
      throw new IllegalArgumentException("body limit below 1 KiB: " + bodyLimitBytes);
    }
    if (maxJsonDepth < 4 || maxJsonDepth > 1000) {
      throw new IllegalArgumentException("JSON depth must be 4..1000: " + maxJsonDepth);
    }
    if (metricsToken != null
        && (metricsToken.length() < MIN_METRICS_TOKEN || !metricsToken.matches("[\\x21-\\x7e]+"))) {
      throw new IllegalArgumentException(
          "metrics token must be at least "
              + MIN_METRICS_TOKEN
              + " printable characters without spaces");
    }
    if (database != null && database.isBlank()) database = null;
    if (database != null && !database.matches("(jdbc:)?postgres(ql)?://.+")) {
      throw new IllegalArgumentException(
          "database must be a postgresql://user@host:port/name URL (or unset for H2)");
    }
  }

  /** The same configuration with the base URL filled in once the real port is known. */
  public NodeConfig withBaseUrl(URI url) {
    return new NodeConfig(
        dataDir,
        bindAddress,
        port,
        url,
        devMode,
        bodyLimitBytes,
        maxJsonDepth,
        metricsToken,
        database);
  }

  public NodeConfig withPort(int newPort) {
    return new NodeConfig(
        dataDir,
        bindAddress,
        newPort,
        baseUrl,
        devMode,
        bodyLimitBytes,
        maxJsonDepth,
        metricsToken,
        database);
  }

  public NodeConfig withMetricsToken(String token) {
    return new NodeConfig(
        dataDir,
        bindAddress,
        port,
        baseUrl,
        devMode,
        bodyLimitBytes,
        maxJsonDepth,
        token,
        database);
  }

  /** The same configuration on another store: a PostgreSQL URL, or null for the H2 file. */
  public NodeConfig withDatabase(String url) {
    return new NodeConfig(
        dataDir,
        bindAddress,
        port,
        baseUrl,
        devMode,
        bodyLimitBytes,
        maxJsonDepth,
        metricsToken,
        url);
  }

  /** The database URL without a password in it (for node.json and logs); null for H2. */
  public String databaseWithoutPassword() {
    return database == null
        ? null
        : database.replaceFirst("^((?:jdbc:)?postgres(?:ql)?://[^:/@?#]*):[^@/?#]*@", "$1@");
  }

  /** As the record's own, but the metrics token is never shown (configurations get logged). */
  @Override
  public String toString() {
    return "NodeConfig[dataDir="
        + dataDir
        + ", bindAddress="
        + bindAddress
        + ", port="
        + port
        + ", baseUrl="
        + baseUrl
        + ", devMode="
        + devMode
        + ", bodyLimitBytes="
        + bodyLimitBytes
        + ", maxJsonDepth="
        + maxJsonDepth
        + ", metricsToken="
        + (metricsToken == null ? "off" : "set")
        + ", database="
        + (database == null ? "h2" : databaseWithoutPassword())
        + "]";
  }

  public Path databaseFile() {
    return dataDir.resolve("madani");
  }

  public Path keysDir() {
    return dataDir.resolve("keys");
  }
}
