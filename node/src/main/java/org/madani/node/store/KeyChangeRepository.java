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

/** Key changes held for the admin: keys an already-pinned actor showed without proof. Stateless. */
public final class KeyChangeRepository {

  /** A flagged key; {@code status} is {@code pending}, {@code accepted} or {@code rejected}. */
  public record Flag(
      long id,
      String actorId,
      String keyId,
      String algorithm,
      String purpose,
      String publicPem,
      Instant seenAt,
      String reason,
      String status,
      Instant resolvedAt) {}

  private static final String COLUMNS =
      "id, actor_id, key_id, algorithm, purpose, public_pem, seen_at, reason, status, resolved_at";

  /**
   * Flags a key unless the same key (same id and material) is already flagged pending or rejected:
   * a hostile peer repeating itself does not flood the admin. Returns the flag's id.
   */
  public long flagIfNew(
      Connection c,
      String actorId,
      String keyId,
      String algorithm,
      String purpose,
      String publicPem,
      Instant seenAt,
      String reason)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM key_change_flag WHERE key_id = ? "
                + "AND public_pem = ? AND status IN ('pending', 'rejected')")) {
      ps.setString(1, keyId);
      ps.setString(2, publicPem);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) return rs.getLong(1);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO key_change_flag(actor_id, key_id, algorithm, purpose, public_pem, seen_at, reason, status) "
                + "VALUES (?,?,?,?,?,?,?, 'pending')",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, actorId);
      ps.setString(2, keyId);
      ps.setString(3, algorithm);
      ps.setString(4, purpose);
      ps.setString(5, publicPem);
      ps.setObject(6, Timestamps.toDb(seenAt));
      ps.setString(7, reason.length() > 500 ? reason.substring(0, 500) : reason);
      ps.executeUpdate();
      try (ResultSet rs = ps.getGeneratedKeys()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Whether a change of key {@code keyId} waits for the admin's decision. */
  public boolean pending(Connection c, String keyId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM key_change_flag WHERE key_id = ? AND status = 'pending' LIMIT 1")) {
      ps.setString(1, keyId);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Flags, newest first; {@code status} null for all. */
  public List<Flag> list(Connection c, String status, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM key_change_flag"
                + (status == null ? "" : " WHERE status = ?")
                + " ORDER BY id DESC LIMIT ?")) {
      int i = 1;
      if (status != null) ps.setString(i++, status);
      ps.setInt(i, limit);
      return flags(ps);
    }
  }

  public Optional<Flag> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM key_change_flag WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, id);
      List<Flag> all = flags(ps);
      return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }
  }

  public void resolve(Connection c, long id, String status, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE key_change_flag SET status = ?, resolved_at = ? WHERE id = ?")) {
      ps.setString(1, status);
      ps.setObject(2, Timestamps.toDb(now));
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  private static List<Flag> flags(PreparedStatement ps) throws SQLException {
    List<Flag> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Flag(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                Timestamps.fromDb(rs, "seen_at"),
                rs.getString(8),
                rs.getString(9),
                Timestamps.fromDb(rs, "resolved_at")));
      }
    }
    return out;
  }
}
