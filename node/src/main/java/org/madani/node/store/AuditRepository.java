package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The admin audit log: append, complete with an outcome, read newest first. Stateless. */
public final class AuditRepository {

  /** One audit entry; {@code outcome} is the HTTP status, null while the action is running. */
  public record AuditRow(
      long id,
      Instant at,
      String admin,
      String action,
      String target,
      String detail,
      Integer outcome) {}

  public long append(
      Connection c,
      Instant at,
      String admin,
      String action,
      String target,
      String detail,
      Integer outcome)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_log(at, admin, action, target, detail, outcome) VALUES (?,?,?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setObject(1, Timestamps.toDb(at));
      ps.setString(2, clip(admin, 100));
      ps.setString(3, clip(action, 200));
      ps.setString(4, clip(target, 1000));
      ps.setString(5, clip(detail, 1000));
      if (outcome == null) ps.setNull(6, Types.INTEGER);
      else ps.setInt(6, outcome);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  public void complete(
      Connection c, long id, String action, String target, String detail, int outcome)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE audit_log SET action = ?, target = ?, detail = ?, outcome = ? WHERE id = ?")) {
      ps.setString(1, clip(action, 200));
      ps.setString(2, clip(target, 1000));
      ps.setString(3, clip(detail, 1000));
      ps.setInt(4, outcome);
      ps.setLong(5, id);
      ps.executeUpdate();
    }
  }

  public List<AuditRow> page(Connection c, int offset, int limit) throws SQLException {
    return page(c, offset, limit, false);
  }

  /**
   * A page of rows, newest first. With {@code doneOnly}, only actions that took effect (outcome
   * below 400): a refused or invalid request is not something an admin did.
   */
  public List<AuditRow> page(Connection c, int offset, int limit, boolean doneOnly)
      throws SQLException {
    List<AuditRow> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, at, admin, action, target, detail, outcome FROM audit_log"
                + (doneOnly ? " WHERE outcome IS NULL OR outcome < 400" : "")
                + " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
      ps.setInt(1, offset);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          Instant at = Timestamps.fromDb(rs, "at");
          String admin = rs.getString(3);
          String action = rs.getString(4);
          String target = rs.getString(5);
          String detail = rs.getString(6);
          int outcome = rs.getInt(7); // read last: wasNull() refers to the last column read
          out.add(
              new AuditRow(id, at, admin, action, target, detail, rs.wasNull() ? null : outcome));
        }
      }
    }
    return out;
  }

  public long count(Connection c) throws SQLException {
    return count(c, false);
  }

  public long count(Connection c, boolean doneOnly) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM audit_log"
                    + (doneOnly ? " WHERE outcome IS NULL OR outcome < 400" : ""));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
