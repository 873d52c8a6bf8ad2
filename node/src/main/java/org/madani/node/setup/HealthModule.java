package org.madani.node.setup;

import java.time.Clock;
import java.time.Duration;
import org.madani.node.health.NodeMetrics;
import org.madani.node.health.PeerHealthReader;
import org.madani.node.health.RuntimeMetrics;

/**
 * Peer state for the admin API and Prometheus series (GET /metrics, behind MADANI_METRICS_TOKEN).
 */
public record HealthModule(
    PeerHealthReader peerHealth, NodeMetrics metrics, RuntimeMetrics runtime) {

  public static HealthModule of(StoreModule store, Clock clock, boolean devMode) {
    PeerHealthReader peerHealth =
        new PeerHealthReader(store.db(), store.deliveries(), store.mirrors(), clock);
    NodeMetrics metrics =
        new NodeMetrics(peerHealth, clock, Duration.ofSeconds(devMode ? 1 : 15), 200);
    // JVM, process, HTTP (by route template) and database series beside Madani's own.
    store.db().instrument(metrics.registry());
    return new HealthModule(peerHealth, metrics, new RuntimeMetrics(metrics.registry()));
  }
}
