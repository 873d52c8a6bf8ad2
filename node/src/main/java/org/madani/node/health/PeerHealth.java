package org.madani.node.health;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.madani.node.model.BreakerState;
import org.madani.node.model.DeliveryStats;
import org.madani.node.store.DeliveryRepository;
import org.madani.node.store.MirrorRepository.MirrorState;

/**
 * One consistent reading (one transaction) of delivery and mirror state.
 *
 * @param at when it was read
 * @param delivery the delivery queue's counts and per-host state
 * @param mirrors every origin whose log is mirrored here, with how far it is applied
 */
public record PeerHealth(Instant at, DeliveryStats delivery, List<MirrorState> mirrors) {

  public PeerHealth {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(delivery, "delivery");
    mirrors = List.copyOf(mirrors);
  }

  /**
   * A peer host with what we send it and what we mirror from it. A host we only deliver to has no
   * origins; a host we only mirror from (it never needed a delivery) has zero queued and a closed
   * breaker.
   *
   * @param origins mirrored origin actors served from this host; {@code appliedSeq} is the last
   *     sequence of that origin's log applied here
   */
  public record Peer(
      String host,
      long queued,
      Instant lastSuccess,
      Instant lastFailure,
      int consecutiveFailures,
      BreakerState breaker,
      Instant breakerOpenUntil,
      List<MirrorState> origins) {
    public Peer {
      origins = List.copyOf(origins);
    }
  }

  /** Delivery hosts and mirrored origins merged by host, sorted by host. */
  public List<Peer> peers() {
    Map<String, List<MirrorState>> byHost = new TreeMap<>();
    for (MirrorState m : mirrors)
      byHost.computeIfAbsent(hostOf(m.originActor()), h -> new ArrayList<>()).add(m);
    Map<String, Peer> out = new TreeMap<>();
    for (DeliveryStats.HostStats h : delivery.hosts()) {
      out.put(
          h.host(),
          new Peer(
              h.host(),
              h.queued(),
              h.lastSuccess(),
              h.lastFailure(),
              h.consecutiveFailures(),
              h.breaker(),
              h.breakerOpenUntil(),
              byHost.getOrDefault(h.host(), List.of())));
    }
    byHost.forEach(
        (host, origins) ->
            out.putIfAbsent(
                host, new Peer(host, 0, null, null, 0, BreakerState.CLOSED, null, origins)));
    return List.copyOf(out.values());
  }

  /** The same key {@link DeliveryRepository} keeps host health under, so both sides meet. */
  static String hostOf(String actor) {
    try {
      return DeliveryRepository.hostOf(URI.create(actor));
    } catch (IllegalArgumentException e) {
      return actor; // not an http(s) URL: cannot be merged; shown on its own
    }
  }
}
