package org.madani.node.federation.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.madani.node.model.PeerState;
import org.madani.node.model.SignatureScheme;

/**
 * Which hosts this worker last stored as healthy (breaker closed, no failures), with the scheme
 * they accepted and when that was written. While such a host keeps answering 2xx with the same
 * scheme, writing its {@code peer_host} row again changes nothing but {@code last_success}; the
 * worker skips that write for {@code rewriteAfter} and so records a burst of deliveries to a
 * hundred hosts without a row lock, read and write per host in every group commit.
 *
 * <p>What the skip can leave behind: {@code last_success} up to {@code rewriteAfter} old (it is
 * shown in the delivery stats only), and, where several node processes share one PostgreSQL queue,
 * a failure count another process stored for the host is reset that much later. Every failure,
 * refusal or scheme change this worker sees is written at once, as before.
 *
 * <p>Thread-safety: safe for use from the database threads the worker's group commits run on (one
 * at a time).
 */
final class HealthyHosts {

  /** Hosts remembered at most; past it the map is cleared (the next success writes again). */
  private static final int MAX_HOSTS = 10_000;

  private record Written(SignatureScheme scheme, Instant at) {}

  private final Duration rewriteAfter;
  private final Map<String, Written> hosts = new ConcurrentHashMap<>();

  HealthyHosts(Duration rewriteAfter) {
    this.rewriteAfter = rewriteAfter;
  }

  /** True when {@code host} was stored healthy with {@code scheme} less than rewriteAfter ago. */
  boolean stillHealthy(String host, SignatureScheme scheme, Instant now) {
    Written w = hosts.get(host);
    return w != null && w.scheme() == scheme && now.isBefore(w.at().plus(rewriteAfter));
  }

  /** Notes the state just stored for a host. */
  void written(PeerState stored, Instant now) {
    boolean healthy =
        stored.consecutiveFailures() == 0
            && stored.breakerOpenUntil() == null
            && stored.signatureScheme() != null;
    if (!healthy) {
      hosts.remove(stored.host());
      return;
    }
    if (hosts.size() >= MAX_HOSTS) hosts.clear();
    hosts.put(stored.host(), new Written(stored.signatureScheme(), now));
  }
}
