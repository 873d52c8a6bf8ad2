package org.madani.node.federation.sync;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Runs catch-up: for every followed origin at start, periodically, and soon after a gap is seen or
 * a follow is accepted. One origin at a time, so a node coming back from a long absence does not
 * flood its peers. Stopping ends a catch-up under way after the page being stored (its progress is
 * kept) and completes once it has ended, so the database is never closed under it.
 */
public final class SyncWorker extends VerticleBase {

  private final SyncService sync;
  private final Duration interval;
  private final Set<String> soon = new LinkedHashSet<>();
  private boolean running;
  private boolean everything;
  private long first;
  private long timer;

  /** Set by {@link #stop()}: no pass starts any more; completed when the one running ends. */
  private Promise<Void> stopped;

  public SyncWorker(SyncService sync, Duration interval) {
    this.sync = sync;
    this.interval = interval;
  }

  @Override
  public Future<?> start() {
    everything = true;
    first = vertx.setTimer(200, id -> run());
    timer =
        vertx.setPeriodic(
            interval.toMillis(),
            id -> {
              everything = true;
              run();
            });
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(first);
    vertx.cancelTimer(timer);
    stopped = Promise.promise();
    sync.stop();
    if (!running) stopped.complete();
    return stopped.future();
  }

  /** Asks for a catch-up of {@code origin} soon. Safe from any thread. */
  public void catchUpSoon(String origin) {
    if (context == null) return;
    context.runOnContext(
        v -> {
          soon.add(origin);
          run();
        });
  }

  private void run() {
    if (running || stopped != null) return;
    running = true;
    Future<Void> pass;
    if (everything) {
      everything = false;
      pass =
          sync.followedOrigins()
              .compose(
                  origins -> {
                    Future<Void> chain = Future.succeededFuture();
                    for (String o : origins) chain = chain.compose(v -> sync.catchUp(o).mapEmpty());
                    return chain;
                  });
    } else if (!soon.isEmpty()) {
      String o = soon.iterator().next();
      soon.remove(o);
      pass = sync.catchUp(o).mapEmpty();
    } else {
      pass = Future.succeededFuture();
    }
    pass.onComplete(
        ar -> {
          running = false;
          if (stopped != null) stopped.tryComplete();
          else if (everything || !soon.isEmpty()) run();
        });
  }
}
