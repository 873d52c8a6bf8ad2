package org.madani.node.federation.fetch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.util.List;

/**
 * Turns a host name into addresses. Injectable so that tests never touch real DNS, and so that a
 * node could use a dedicated resolver later.
 *
 * <p>Implementations must be thread-safe and must not block the calling thread.
 */
@FunctionalInterface
public interface HostResolver {

  /** All addresses for {@code host}; fails or returns an empty list if there are none. */
  Future<List<InetAddress>> resolve(String host);

  /**
   * The operating system's resolver, run on a worker thread because {@link
   * InetAddress#getAllByName} blocks. Unordered, so one slow lookup does not hold up others.
   */
  static HostResolver system(Vertx vertx) {
    return host -> vertx.executeBlocking(() -> List.of(InetAddress.getAllByName(host)), false);
  }
}
