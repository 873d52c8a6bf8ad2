package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.madani.node.store.Database;
import org.madani.node.store.IdleBackoff;
import org.madani.node.store.InboxRepository;
import org.madani.node.store.InboxRepository.InboxRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles stored incoming activities in arrival order by dispatching to the handler for their type.
 * Runs on a timer and when woken after a receive. Activities are claimed in batches; a run of
 * consecutive activities whose handlers {@linkplain ActivityHandler#batches batch} (Create and
 * Update of objects, the bulk of a burst) is prepared concurrently (author lookups) and then
 * applied in one transaction together with marking them done: one durable commit for the run
 * instead of two per activity. Their inbox rows keep only the activity id once done (their JSON
 * lives on in what they stored), so the done mark shrinks the row instead of writing the JSON
 * again. Each activity gets a savepoint, so one that fails is rolled back alone and marked failed
 * with the reason. Other activities are handled one at a time, in order. Unknown types are marked
 * done and ignored. Because activities are stored before the 202, nothing acknowledged is lost
 * across a restart.
 */
public final class InboxProcessor extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(InboxProcessor.class);
  static final int BATCH = 1000;

  private final Database db;
  private final InboxRepository inbox;
  private final ObjectMapper json;
  private final Map<String, ActivityHandler> handlers = new HashMap<>();
  private final long pollMillis;
  private boolean running;
  private boolean again;
  private long timer;
  private final Runnable onHandled;

  private record Parsed(
      InboxRow row, ObjectNode activity, ActivityHandler handler, Exception error) {
    boolean batches() {
      return handler != null && activity != null && handler.batches(activity);
    }
  }

  public InboxProcessor(
      Database db,
      InboxRepository inbox,
      ObjectMapper json,
      List<ActivityHandler> handlers,
      long pollMillis) {
    this(db, inbox, json, handlers, pollMillis, () -> {});
  }

  /**
   * @param onHandled run after a pass that handled activities (wakes the directory indexer)
   */
  public InboxProcessor(
      Database db,
      InboxRepository inbox,
      ObjectMapper json,
      List<ActivityHandler> handlers,
      long pollMillis,
      Runnable onHandled) {
    this.onHandled = onHandled;
    this.db = db;
    this.inbox = inbox;
    this.json = json;
    handlers.forEach(h -> this.handlers.put(h.type(), h));
    this.pollMillis = pollMillis;
  }

  @Override
  public Future<?> start() {
    timer =
        vertx.setPeriodic(
            pollMillis,
            id -> {
              if (idle.due()) drain();
            });
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    if (gathering >= 0) vertx.cancelTimer(gathering);
    return Future.succeededFuture();
  }

  /**
   * Asks for a pass soon; safe from any thread. Every accepted activity asks, so asks while one is
   * still queued are folded into it: the queued pass starts after them and sees what they stored.
   */
  public void wakeUp() {
    if (context != null && wakeQueued.compareAndSet(false, true)) {
      context.runOnContext(
          v -> {
            wakeQueued.set(false);
            drain();
          });
    }
  }

  private final AtomicBoolean wakeQueued = new AtomicBoolean();

  /** Ticks between passes at most, while nothing arrives (see {@link IdleBackoff}). */
  static final int MAX_IDLE_TICKS = 8;

  private final IdleBackoff idle = new IdleBackoff(MAX_IDLE_TICKS);

  /**
   * While activities keep arriving, the next pass waits this long after one that handled some, so
   * that it takes a batch instead of the few that came in during the last pass: each pass costs a
   * commit whose page writes (the received objects' indexes, one region per sending host) hardly
   * grow with the batch. A full batch goes on at once.
   */
  static final long GATHER_MILLIS = 250;

  private long gathering = -1;

  private void drain() {
    if (running) {
      again = true;
      return;
    }
    if (gathering >= 0) return; // a pass starts when the gathering ends
    running = true;
    again = false;
    db.tx(c -> inbox.pending(c, BATCH))
        .compose(this::processAll)
        .onComplete(
            ar -> {
              running = false;
              if (ar.succeeded() && ar.result() > 0) onHandled.run();
              idle.passed(ar.succeeded() && ar.result() == 0);
              if (ar.failed()) LOG.warn("inbox pass failed: {}", ar.cause().toString());
              int handled = ar.succeeded() ? ar.result() : 0;
              if (handled == BATCH || (again && handled == 0)) {
                drain();
              } else if (again) {
                gathering =
                    vertx.setTimer(
                        GATHER_MILLIS,
                        id -> {
                          gathering = -1;
                          drain();
                        });
              }
            });
  }

  private Future<Integer> processAll(List<InboxRow> rows) {
    List<Parsed> parsed = new ArrayList<>(rows.size());
    for (InboxRow row : rows) parsed.add(parse(row));
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < parsed.size(); ) {
      int j = i;
      while (j < parsed.size() && parsed.get(j).batches()) j++;
      if (j > i) {
        List<Parsed> run = parsed.subList(i, j);
        chain = chain.compose(v -> applyTogether(run));
        i = j;
      } else {
        Parsed one = parsed.get(i);
        chain = chain.compose(v -> process(one));
        i++;
      }
    }
    return chain.map(v -> rows.size());
  }

  private Parsed parse(InboxRow row) {
    ActivityHandler h = handlers.get(row.type());
    try {
      return new Parsed(row, (ObjectNode) json.readTree(row.document()), h, null);
    } catch (Exception e) {
      return new Parsed(row, null, h, e);
    }
  }

  /**
   * Prepares a run of batching activities concurrently, then applies them in one transaction. The
   * steps run first without a savepoint each (a savepoint per activity costs a statement's worth of
   * work, and failures are rare); if one fails, that transaction is rolled back and the run is
   * applied again with a savepoint per activity, so that only the failing ones are marked failed.
   * Steps are idempotent and write only to the store (see {@link ActivityHandler#prepare}), so
   * running them a second time after the rollback is safe.
   */
  private Future<Void> applyTogether(List<Parsed> run) {
    BatchLookups batch = new BatchLookups();
    List<Future<ActivityHandler.Step>> steps = new ArrayList<>(run.size());
    for (Parsed p : run) {
      Future<ActivityHandler.Step> step;
      try {
        step = p.handler().prepare(p.row(), p.activity(), batch);
      } catch (RuntimeException e) {
        step = Future.failedFuture(e);
      }
      steps.add(step);
    }
    return Future.join(steps)
        .transform(
            ignored ->
                db.<Void>tx(c -> apply(c, run, steps, false))
                    .recover(err -> db.tx(c -> apply(c, run, steps, true))));
  }

  /**
   * Applies the prepared steps of a run and marks them done, or failed when their preparation
   * failed. Without {@code savepoints} the first step that throws fails the whole transaction.
   */
  private Void apply(
      Connection c, List<Parsed> run, List<Future<ActivityHandler.Step>> steps, boolean savepoints)
      throws SQLException {
    List<Long> applied = new ArrayList<>(run.size());
    for (int k = 0; k < run.size(); k++) {
      InboxRow row = run.get(k).row();
      Future<ActivityHandler.Step> step = steps.get(k);
      Throwable failure = step.failed() ? step.cause() : null;
      if (failure == null && !savepoints) {
        step.result().apply(c);
      } else if (failure == null) {
        Savepoint sp = c.setSavepoint();
        try {
          step.result().apply(c);
          c.releaseSavepoint(sp);
        } catch (SQLException | RuntimeException e) {
          c.rollback(sp);
          failure = e;
        }
      }
      if (failure == null) {
        applied.add(row.id());
        continue;
      }
      LOG.info(
          "handling {} {} from {} failed: {}",
          row.type(),
          row.activityId(),
          row.actor(),
          failure.toString());
      inbox.finish(c, row.id(), false, failure.toString());
    }
    inbox.finishApplied(c, applied);
    return null;
  }

  private Future<Void> process(Parsed p) {
    InboxRow row = p.row();
    Future<Void> handled;
    try {
      if (p.error() != null) throw p.error();
      handled =
          p.handler() == null ? Future.succeededFuture() : p.handler().handle(row, p.activity());
    } catch (Exception e) {
      handled = Future.failedFuture(e);
    }
    return handled.transform(
        ar -> {
          if (ar.failed()) {
            LOG.info(
                "handling {} {} from {} failed: {}",
                row.type(),
                row.activityId(),
                row.actor(),
                ar.cause().toString());
          }
          return db.tx(
              c -> {
                inbox.finish(
                    c, row.id(), ar.succeeded(), ar.failed() ? ar.cause().toString() : null);
                return null;
              });
        });
  }
}
