package org.madani.node.model;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of the queue for the admin API and metrics.
 *
 * @param pending jobs not yet delivered or given up (including leased ones)
 * @param leased pending jobs a worker is sending right now
 * @param done delivered jobs still kept
 * @param dead jobs given up on
 * @param hosts every host with queued jobs or stored state, sorted by host
 */
public record DeliveryStats(
    long pending, long leased, long done, long dead, List<HostStats> hosts) {

  public DeliveryStats {
    hosts = List.copyOf(hosts);
  }

  /**
   * One host's queue depth and health.
   *
   * @param queued pending jobs for this host
   * @param breakerOpenUntil when an open breaker half-opens, or null when closed
   * @param signatureScheme the scheme the host last accepted, or null when not known
   */
  public record HostStats(
      String host,
      long queued,
      Instant lastSuccess,
      Instant lastFailure,
      int consecutiveFailures,
      BreakerState breaker,
      Instant breakerOpenUntil,
      SignatureScheme signatureScheme) {}
}
