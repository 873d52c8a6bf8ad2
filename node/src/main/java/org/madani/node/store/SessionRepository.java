package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Admin browser sessions, keyed by the SHA-256 of the cookie value. Stateless. */
public final class SessionRepository {

  /** A stored session joined with its admin's name. */
  public record SessionRow(
      String idHash,
      long adminId,
      String username,
      String csrfToken,
      Instant created,
      Instant lastSeen,
      Instant expires) {}

  public void insert(Connection c, SessionRow s) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO admin_session(id_hash, admin_id, csrf_token, created, last_seen, expires) VALUES (?,?,?,?,?,?)")) {
      ps.setString(1, s.idHash());
      ps.setLong(2, s.adminId());
      ps.setString(3, s.csrfToken());
      ps.setObject(4, Timestamps.toDb(s.created()));
      ps.setObject(5, Timestamps.toDb(s.lastSeen()));
      ps.setObject(6, Timestamps.toDb(s.expires()));
      ps.executeUpdate();
    }
  }

  public Optional<SessionRow> find(Connection c, String idHash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.id_hash, s.admin_id, a.username, s.csrf_token, s.created, s.last_seen, s.expires "
                + "FROM admin_session s JOIN admin_account a ON a.id = s.admin_id WHERE s.id_hash = ?")) {
      ps.setString(1, idHash);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        return Optional.of(
            new SessionRow(
                rs.getString(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                Timestamps.fromDb(rs, "created"),
                Timestamps.fromDb(rs, "last_seen"),
                Timestamps.fromDb(rs, "expires")));
      }
    }
  }

  public void touch(Connection c, String idHash, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE admin_session SET last_seen = ? WHERE id_hash = ?")) {
      ps.setObject(1, Timestamps.toDb(now));
      ps.setString(2, idHash);
      ps.executeUpdate();
    }
  }

  public boolean delete(Connection c, String idHash) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM admin_session WHERE id_hash = ?")) {
      ps.setString(1, idHash);
      return ps.executeUpdate() > 0;
    }
  }

  /** Removes sessions past their absolute expiry or idle since before {@code idleBefore}. */
  public int purge(Connection c, Instant now, Instant idleBefore) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM admin_session WHERE expires <= ? OR last_seen < ?")) {
      ps.setObject(1, Timestamps.toDb(now));
      ps.setObject(2, Timestamps.toDb(idleBefore));
      return ps.executeUpdate();
    }
  }
}
