package org.madani.node.directory.report;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.madani.node.model.Problem;
import org.madani.node.store.Database;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.ReportScheduleRepository;
import org.madani.node.store.ReportScheduleRepository.ScheduleRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monthly and quarterly reports published by themselves (issue 15 item 7). An admin turns a
 * schedule on per organization; from then on, once a period has ended (by the injected clock, UTC
 * calendar), its public report is published as a Report entry of that organization.
 *
 * <p>Exactly once per period: the "last published period" is durable (V140) and is advanced by a
 * compare-and-set in the SAME transaction that creates the report entry, so a crash between the two
 * is impossible, a restart resumes with the next unpublished period (a node down for three months
 * publishes the three in order), and two runs racing (a slow tick, a second process on the same
 * database) publish each period once: the loser's transaction rolls back. Thread-safe; all database
 * and search work runs off the event loop.
 */
public final class ReportSchedules {

  private static final Logger LOG = LoggerFactory.getLogger(ReportSchedules.class);

  /** Periods published per schedule and run, so a node back after years catches up in steps. */
  static final int MAX_PER_RUN = 24;

  /**
   * Publishes a report as an entry of {@code handle}, running {@code step} in the same transaction.
   */
  @FunctionalInterface
  public interface Publisher {
    Future<String> publish(String handle, DirectoryReport report, Step step);
  }

  /** Work that commits or rolls back with the report entry. */
  @FunctionalInterface
  public interface Step {
    void run(Connection c) throws SQLException;
  }

  /**
   * What an admin sees.
   *
   * @param lastMonth first day of the last month reported (or skipped when turned on); null when
   *     off
   * @param nextMonth first day of the next month to be reported; null when off
   */
  public record Schedule(
      boolean monthly,
      boolean quarterly,
      LocalDate lastMonth,
      LocalDate lastQuarter,
      LocalDate nextMonth,
      LocalDate nextQuarter) {}

  private final Database db;
  private final ReportScheduleRepository schedules;
  private final OrganizationRepository orgs;
  private final DirectoryReports reports;
  private final Publisher publisher;
  private final Clock clock;
  private final AtomicBoolean running = new AtomicBoolean();

  public ReportSchedules(
      Database db,
      ReportScheduleRepository schedules,
      OrganizationRepository orgs,
      DirectoryReports reports,
      Publisher publisher,
      Clock clock) {
    this.db = db;
    this.schedules = schedules;
    this.orgs = orgs;
    this.reports = reports;
    this.publisher = publisher;
    this.clock = clock;
  }

  public Future<Schedule> get(String handle) {
    return db.tx(
        c -> {
          long org = orgId(c, handle);
          return view(
              schedules
                  .find(c, org)
                  .orElse(new ScheduleRow(org, handle, false, false, null, null)));
        });
  }

  /**
   * Turns the monthly and quarterly schedules on or off. Turning one on starts with the period
   * running now (the last one that ended counts as done: no back-fill); leaving one on keeps its
   * mark; turning one off forgets it.
   */
  public Future<Schedule> set(String handle, boolean monthly, boolean quarterly) {
    return db.tx(
        c -> {
          long org = orgId(c, handle);
          ScheduleRow before =
              schedules.find(c, org).orElse(new ScheduleRow(org, handle, false, false, null, null));
          LocalDate today = today();
          ScheduleRow after =
              new ScheduleRow(
                  org,
                  handle,
                  monthly,
                  quarterly,
                  !monthly
                      ? null
                      : before.monthly() && before.lastMonth() != null
                          ? before.lastMonth()
                          : previous(ReportPeriod.MONTH, today),
                  !quarterly
                      ? null
                      : before.quarterly() && before.lastQuarter() != null
                          ? before.lastQuarter()
                          : previous(ReportPeriod.QUARTER, today));
          schedules.save(c, after, clock.instant());
          return view(after);
        });
  }

