package org.madani.node.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.madani.node.config.NodeConfig;
import picocli.CommandLine.Option;

/**
 * How a command reaches the RUNNING node's admin API: its URL (default: the data directory's
 * settings, on loopback when it listens on every address) and an admin token from a file or the
 * environment — never a command-line argument, which other users of the machine can read.
 */
public final class AdminClientOptions {

  @Option(names = "--url", description = "The running node's base URL (default: from node.json).")
  URI url;

  @Option(
      names = "--token-file",
      description = "A file holding an admin API token (or env MADANI_ADMIN_TOKEN).")
  Path tokenFile;

  HttpRequest.Builder request(NodeConfig config, String path) throws IOException {
    return HttpRequest.newBuilder(base(config).resolve(path))
        .timeout(Duration.ofMinutes(60))
        .header("Authorization", "Bearer " + token());
  }

  URI base(NodeConfig config) {
    if (url != null) return url;
    if (config.baseUrl() != null && !config.devMode()) return config.baseUrl();
    String bind = config.bindAddress();
    String host =
        bind.equals("0.0.0.0")
            ? "127.0.0.1"
            : bind.equals("::") ? "[::1]" : bind.contains(":") ? "[" + bind + "]" : bind;
    return URI.create("http://" + host + ":" + config.port());
  }

  /** True when a token was given, i.e. the command should talk to the running node. */
  boolean hasToken() {
    String env = System.getenv("MADANI_ADMIN_TOKEN");
    return tokenFile != null || (env != null && !env.isBlank());
  }

  private String token() throws IOException {
    String token =
        tokenFile != null
            ? Files.readString(tokenFile).strip()
            : System.getenv("MADANI_ADMIN_TOKEN");
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "give an admin API token: --token-file FILE or MADANI_ADMIN_TOKEN"
              + " (POST /api/v1/auth/login, or 'token' while the node is stopped)");
    }
    return token.strip();
  }
}
