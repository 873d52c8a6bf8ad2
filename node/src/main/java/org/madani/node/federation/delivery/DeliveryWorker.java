package org.madani.node.federation.delivery;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.madani.node.federation.fetch.Vetted;
import org.madani.node.model.DeliveryJob;
import org.madani.node.model.PeerState;
import org.madani.node.model.SignatureScheme;
import org.madani.node.store.Database;
import org.madani.node.store.DeliveryRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes due jobs from the {@link DeliveryRepository} and POSTs them to their inboxes.
 *
 * <p>Cycle: on a timer, after {@link #wakeUp()}, and whenever a request finishes, the worker leases
 * as many due jobs as it has free slots ({@code concurrency} overall, {@code perHostConcurrency}
 * per host) in one short transaction; sends each (guard, sign, POST); then records the outcome and
 * the host's new health in one transaction. Every database call goes through {@link Database#tx},
 * off the event loop.
 *
 * <p>Delivery is at-least-once: if the process dies between the POST and recording it, the job is
 * sent again once its lease ends. Receivers drop repeats by activity id.
 *
 * <p>Stopping ({@code undeploy}) takes no new jobs, gives back leases taken but not yet sent, and
 * waits (bounded by the request timeouts) for requests in flight to be recorded, so nothing is left
 * half-written; anything cut off still has its lease and is retried later.
 *
 * <p>Thread-safety: all state is confined to the verticle's event loop. {@link #wakeUp()} may be
 * called from any thread. Deploy one instance per node; several are safe (leases exclude each
 * other) but each keeps its own concurrency limits.
 */
public final class DeliveryWorker extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

  /** An answer this slow makes the host's concurrency shrink instead of grow. */
  private static final Duration SLOW_ANSWER = Duration.ofSeconds(2);

  /**
   * A host whose stored health is "closed, no failures, this scheme" gets its {@code last_success}
   * rewritten at most this often while it keeps answering 2xx: the row lock, read and write per
   * host in every group commit were a tenth of the database threads' time in DeliveryBenchmark.
   */
  static final Duration HEALTH_REWRITE = Duration.ofSeconds(10);

  private final Database db;
  private final DeliveryRepository queue;
  private final RequestSigner signer;
  private final TargetGuard guard;
  private final DeliveryOptions options;
  private final Clock clock;

  private final AtomicBoolean wakeUpPending = new AtomicBoolean();
  private volatile Context loop;

  // Confined to the event loop.
  private HttpClient client;
  private InboxPoster poster;
  private long timerId = -1;
  private boolean stopping;
  private boolean polling;
  private boolean pollAgain;
  private int inFlight;
  private final Map<String, Integer> inFlightPerHost = new HashMap<>();
  private final Set<Long> inFlightJobs = new HashSet<>();
  private final Set<Future<?>> running = new LinkedHashSet<>();
  private Instant lastSweep = Instant.MIN;
  private Instant lastPurge = Instant.MIN;

  /**
   * How long a delivered job is kept: its row is what makes a repeated enqueue of the same activity
   * to the same inbox a no-op, and what the admin sees of a delivery. Past it (four times the retry
   * window) the row, and the stored body once no job needs it, are deleted: the queue keeps the
   * minimum and does not grow with everything ever sent.
   */
  static final Duration KEEP_DELIVERED = Duration.ofDays(30);

  /** Delivered jobs are purged at most this often (the delete reads every delivered row). */
  static final Duration PURGE_EVERY = Duration.ofDays(1);

  private HostLimits limits;
  private final List<Outcome> toRecord = new ArrayList<>();
  private boolean recording;
  private final HealthyHosts healthy = new HealthyHosts(HEALTH_REWRITE);

  /** An attempt waiting to be recorded with others in one transaction. */
  private record Outcome(DeliveryJob job, Attempt attempt, io.vertx.core.Promise<Void> recorded) {}

  private final java.util.function.Consumer<DeliveryOutcome> outcomes;

  public DeliveryWorker(
      Database db,
      DeliveryRepository queue,
      RequestSigner signer,
      TargetGuard guard,
      DeliveryOptions options,
      Clock clock) {
    this(db, queue, signer, guard, options, clock, o -> {});
  }

  /**
   * @param outcomes told of every recorded outcome (metrics)
   */
  public DeliveryWorker(
      Database db,
      DeliveryRepository queue,
      RequestSigner signer,
      TargetGuard guard,
      DeliveryOptions options,
      Clock clock,
      java.util.function.Consumer<DeliveryOutcome> outcomes) {
    this.outcomes = java.util.Objects.requireNonNull(outcomes, "outcomes");
    this.db = db;
    this.queue = queue;
    this.signer = signer;
    this.guard = guard;
    this.options = options;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    HttpClientOptions http =
        new HttpClientOptions()
            .setConnectTimeout((int) options.connectTimeout().toMillis())
            .setIdleTimeout((int) options.requestTimeout().toMillis())
            .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
            .setKeepAlive(true);
    // Keep-alive pools per host (Vert.x keys pools by server address), as large as a host may get.
    // Redirects are not followed (a redirected POST could land on an address the guard never saw).
    client =
        vertx.createHttpClient(
            http,
            new PoolOptions()
                .setHttp1MaxSize(options.perHostMax())
                .setMaxWaitQueueSize(options.concurrency()));
    limits = new HostLimits(options.perHostConcurrency(), options.perHostMax(), SLOW_ANSWER);
    poster = new InboxPoster(client, signer, options);
    loop = context;
    timerId = vertx.setPeriodic(options.pollInterval().toMillis(), id -> poll());
    poll();
    return Future.succeededFuture();
  }

  /**
   * Looks for due jobs now instead of at the next tick; call after committing an enqueue. Cheap and
   * coalesced: many calls in a burst cause one scan. Safe from any thread; ignored before start and
   * after stop.
   */
  public void wakeUp() {
    Context c = loop;
    if (c != null && wakeUpPending.compareAndSet(false, true)) {
      c.runOnContext(
          v -> {
            wakeUpPending.set(false);
            poll();
          });
    }
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    loop = null;
    vertx.cancelTimer(timerId);
    long bound = options.connectTimeout().plus(options.requestTimeout()).plusSeconds(10).toMillis();
    // running holds settled futures (never failed), so join fails only on the timeout.
    return Future.join(new ArrayList<>(running))
        .timeout(bound, TimeUnit.MILLISECONDS)
        .transform(
            ar -> {
              if (ar.failed())
                LOG.warn(
                    "delivery worker stopped with {} tasks and {} requests still open; their"
                        + " leases will expire",
                    running.size(),
                    inFlight);
              client.close();
              return Future.succeededFuture();
            });
  }

  private void poll() {
    if (stopping) return;
    if (polling) {
      pollAgain = true;
      return;
    }
    int free = options.concurrency() - inFlight;
    if (free <= 0) return; // a finishing request polls again
    // Answered but not yet recorded: no more claims while as many wait as may be in flight (the
    // database is behind; a finished group commit polls again).
    if (inFlightJobs.size() - inFlight >= options.concurrency()) return;
    polling = true;
    Instant now = clock.instant();
    boolean sweep = Duration.between(lastSweep, now).compareTo(Duration.ofMinutes(1)) >= 0;
    if (sweep) lastSweep = now;
    boolean purge = sweep && Duration.between(lastPurge, now).compareTo(PURGE_EVERY) >= 0;
    if (purge) lastPurge = now;
    Map<String, Integer> busy = Map.copyOf(inFlightPerHost);
    Set<Long> sending = Set.copyOf(inFlightJobs);
    // Outcomes waiting for a group commit go into the claim's transaction: one commit for both.
    List<Outcome> outcomesToRecord = takeOutcomes();
    Future<?> cycle =
        claim(now, sweep, purge, free, busy, sending, outcomesToRecord)
            .compose(jobs -> launchOrRelease(jobs, free))
            .onFailure(err -> LOG.warn("delivery poll failed: {}", err.toString()))
            .onComplete(
                ar -> {
                  polling = false;
                  if (pollAgain) {
                    pollAgain = false;
                    poll();
                  }
                });
    track(cycle);
  }

  /**
   * After a request finished: claims again once a batch of slots is free (a quarter of {@code
   * concurrency}), or when nothing is in flight. A claim per finished request cost a query that
   * read past every leased job for one or two new jobs, and a commit; in batches the claim's cost
   * (and its commit) is shared.
   */
  private void pollIfRoom() {
    int free = options.concurrency() - inFlight;
    if (inFlight == 0 || free >= Math.max(1, options.concurrency() / 4)) poll();
  }

  private Future<List<DeliveryJob>> claim(
      Instant now,
      boolean sweep,
      boolean purge,
      int free,
      Map<String, Integer> busy,
      Set<Long> sending,
      List<Outcome> outcomesToRecord) {
    // Snapshots: the claim runs on a database thread, the limits live on the event loop.
    Map<String, Integer> hostLimits = new HashMap<>();
    busy.keySet().forEach(h -> hostLimits.put(h, limits.limit(h)));
    int fallback = options.perHostConcurrency();
    Map<String, Integer> known = Map.copyOf(hostLimits);
    java.util.function.ToIntFunction<String> limitFor = h -> known.getOrDefault(h, fallback);
    try {
      int[] expired = {0};
      @SuppressWarnings("unchecked")
      List<DeliveryOutcome>[] recorded = new List[1];
      return db.tx(
              c -> {
                if (sweep) {
                  expired[0] = queue.expireStalled(c, now, options.retry().giveUpAfter());
                  if (expired[0] > 0)
                    LOG.warn(
                        "gave up on {} deliveries to hosts unreachable past the deadline",
                        expired[0]);
                }
                if (purge) {
                  int purged = queue.purgeDone(c, now.minus(KEEP_DELIVERED));
                  if (purged > 0)
                    LOG.info("purged {} deliveries done before the last 30 days", purged);
                }
                if (!outcomesToRecord.isEmpty()) recorded[0] = recordAll(c, outcomesToRecord, now);
                return queue.claim(c, now, options.lease(), free, limitFor, busy, sending);
              })
          .andThen(
              ar -> {
                if (!outcomesToRecord.isEmpty())
                  settle(outcomesToRecord, ar.map(jobs -> recorded[0]));
              })
          .onSuccess(
              jobs -> {
                for (int i = 0; i < expired[0]; i++) outcomes.accept(DeliveryOutcome.DEAD);
              });
    } catch (RuntimeException e) {
      // A closed database rejects the task synchronously; polling must not stay stuck "in
      // progress".
      if (!outcomesToRecord.isEmpty()) settle(outcomesToRecord, Future.failedFuture(e));
      return Future.failedFuture(e);
    }
  }

  private Future<Void> launchOrRelease(List<DeliveryJob> jobs, int asked) {
    if (stopping) {
      // Taken while stopping: give the leases back so the jobs do not wait out the lease.
      return jobs.isEmpty()
          ? Future.succeededFuture()
          : db.tx(
              c -> {
                queue.release(c, jobs);
                return null;
              });
    }
    if (!jobs.isEmpty()) launchAll(jobs);
    if (jobs.size() == asked) pollAgain = true; // a full batch: more may be due
    return Future.succeededFuture();
  }

  /**
   * Sends a claimed batch: each distinct inbox's target checked once (with shared inboxes, the jobs
   * of a batch to one host share the vetted address), the whole batch signed in a few hops, then
   * each job posted and recorded as its answer comes.
   */
  private void launchAll(List<DeliveryJob> jobs) {
    for (DeliveryJob job : jobs) {
      inFlight++;
      inFlightPerHost.merge(job.host(), 1, Integer::sum);
      inFlightJobs.add(job.id());
    }
    Map<String, Future<Vetted>> checks = new HashMap<>();
    List<Future<Vetted>> targets = new ArrayList<>(jobs.size());
    for (DeliveryJob job : jobs) {
      URI inbox = job.inbox();
      targets.add(checks.computeIfAbsent(inbox.toString(), same -> check(inbox)));
    }
    Future<?> batch =
        Future.join(new ArrayList<>(checks.values()))
            .transform(
                checked -> {
                  List<AsyncResult<Vetted>> vetted = new ArrayList<>(targets);
                  List<Future<Attempt>> attempts = poster.sendAll(jobs, vetted, clock.instant());
                  List<Future<Void>> recorded = new ArrayList<>(jobs.size());
                  long started = System.nanoTime();
                  for (int i = 0; i < jobs.size(); i++)
                    recorded.add(followUp(jobs.get(i), attempts.get(i), started));
                  return Future.join(recorded);
                });
    track(batch);
  }

  private Future<Vetted> check(URI inbox) {
    try {
      return guard.check(inbox);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Once the answer is in, adapts the host's limit and frees the request's slot (another request
   * may go while this outcome waits for its group commit); records the outcome; the job itself
   * stays in {@code inFlightJobs} (never claimed again by this worker) until it is recorded.
   */
  private Future<Void> followUp(DeliveryJob job, Future<Attempt> attempt, long started) {
    return attempt
        .onComplete(
            ar -> {
              if (ar.succeeded())
                adapt(job.host(), ar.result(), Duration.ofNanos(System.nanoTime() - started));
              inFlight--;
              inFlightPerHost.computeIfPresent(job.host(), (h, n) -> n <= 1 ? null : n - 1);
              pollIfRoom();
            })
        .compose(a -> record(job, a))
        .onFailure(
            err ->
                LOG.warn(
                    "delivery of {} to {}: outcome not recorded ({}); retried after the lease",
                    job.activityId(),
                    job.host(),
                    err.toString()))
        .onComplete(
            ar -> {
              inFlightJobs.remove(job.id());
              pollIfRoom();
            });
  }

  /** Feeds the host's answer into its concurrency limit (event loop). */
  private void adapt(String host, Attempt attempt, Duration took) {
    switch (attempt) {
      case Attempt.Delivered d -> limits.answered(host, took);
      case Attempt.Refused r when r.status() == 429 || r.status() == 503 -> limits.throttled(host);
      case Attempt.Refused r -> limits.answered(host, took);
      case Attempt.Unreachable u -> limits.throttled(host);
      default -> {}
    }
  }

  private void track(Future<?> f) {
    Future<Void> settled = f.transform(ar -> Future.succeededFuture());
    running.add(settled);
    settled.onComplete(ar -> running.remove(settled));
  }

  /**
   * Records the outcome together with whatever other outcomes arrive meanwhile: one transaction
   * (one durable commit) per batch instead of per request, started as soon as the previous one
   * ends. The future completes once the batch is committed.
   */
  private Future<Void> record(DeliveryJob job, Attempt attempt) {
    io.vertx.core.Promise<Void> recorded = io.vertx.core.Promise.promise();
    toRecord.add(new Outcome(job, attempt, recorded));
    flush();
    return recorded.future();
  }

  private void flush() {
    List<Outcome> batch = takeOutcomes();
    if (batch.isEmpty()) return;
    Instant now = clock.instant();
    Future<List<DeliveryOutcome>> written;
    try {
      written = db.tx(c -> recordAll(c, batch, now));
    } catch (RuntimeException e) {
      written = Future.failedFuture(e);
    }
    written.onComplete(ar -> settle(batch, ar));
  }

  /**
   * The outcomes waiting to be recorded, now marked as being recorded; empty while another group
   * commit is under way (they wait for the next one) or when none wait.
   */
  private List<Outcome> takeOutcomes() {
    if (recording || toRecord.isEmpty()) return List.of();
    recording = true;
    List<Outcome> batch = new ArrayList<>(toRecord);
    toRecord.clear();
    return batch;
  }

  /** After a group commit (its own or a claim's): tells each outcome, then records what waits. */
  private void settle(List<Outcome> batch, io.vertx.core.AsyncResult<List<DeliveryOutcome>> ar) {
    recording = false;
    for (int i = 0; i < batch.size(); i++) {
      if (ar.succeeded()) {
        DeliveryOutcome outcome = ar.result().get(i);
        if (outcome != null) outcomes.accept(outcome);
        batch.get(i).recorded().complete();
      } else {
        batch.get(i).recorded().fail(ar.cause());
      }
    }
    flush();
  }

  /** What one outcome writes: the job's row, and the host's health change (or null). */
  private record Planned(
      DeliveryRepository.Finish finish,
      DeliveryOutcome outcome,
      UnaryOperator<PeerState> health,
      SignatureScheme deliveredWith) {}

  /**
   * Writes a batch of outcomes in the caller's transaction: all job rows with one batched
   * statement, then each host's health once, with its changes chained in the order the answers
   * came. Returns each outcome, or null where the lease was lost (nothing written for that job).
   */
  private List<DeliveryOutcome> recordAll(Connection c, List<Outcome> batch, Instant now)
      throws SQLException {
    List<Planned> plans = new ArrayList<>(batch.size());
    List<DeliveryRepository.Finish> finishes = new ArrayList<>(batch.size());
    for (Outcome o : batch) {
      Planned p = plan(o.job(), o.attempt(), now);
      plans.add(p);
      finishes.add(p.finish());
    }
    boolean[] recorded = queue.finishAll(c, finishes, now);
    List<DeliveryOutcome> out = new ArrayList<>(batch.size());
    Map<String, UnaryOperator<PeerState>> health = new java.util.LinkedHashMap<>();
    // Hosts whose every answer in this batch was a delivery, with the scheme it was signed with.
    Map<String, SignatureScheme> onlyDelivered = new HashMap<>();
    Set<String> notOnlyDelivered = new HashSet<>();
    for (int i = 0; i < plans.size(); i++) {
      Planned p = plans.get(i);
      DeliveryJob job = batch.get(i).job();
      if (!recorded[i]) {
        LOG.info(
            "lease on {} to {} expired before its outcome was recorded; another attempt owns it",
            job.activityId(),
            job.host());
      }
      out.add(recorded[i] ? p.outcome() : null);
      if (p.health() == null) continue;
      health.merge(job.host(), p.health(), (before, after) -> x -> after.apply(before.apply(x)));
      SignatureScheme earlier = onlyDelivered.put(job.host(), p.deliveredWith());
      if (p.deliveredWith() == null || (earlier != null && earlier != p.deliveredWith()))
        notOnlyDelivered.add(job.host());
    }
    for (Map.Entry<String, UnaryOperator<PeerState>> h : health.entrySet()) {
      String host = h.getKey();
      SignatureScheme scheme = notOnlyDelivered.contains(host) ? null : onlyDelivered.get(host);
      if (scheme != null && healthy.stillHealthy(host, scheme, now)) continue;
      PeerState after = queue.updatePeer(c, host, h.getValue());
      healthy.written(after, now);
    }
    return out;
  }

  /**
   * Decides what an outcome writes (nothing is written here): the job's new state and the host's
   * health change.
   */
  private Planned plan(DeliveryJob job, Attempt attempt, Instant now) {
    RetryPolicy retry = options.retry();
    CircuitBreaker breaker = options.breaker();
    int attemptNo = job.attempts() + 1;
    return switch (attempt) {
      case Attempt.Delivered d -> {
        LOG.debug("delivered {} to {} ({})", job.activityId(), job.host(), d.status());
        yield new Planned(
            DeliveryRepository.Finish.done(job, d.status()),
            DeliveryOutcome.DELIVERED,
            p -> breaker.afterAnswer(p, now, true).withSignatureScheme(d.scheme()),
            d.scheme());
      }
      case Attempt.Refused r when !retry.retryable(r.status()) -> {
        LOG.warn(
            "delivery of {} to {} refused for good: {}", job.activityId(), job.host(), r.reason());
        yield new Planned(
            DeliveryRepository.Finish.dead(job, r.status(), r.reason()),
            DeliveryOutcome.DEAD,
            p -> breaker.afterAnswer(p, now, false),
            null);
      }
      case Attempt.Refused r ->
          retryOrGiveUp(
              job,
              attemptNo,
              r.status(),
              r.reason(),
              r.retryAfter(),
              now,
              p -> breaker.afterFailure(p, now));
      case Attempt.Unreachable u ->
          retryOrGiveUp(
              job, attemptNo, null, u.reason(), null, now, p -> breaker.afterFailure(p, now));
      case Attempt.LocalFailure l ->
          retryOrGiveUp(job, attemptNo, null, l.reason(), null, now, null);
      case Attempt.Forbidden f -> {
        LOG.warn("delivery of {} to {} dropped: {}", job.activityId(), job.host(), f.reason());
        yield new Planned(
            DeliveryRepository.Finish.dead(job, null, f.reason()),
            DeliveryOutcome.DEAD,
            null,
            null);
      }
    };
  }

  /** Reschedules or gives up. */
  private Planned retryOrGiveUp(
      DeliveryJob job,
      int attemptNo,
      Integer status,
      String reason,
      Duration retryAfter,
      Instant now,
      UnaryOperator<PeerState> health) {
    RetryPolicy.Decision decision =
        options
            .retry()
            .afterFailure(
                attemptNo,
                job.created(),
                now,
                retryAfter,
                ThreadLocalRandom.current().nextDouble());
    return switch (decision) {
      case RetryPolicy.Decision.RetryAt at -> {
        LOG.info(
            "delivery of {} to {} failed ({}), attempt {}; next at {}",
            job.activityId(),
            job.host(),
            reason,
            attemptNo,
            at.at());
        yield new Planned(
            DeliveryRepository.Finish.retryAt(job, at.at(), status, reason),
            DeliveryOutcome.FAILED,
            health,
            null);
      }
      case RetryPolicy.Decision.GiveUp g -> {
        LOG.warn(
            "delivery of {} to {} failed ({}); {}",
            job.activityId(),
            job.host(),
            reason,
            g.reason());
        yield new Planned(
            DeliveryRepository.Finish.dead(job, status, reason + "; " + g.reason()),
            DeliveryOutcome.DEAD,
            health,
            null);
      }
    };
  }
}
