package org.madani.node.federation.inbox;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.madani.node.store.Database;
import org.madani.node.store.InboxRepository;

/**
 * Group commit for the inbox: activities accepted by concurrent requests are written together,
 * several per durable commit, by one writer at a time. While one batch commits the next one
 * gathers, so under load batches grow and the fsync per commit is shared (MEASURED.md: ~5.7k
 * durable single-row commits/s, ~29k rows/s in batches of 100). Each request's future completes
 * only after the commit that holds its activity: the 202 still means durable.
 *
 * <p>A batch whose transaction fails is written again one activity per transaction, so one bad
 * activity cannot fail the others. Thread-safe: {@link #store} may be called from any thread.
 */
final class InboxWriter {

  /** Largest batch per commit. */
  static final int MAX_BATCH = 500;

  /** Outcome of one write: stored, a repeat of a stored activity, or a replayed signature. */
  enum Outcome {
    STORED,
    DUPLICATE,
    REPLAYED
  }

  /**
   * One accepted activity to store, with the signature digest that guards against replays, and the
   * sending host with the signature scheme it spoke (our first delivery to it answers in the same
   * scheme; null when not known).
   */
  record Pending(
      String signatureDigest,
      Instant signatureExpires,
      String activityId,
      String actor,
      String type,
      String document,
      String verifiedBy,
      Instant received,
      String senderHost,
      String scheme) {}

  private record Item(Pending pending, Promise<Outcome> promise, Context context) {}

  /** Signatures remembered in memory against replays (see {@link ReplayGuard}). */
  static final long REPLAY_GUARD_ENTRIES = 100_000;

  private final Database db;
  private final InboxRepository inbox;
  private final ReplayGuard replays;
  private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicInteger queued = new AtomicInteger();

  /**
   * Size of the batch the last commit held (0 while a batch gathers). Written while holding {@code
   * writing}.
   */
  private volatile int lastBatch;

  /** How long a batch waits at most for the rest of a wave of requests (see {@link #writeNext}). */
  static final long GATHER_MILLIS = 5;

  /**
   * A batch waiting, holding {@code writing}, until as many activities are queued as the last
   * commit held, or {@link #GATHER_MILLIS} passed; whichever comes first starts it, once.
   */
  private record Gathering(int expected, AtomicBoolean ended) {
    void end(InboxWriter writer) {
      if (!ended.compareAndSet(false, true)) return;
      writer.gathering = null;
      writer.write();
    }
  }

  private volatile Gathering gathering; // non-null while a batch waits

  /** Sending hosts noted at most (see {@link #noted}). */
  static final int NOTED_HOSTS = 10_000;

  /**
   * Hosts whose signature scheme a committed batch has noted: {@code peer_host.signature_scheme} is
   * only ever set once non-null (the inbox notes it only while null; deliveries replace it by the
   * scheme a delivery succeeded with), so noting again would run two statements per host and batch
   * for nothing. Bounded; a host that falls out is noted again, which is harmless.
   */
  private final Cache<String, Boolean> noted =
      Caffeine.newBuilder().maximumSize(NOTED_HOSTS).executor(Runnable::run).build();

  InboxWriter(Database db, InboxRepository inbox) {
    this(db, inbox, new ReplayGuard(REPLAY_GUARD_ENTRIES));
  }

  InboxWriter(Database db, InboxRepository inbox, ReplayGuard replays) {
    this.db = db;
    this.inbox = inbox;
    this.replays = replays;
  }

  /** Batch transactions started so far (for tests: fewer than activities under concurrency). */
  long commits() {
    return commits.get();
  }

  /** Queues an activity; completes once it is committed (or known to be a repeat or a replay). */
  Future<Outcome> store(Pending p) {
    Promise<Outcome> promise = Promise.promise();
    queue.add(new Item(p, promise, Vertx.currentContext()));
    int waiting = queued.incrementAndGet();
    Gathering g = gathering;
    if (g != null && waiting >= g.expected()) g.end(this);
    else writeNext();
    return promise.future();
  }

  private void writeNext() {
    if (!writing.compareAndSet(false, true)) return;
    Item head = queue.peek();
    if (head != null && head.context() != null && queued.get() * 2 < lastBatch) {
      // Requests answered by the last commit come back while this one would start: begun now with
      // the first few of them, the batch commits those alone and the rest wait for the commit after
      // it, so under load batches alternate between a handful and nearly all (HubScaleBenchmark:
      // half of the commits held under 10 of 100 senders' activities). A short wait lets them
      // gather, until as many are queued as the last commit held, or a few milliseconds passed; a
      // lone request (no batch before it) never waits.
      Gathering g = new Gathering(lastBatch, new AtomicBoolean());
      lastBatch = 0;
      gathering = g;
      if (queued.get() >= g.expected()) g.end(this); // they came while this was decided
      else head.context().owner().setTimer(GATHER_MILLIS, id -> g.end(this));
      return;
    }
    write();
  }