  /**
   * Publishes every period that has ended since each schedule's mark, oldest first. A run that
   * starts while another is still going does nothing (the next tick picks up the rest).
   *
   * @return how many reports this run published
   */
  public Future<Integer> publishDue() {
    if (!running.compareAndSet(false, true)) return Future.succeededFuture(0);
    return db.tx(schedules::enabled)
        .compose(
            rows -> {
              Future<Integer> chain = Future.succeededFuture(0);
              for (ScheduleRow row : rows) {
                if (row.monthly())
                  chain = chain.compose(n -> publish(row, ReportPeriod.MONTH).map(k -> n + k));
                if (row.quarterly())
                  chain = chain.compose(n -> publish(row, ReportPeriod.QUARTER).map(k -> n + k));
              }
              return chain;
            })
        .onComplete(r -> running.set(false));
  }

  /**
   * Publishes the due periods of one schedule in order; stops at the first failure (retried next
   * run).
   */
  private Future<Integer> publish(ScheduleRow row, ReportPeriod period) {
    LocalDate last = period == ReportPeriod.MONTH ? row.lastMonth() : row.lastQuarter();
    if (last == null) return Future.succeededFuture(0);
    List<LocalDate> due = due(period, last, today());
    Future<Integer> chain = Future.succeededFuture(0);
    LocalDate expected = last;
    for (LocalDate start : due.subList(0, Math.min(due.size(), MAX_PER_RUN))) {
      LocalDate mark = expected;
      chain = chain.compose(n -> publishOne(row, period, mark, start).map(ok -> n + 1));
      expected = start;
    }
    return chain.recover(
        err -> {
          LOG.warn(
              "scheduled {} report of {} not published yet: {}",
              period.wireName(),
              row.handle(),
              err.toString());
          return Future.succeededFuture(0);
        });
  }

  private Future<Void> publishOne(
      ScheduleRow row, ReportPeriod period, LocalDate expected, LocalDate start) {
    return reports
        .report(period, start, start, Set.of())
        .compose(
            r ->
                publisher.publish(
                    row.handle(),
                    r,
                    c -> {
                      if (!schedules.advance(
                          c,
                          row.orgId(),
                          period == ReportPeriod.QUARTER,
                          expected,
                          start,
                          clock.instant())) {
                        throw Problem.conflict(
                            "The "
                                + period.wireName()
                                + " report for "
                                + period.label(start)
                                + " was published meanwhile or the schedule changed.");
                      }
                    }))
        .onSuccess(
            id ->
                LOG.info(
                    "published the {} report {} of {} as {}",
                    period.wireName(),
                    period.label(start),
                    row.handle(),
                    id))
        .mapEmpty();
  }

  /**
   * First days of the periods after {@code last} that have ended by {@code today}, oldest first.
   */
  static List<LocalDate> due(ReportPeriod period, LocalDate last, LocalDate today) {
    LocalDate current = period.start(today);
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = period.next(last); d.isBefore(current); d = period.next(d)) out.add(d);
    return out;
  }

  /** First day of the last period that ended before today's. */
  static LocalDate previous(ReportPeriod period, LocalDate today) {
    LocalDate current = period.start(today);
    return period == ReportPeriod.QUARTER ? current.minusMonths(3) : current.minusMonths(1);
  }

  private Schedule view(ScheduleRow r) {
    return new Schedule(
        r.monthly(),
        r.quarterly(),
        r.lastMonth(),
        r.lastQuarter(),
        r.lastMonth() == null ? null : ReportPeriod.MONTH.next(r.lastMonth()),
        r.lastQuarter() == null ? null : ReportPeriod.QUARTER.next(r.lastQuarter()));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private long orgId(Connection c, String handle) throws SQLException {
    return orgs.findByHandle(c, handle)
        .orElseThrow(
            () -> Problem.notFound("No organization with handle '" + handle + "' is hosted here."))
        .id();
  }
}
