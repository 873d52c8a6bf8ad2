package org.madani.node.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.madani.node.federation.delivery.DeliveryOutcome;
import org.madani.node.model.BreakerState;
import org.madani.node.store.MirrorRepository.MirrorState;

/**
 * This node's Prometheus metrics: counters fed by the inbox and the delivery worker as things
 * happen, and per-peer gauges set from a cached {@link PeerHealth} snapshot.
 *
 * <p>The snapshot is read at most once per {@code maxAge}, on the database's worker threads and
 * only when someone scrapes: a scraper polling every second costs one read per {@code maxAge},
 * never JDBC on the event loop. Label cardinality is bounded: at most {@code maxSeries} peer hosts
 * (those with the deepest queues, then the most failures) and as many mirrored origins; {@code
 * madani_peer_hosts} tells how many there are in all. Inbox refusal reasons are a fixed set.
 *
 * <p>One registry per node (no global registry): several nodes run in one JVM. Thread-safe.
 */
public final class NodeMetrics {

  /** Problem slugs the inbox answers with; any other reason is counted as {@code other}. */
  static final Set<String> INBOX_REASONS =
      Set.of(
          "refused-peer",
          "signature",
          "origin",
          "bad-request",
          "malformed-json",
          "json-limits",
          "rate-limited",
          "unsupported-media-type",
          "gone",
          "error");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final PeerHealthReader reader;
  private final Clock clock;
  private final Duration maxAge;
  private final int maxSeries;
  private final Map<DeliveryOutcome, Counter> deliveries = new EnumMap<>(DeliveryOutcome.class);
  private final Counter stored;
  private final Counter duplicate;
  private final Map<String, Counter> refused = new ConcurrentHashMap<>();
  private final MultiGauge queued;
  private final MultiGauge failures;
  private final MultiGauge breakerOpen;
  private final MultiGauge sinceSuccess;
  private final MultiGauge appliedSeq;
  private final MultiGauge sinceSync;
  private final MultiGauge jobs;
  private final AtomicReference<PeerHealth> snapshot = new AtomicReference<>();
  private Future<PeerHealth> refreshing; // guarded by this
  private volatile int peerCount;

  public NodeMetrics(PeerHealthReader reader, Clock clock, Duration maxAge, int maxSeries) {
    if (maxSeries < 1) throw new IllegalArgumentException("maxSeries < 1");
    this.reader = reader;
    this.clock = clock;
    this.maxAge = maxAge;
    this.maxSeries = maxSeries;
    for (DeliveryOutcome o : DeliveryOutcome.values()) {
      String name =
          switch (o) {
            case DELIVERED -> "done";
            case FAILED -> "failed";
            case DEAD -> "dead";
          };
      deliveries.put(
          o,
          Counter.builder("madani.deliveries")
              .tag("outcome", name)
              .description(
                  "Delivery attempts recorded: done (accepted), failed (retried later), dead (given up)")
              .register(registry));
    }
    stored =
        Counter.builder("madani.inbox.accepted")
            .tag("result", "stored")
            .description("Signed activities accepted by the inbox (202)")
            .register(registry);
    duplicate =
        Counter.builder("madani.inbox.accepted")
            .tag("result", "duplicate")
            .description("Signed activities accepted by the inbox (202)")
            .register(registry);
    for (String reason : INBOX_REASONS) refusedCounter(reason);
    refusedCounter("other");
    queued =
        MultiGauge.builder("madani.peer.queued.deliveries")
            .description("Deliveries waiting for this peer host")
            .register(registry);
    failures =
        MultiGauge.builder("madani.peer.consecutive.failures")
            .description("Failed deliveries to this host since it last answered properly")
            .register(registry);
    breakerOpen =
        MultiGauge.builder("madani.peer.breaker.open")
            .description(
                "1 while the host's circuit breaker is open or half-open (not yet proven healthy), 0 when closed")
            .register(registry);
    sinceSuccess =
        MultiGauge.builder("madani.peer.last.success.age")
            .baseUnit("seconds")
            .description("Seconds since the host last accepted a delivery; NaN when it never did")
            .register(registry);
    appliedSeq =
        MultiGauge.builder("madani.mirror.applied.sequence")
            .description("Last sequence of the origin's signed log mirrored and applied here")
            .register(registry);
    sinceSync =
        MultiGauge.builder("madani.mirror.last.sync.age")
            .baseUnit("seconds")
            .description("Seconds since the origin's log was last caught up; NaN when never")
            .register(registry);
    jobs =
        MultiGauge.builder("madani.delivery.jobs")
            .description("Delivery jobs kept, by state (pending includes leased)")
            .register(registry);
    registry.gauge("madani.peer.hosts", Tags.empty(), this, m -> m.peerCount);
  }

