package org.madani.node.setup.web;

import org.madani.node.config.NodeConfig;
import org.madani.node.http.HealthRoutes;
import org.madani.node.http.HttpMetrics;
import org.madani.node.http.MetricsRoutes;
import org.madani.node.setup.HealthModule;
import org.madani.node.setup.StoreModule;
import org.madani.node.store.DatabaseCheck;

/** Liveness and readiness, HTTP series by route template, and {@code GET /metrics}. */
public record OperationsWeb(HttpMetrics httpMetrics, HealthRoutes health, MetricsRoutes metrics) {

  public static OperationsWeb of(NodeConfig config, StoreModule store, HealthModule health) {
    return new OperationsWeb(
        new HttpMetrics(health.metrics().registry()),
        new HealthRoutes(new DatabaseCheck(store.db())::ping),
        new MetricsRoutes(health.metrics(), config.metricsToken()));
  }
}
