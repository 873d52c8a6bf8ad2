package org.madani.node.cli;

import java.nio.file.Path;
import org.madani.node.config.ConfigLoader;
import org.madani.node.config.NodeConfig;
import picocli.CommandLine.Option;

/** The options every command shares: where the data lives, and how the node is reached. */
public final class DataDirOption {

  @Option(
      names = "--data-dir",
      description = "Data directory (env MADANI_DATA_DIR; default ./madani-data).")
  Path dataDir;

  @Option(names = "--port", description = "TCP port (env MADANI_PORT; default 8080).")
  Integer port;

  @Option(
      names = "--bind",
      description = "Address to listen on (env MADANI_BIND; default 127.0.0.1).")
  String bind;

  @Option(
      names = "--base-url",
      description = "Public base URL, e.g. https://node.example.org (env MADANI_BASE_URL).")
  String baseUrl;

  @Option(
      names = "--dev",
      description = "Development mode: plain http and loopback peers allowed (env MADANI_DEV).")
  Boolean dev;

  @Option(
      names = "--database",
      description =
          "PostgreSQL database instead of the H2 file, "
              + "postgresql://user@host:port/name (env MADANI_DATABASE; password in MADANI_DATABASE_PASSWORD_FILE).")
  String database;

  Path dataDir() {
    if (dataDir != null) return dataDir;
    String env = System.getenv("MADANI_DATA_DIR");
    return Path.of(env != null && !env.isBlank() ? env : "madani-data");
  }

  NodeConfig load() {
    NodeConfig config =
        new ConfigLoader(System.getenv())
            .load(dataDir(), new ConfigLoader.Overrides(bind, port, baseUrl, dev, null));
    return database == null ? config : config.withDatabase(database);
  }
}