  /** The node's own registry, for the JVM, HTTP and database series beside Madani's. */
  public io.micrometer.core.instrument.MeterRegistry registry() {
    return registry;
  }

  private Counter refusedCounter(String reason) {
    return refused.computeIfAbsent(
        reason,
        r ->
            Counter.builder("madani.inbox.refused")
                .tag("reason", r)
                .description("Activities the inbox refused, by problem type")
                .register(registry));
  }

  /** Counts a recorded delivery outcome. Safe from any thread. */
  public void delivery(DeliveryOutcome outcome) {
    deliveries.get(outcome).increment();
  }

  /** Counts an activity the inbox accepted ({@code duplicate}: already stored before). */
  public void inboxAccepted(boolean isDuplicate) {
    (isDuplicate ? duplicate : stored).increment();
  }

  /** Counts an inbox refusal by its problem slug; unknown slugs count as {@code other}. */
  public void inboxRefused(String slug) {
    refusedCounter(slug != null && INBOX_REASONS.contains(slug) ? slug : "other").increment();
  }

  /** The Prometheus text exposition, with gauges no older than {@code maxAge}. */
  public Future<String> scrape() {
    return fresh().map(h -> registry.scrape());
  }

  /** The cached snapshot if young enough, else one shared read (concurrent scrapes wait for it). */
  synchronized Future<PeerHealth> fresh() {
    PeerHealth current = snapshot.get();
    if (current != null && Duration.between(current.at(), clock.instant()).compareTo(maxAge) < 0) {
      return Future.succeededFuture(current);
    }
    if (refreshing != null) return refreshing;
    Promise<PeerHealth> done = Promise.promise();
    refreshing = done.future();
    Future<PeerHealth> read;
    try {
      read = reader.read();
    } catch (RuntimeException e) { // a closed database refuses synchronously
      read = Future.failedFuture(e);
    }
    read.onSuccess(this::publish)
        .onComplete(
            ar -> {
              synchronized (this) {
                refreshing = null;
              }
              done.handle(ar);
            });
    return done.future();
  }

  private void publish(PeerHealth h) {
    List<PeerHealth.Peer> peers = new ArrayList<>(h.peers());
    peerCount = peers.size();
    peers.sort(
        Comparator.comparingLong(PeerHealth.Peer::queued)
            .reversed()
            .thenComparing(Comparator.comparingInt(PeerHealth.Peer::consecutiveFailures).reversed())
            .thenComparing(PeerHealth.Peer::host));
    List<PeerHealth.Peer> shown = peers.subList(0, Math.min(maxSeries, peers.size()));
    List<MultiGauge.Row<?>> q = new ArrayList<>(),
        f = new ArrayList<>(),
        b = new ArrayList<>(),
        s = new ArrayList<>();
    for (PeerHealth.Peer p : shown) {
      Tags tags = Tags.of("host", p.host());
      q.add(MultiGauge.Row.of(tags, p.queued()));
      f.add(MultiGauge.Row.of(tags, p.consecutiveFailures()));
      b.add(MultiGauge.Row.of(tags, p.breaker() == BreakerState.CLOSED ? 0 : 1));
      Instant last = p.lastSuccess();
      s.add(MultiGauge.Row.of(tags, this, m -> m.ageSeconds(last)));
    }
    queued.register(q, true);
    failures.register(f, true);
    breakerOpen.register(b, true);
    sinceSuccess.register(s, true);

    List<MirrorState> origins =
        h.mirrors().stream()
            .sorted(Comparator.comparing(MirrorState::originActor))
            .limit(maxSeries)
            .toList();
    List<MultiGauge.Row<?>> a = new ArrayList<>(), y = new ArrayList<>();
    for (MirrorState m : origins) {
      Tags tags = Tags.of("origin", m.originActor());
      a.add(MultiGauge.Row.of(tags, m.appliedSeq()));
      Instant synced = m.lastSynced();
      y.add(MultiGauge.Row.of(tags, this, x -> x.ageSeconds(synced)));
    }
    appliedSeq.register(a, true);
    sinceSync.register(y, true);

    var d = h.delivery();
    jobs.register(
        List.of(
            MultiGauge.Row.of(Tags.of("state", "pending"), d.pending()),
            MultiGauge.Row.of(Tags.of("state", "leased"), d.leased()),
            MultiGauge.Row.of(Tags.of("state", "done"), d.done()),
            MultiGauge.Row.of(Tags.of("state", "dead"), d.dead())),
        true);
    snapshot.set(h);
  }

  private double ageSeconds(Instant since) {
    return since == null
        ? Double.NaN
        : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
  }
}
