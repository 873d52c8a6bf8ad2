package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Moderation reports (Flag), received and sent. Stateless. */
public final class ReportRepository {

  public record ReportRow(
      long id,
      String direction,
      String activityId,
      String reporter,
      String targets,
      String comment,
      String state,
      Instant created,
      Instant resolved,
      String resolution) {}

  /** Stores a report once per activity id; returns its id, or empty for a repeat. */
  public Optional<Long> insert(
      Connection c,
      String direction,
      String activityId,
      String reporter,
      String targetsJson,
      String comment,
      Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO moderation_report(direction, activity_id, reporter, targets, comment, created) SELECT ?,?,?,?,?,? "
                + "WHERE NOT EXISTS (SELECT 1 FROM moderation_report WHERE activity_id = ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, direction);
      ps.setString(2, activityId);
      ps.setString(3, reporter);
      ps.setString(4, targetsJson);
      ps.setString(5, comment);
      ps.setObject(6, Timestamps.toDb(now));
      ps.setString(7, activityId);
      if (Inserts.ignoringDuplicate(ps) == 0) return Optional.empty();
      try (ResultSet rs = ps.getGeneratedKeys()) {
        rs.next();
        return Optional.of(rs.getLong(1));
      }
    }
  }

  public List<ReportRow> list(Connection c, String direction, String state, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            SELECT
                + " WHERE 1 = 1"
                + (direction == null ? "" : " AND direction = ?")
                + (state == null ? "" : " AND state = ?")
                + " ORDER BY id DESC LIMIT ?")) {
      int i = 1;
      if (direction != null) ps.setString(i++, direction);
      if (state != null) ps.setString(i++, state);
      ps.setInt(i, limit);
      return all(ps);
    }
  }

  public Optional<ReportRow> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
      ps.setLong(1, id);
      List<ReportRow> all = all(ps);
      return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }
  }

  public boolean resolve(Connection c, long id, String resolution, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE moderation_report SET state = 'resolved', resolved = ?, resolution = ? WHERE id = ?")) {
      ps.setObject(1, Timestamps.toDb(now));
      ps.setString(2, resolution);
      ps.setLong(3, id);
      return ps.executeUpdate() == 1;
    }
  }

  private static final String SELECT =
      "SELECT id, direction, activity_id, reporter, targets, comment, state, created, "
          + "resolved, resolution FROM moderation_report";

  private static List<ReportRow> all(PreparedStatement ps) throws SQLException {
    List<ReportRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new ReportRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                Timestamps.fromDb(rs, "created"),
                Timestamps.fromDb(rs, "resolved"),
                rs.getString(10)));
      }
    }
    return out;
  }
}