  /** Writes what is queued, holding {@code writing}. */
  private void write() {
    List<Item> batch = new ArrayList<>();
    for (Item i; batch.size() < MAX_BATCH && (i = queue.poll()) != null; ) batch.add(i);
    queued.addAndGet(-batch.size());
    lastBatch = batch.size();
    if (batch.isEmpty()) {
      writing.set(false);
      if (!queue.isEmpty()) writeNext(); // raced with a store() that saw `writing` still set
      return;
    }
    commits.incrementAndGet();
    db.tx(c -> writeAll(c, batch, new HashSet<>()))
        .recover(err -> batch.size() == 1 ? Future.failedFuture(err) : db.tx(c -> one(batch)))
        .onComplete(
            ar -> {
              // Remembered only once committed, and before the next batch starts.
              if (ar.succeeded()) {
                replays.remember(used(batch, ar.result()));
                for (int k = 0; k < batch.size(); k++) {
                  Pending p = batch.get(k).pending();
                  // Not for an activity whose own transaction failed: its note was rolled back.
                  if (ar.result().get(k) != null && p.senderHost() != null && p.scheme() != null)
                    noted.put(p.senderHost(), true);
                }
              }
              writing.set(false);
              writeNext();
              if (ar.succeeded()) {
                for (int k = 0; k < batch.size(); k++)
                  complete(batch.get(k), ar.result().get(k), null);
              } else {
                for (Item i : batch) complete(i, null, ar.cause());
              }
            });
  }

  /** The fallback after a failed batch: each activity in its own transaction. */
  private List<Outcome> one(List<Item> batch) {
    List<Outcome> out = new ArrayList<>();
    Set<String> committed = new HashSet<>();
    for (Item i : batch) {
      try {
        Outcome o = db.txBlocking(c -> writeAll(c, List.of(i), new HashSet<>(committed)).get(0));
        committed.add(i.pending().signatureDigest());
        out.add(o);
      } catch (SQLException | RuntimeException e) {
        out.add(null);
        i.promise().tryFail(e);
      }
    }
    return out;
  }

  /** Writes a batch in one transaction; {@code used} holds the signatures earlier in this batch. */
  private List<Outcome> writeAll(Connection c, List<Item> batch, Set<String> used)
      throws SQLException {
    List<Outcome> out = new ArrayList<>(batch.size());
    Set<String> notedNow = new HashSet<>();
    for (Item i : batch) {
      Pending p = i.pending();
      if (p.senderHost() != null
          && p.scheme() != null
          && noted.getIfPresent(p.senderHost()) == null
          && notedNow.add(p.senderHost())) {
        inbox.noteSignatureScheme(c, p.senderHost(), p.scheme()); // once per host and batch
      }
      // A signature seen before is a captured request played again (also within one batch).
      if (replays.seen(p.signatureDigest()) || !used.add(p.signatureDigest())) {
        out.add(Outcome.REPLAYED);
        continue;
      }
      out.add(
          inbox.insertIfNew(
                  c,
                  p.activityId(),
                  p.actor(),
                  p.type(),
                  p.document(),
                  p.verifiedBy(),
                  p.received())
              ? Outcome.STORED
              : Outcome.DUPLICATE);
    }
    return out;
  }

  private static List<ReplayGuard.Used> used(List<Item> batch, List<Outcome> outcomes) {
    List<ReplayGuard.Used> used = new ArrayList<>(batch.size());
    for (int k = 0; k < batch.size(); k++) {
      Outcome o = outcomes.get(k);
      if (o == Outcome.STORED || o == Outcome.DUPLICATE) {
        Pending p = batch.get(k).pending();
        used.add(new ReplayGuard.Used(p.signatureDigest(), p.signatureExpires(), p.received()));
      }
    }
    return used;
  }

  private static void complete(Item i, Outcome o, Throwable err) {
    Runnable done =
        () -> {
          if (err != null) i.promise().tryFail(err);
          else if (o != null) i.promise().tryComplete(o);
        };
    if (i.context() != null) i.context().runOnContext(v -> done.run());
    else done.run();
  }
}
