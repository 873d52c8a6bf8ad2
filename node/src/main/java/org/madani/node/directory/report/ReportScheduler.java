package org.madani.node.directory.report;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;

/**
 * Runs {@link ReportSchedules#publishDue} once at start (a node back from a stop publishes what
 * ended meanwhile) and then periodically. The timer only starts the run; its database and search
 * work go to worker threads.
 */
public final class ReportScheduler extends VerticleBase {

  private final ReportSchedules schedules;
  private final Duration every;
  private long timer;

  public ReportScheduler(ReportSchedules schedules, Duration every) {
    this.schedules = schedules;
    this.every = every;
  }

  @Override
  public Future<?> start() {
    schedules.publishDue();
    timer = vertx.setPeriodic(every.toMillis(), id -> schedules.publishDue());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }
}
