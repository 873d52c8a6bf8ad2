package org.madani.node.setup;

import java.net.URI;
import org.madani.node.config.NodeConfig;

/**
 * The base URL the node's actor ids live under: the configured one, else (development mode) {@code
 * http://bind:port}, with a wildcard bind address read as localhost. The server and the offline
 * commands ask the same question here, so what one publishes the other serves.
 */
public final class NodeAddress {

  private NodeAddress() {}

  public static URI baseUrl(NodeConfig config) {
    if (config.baseUrl() != null) return config.baseUrl();
    return URI.create("http://" + hostForUrl(config.bindAddress()) + ":" + config.port());
  }

  private static String hostForUrl(String bind) {
    if (bind.equals("0.0.0.0") || bind.equals("::")) return "localhost";
    return bind.contains(":") ? "[" + bind + "]" : bind;
  }
}
