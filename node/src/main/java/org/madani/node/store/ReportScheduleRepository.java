package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Report schedules (V140): which organizations publish monthly and quarterly reports, and the last
 * period of each published. Stateless; every method runs in the caller's transaction.
 */
public final class ReportScheduleRepository {

  /**
   * @param lastMonth first day of the last month published (or skipped when turned on); null when
   *     off
   * @param lastQuarter the same for quarters
   */
  public record ScheduleRow(
      long orgId,
      String handle,
      boolean monthly,
      boolean quarterly,
      LocalDate lastMonth,
      LocalDate lastQuarter) {}

  public Optional<ScheduleRow> find(Connection c, long orgId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE s.org_id = ?")) {
      ps.setLong(1, orgId);
      List<ScheduleRow> all = all(ps);
      return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }
  }

  /**
   * Every schedule with at least one period turned on (one row per organization that chose one).
   */
  public List<ScheduleRow> enabled(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(SELECT + " WHERE s.monthly OR s.quarterly ORDER BY s.org_id")) {
      return all(ps);
    }
  }

  /** Writes the whole row (insert or replace; standard MERGE, as H2 and PostgreSQL 15+ read it). */
  public void save(Connection c, ScheduleRow row, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "MERGE INTO report_schedule t USING (VALUES (CAST(? AS BIGINT), CAST(? AS BOOLEAN), CAST(? AS BOOLEAN), "
                + "CAST(? AS DATE), CAST(? AS DATE), CAST(? AS TIMESTAMP WITH TIME ZONE))) s(o, m, q, lm, lq, u) "
                + "ON t.org_id = s.o "
                + "WHEN MATCHED THEN UPDATE SET monthly = s.m, quarterly = s.q, last_month = s.lm, last_quarter = s.lq, "
                + "updated = s.u "
                + "WHEN NOT MATCHED THEN INSERT (org_id, monthly, quarterly, last_month, last_quarter, updated) "
                + "VALUES (s.o, s.m, s.q, s.lm, s.lq, s.u)")) {
      ps.setLong(1, row.orgId());
      ps.setBoolean(2, row.monthly());
      ps.setBoolean(3, row.quarterly());
      ps.setObject(4, row.lastMonth());
      ps.setObject(5, row.lastQuarter());
      ps.setObject(6, Timestamps.toDb(now));
      ps.executeUpdate();
    }
  }

  /**
   * Moves the last published period from {@code expected} to {@code published}, only if the
   * schedule is still on and nobody moved it meanwhile (compare-and-set). False: another run (or an
   * admin turning it off) got there first, and the caller must roll back.
   */
  public boolean advance(
      Connection c,
      long orgId,
      boolean quarter,
      LocalDate expected,
      LocalDate published,
      Instant now)
      throws SQLException {
    String col = quarter ? "last_quarter" : "last_month";
    String on = quarter ? "quarterly" : "monthly";
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE report_schedule SET "
                + col
                + " = ?, updated = ? "
                + "WHERE org_id = ? AND "
                + on
                + " AND "
                + col
                + " = ?")) {
      ps.setObject(1, published);
      ps.setObject(2, Timestamps.toDb(now));
      ps.setLong(3, orgId);
      ps.setObject(4, expected);
      return ps.executeUpdate() == 1;
    }
  }

  private static final String SELECT =
      "SELECT s.org_id, o.handle, s.monthly, s.quarterly, s.last_month, "
          + "s.last_quarter FROM report_schedule s JOIN organization o ON o.id = s.org_id";

  private static List<ScheduleRow> all(PreparedStatement ps) throws SQLException {
    List<ScheduleRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new ScheduleRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getBoolean(3),
                rs.getBoolean(4),
                rs.getObject(5, LocalDate.class),
                rs.getObject(6, LocalDate.class)));
      }
    }
    return out;
  }
}
