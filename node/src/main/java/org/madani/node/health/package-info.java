/**
 * Peer health as this node sees it: delivery state per peer host merged with mirror state per
 * followed origin, for the admin API ({@code GET /api/v1/federation/health}) and for Prometheus
 * ({@code GET /metrics}). Reads go through {@link org.madani.node.store.Database#tx} (worker
 * threads); metrics are served from a cached snapshot so a scraper never drives JDBC load.
 */
package org.madani.node.health;
