package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.madani.node.store.Database;
import org.madani.node.store.InboxRepository;
import org.madani.node.store.InboxRepository.InboxRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles stored incoming activities in arrival order, one at a time, by dispatching to the
 * handler for their type. Runs on a timer and when woken after a receive. An activity whose
 * handler fails is marked failed with the reason; unknown types are marked done and ignored.
 * Because activities are stored before the 202, nothing acknowledged is lost across a restart.
 */
public final class InboxProcessor extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(InboxProcessor.class);
  private static final int BATCH = 50;

  private final Database db;
  private final InboxRepository inbox;
  private final ObjectMapper json;
  private final Map<String, ActivityHandler> handlers = new HashMap<>();
  private final long pollMillis;
  private boolean running;
  private boolean again;
  private long timer;
  private Runnable onHandled = () -> {};

  public InboxProcessor(Database db, InboxRepository inbox, ObjectMapper json, List<ActivityHandler> handlers,
      long pollMillis) {
    this.db = db;
    this.inbox = inbox;
    this.json = json;
    handlers.forEach(h -> this.handlers.put(h.type(), h));
    this.pollMillis = pollMillis;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(pollMillis, id -> drain());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  /**
   * Called on the event loop after a pass that handled activities, once their transactions have
   * committed (the directory index wakes up on it). Set before deployment.
   */
  public void onHandled(Runnable listener) {
    this.onHandled = listener;
  }

  /** Asks for a pass soon; safe from any thread. */
  public void wakeUp() {
    if (context != null) context.runOnContext(v -> drain());
  }

  private void drain() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    db.tx(c -> inbox.pending(c, BATCH))
        .compose(this::processAll)
        .onComplete(ar -> {
          running = false;
          if (ar.succeeded() && ar.result() > 0) onHandled.run();
          if (ar.failed()) LOG.warn("inbox pass failed: {}", ar.cause().toString());
          if (again || (ar.succeeded() && ar.result() == BATCH)) drain();
        });
  }

  private Future<Integer> processAll(List<InboxRow> rows) {
    Future<Void> chain = Future.succeededFuture();
    for (InboxRow row : rows) {
      chain = chain.compose(v -> process(row));
    }
    return chain.map(v -> rows.size());
  }

  private Future<Void> process(InboxRow row) {
    ActivityHandler h = handlers.get(row.type());
    Future<Void> handled;
    try {
      handled = h == null ? Future.succeededFuture()
          : h.handle(row, (ObjectNode) json.readTree(row.document()));
    } catch (Exception e) {
      handled = Future.failedFuture(e);
    }
    return handled.transform(ar -> {
      if (ar.failed()) {
        LOG.info("handling {} {} from {} failed: {}", row.type(), row.activityId(), row.actor(), ar.cause().toString());
      }
      return db.tx(c -> {
        inbox.finish(c, row.id(), ar.succeeded(), ar.failed() ? ar.cause().toString() : null);
        return null;
      });
    });
  }
}
