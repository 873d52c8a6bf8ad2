package org.madani.node.trust;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;

/**
 * Fetches subscribed trust lists periodically; changes found wait for review (TrustListService).
 */
public final class ListSubscriptionPoller extends VerticleBase {

  private final TrustListService lists;
  private final Duration every;
  private long timer;

  public ListSubscriptionPoller(TrustListService lists, Duration every) {
    this.lists = lists;
    this.every = every;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(every.toMillis(), id -> lists.refreshAll());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }
}
