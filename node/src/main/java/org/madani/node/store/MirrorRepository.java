package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Mirrored log items of other organizations and how far each log is applied. Stateless. */
public final class MirrorRepository {

  public record MirrorItem(
      String originActor,
      long sequence,
      String activityId,
      String document,
      String via,
      Instant received) {}

  public record MirrorState(
      String originActor,
      long appliedSeq,
      Instant lastSynced,
      String lastSource,
      String lastError) {}

  /** Stores an item unless the origin's log already has one at that sequence. */
  public boolean insertIfAbsent(Connection c, MirrorItem i) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO mirror_item(origin_actor, sequence, activity_id, document, via, received) "
                + "SELECT ?,?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM mirror_item WHERE origin_actor = ? AND sequence = ?)")) {
      ps.setString(1, i.originActor());
      ps.setLong(2, i.sequence());
      ps.setString(3, i.activityId());
      ps.setString(4, i.document());
      ps.setString(5, i.via());
      ps.setObject(6, Timestamps.toDb(i.received()));
      ps.setString(7, i.originActor());
      ps.setLong(8, i.sequence());
      return Inserts.ignoringDuplicate(ps) == 1;
    }
  }

  /** The sequence numbers of {@code origin}'s log held here between {@code from} and {@code to}. */
  public java.util.Set<Long> heldBetween(Connection c, String origin, long from, long to)
      throws SQLException {
    java.util.Set<Long> out = new java.util.HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT sequence FROM mirror_item WHERE origin_actor = ? AND sequence BETWEEN ? AND ?")) {
      ps.setString(1, origin);
      ps.setLong(2, from);
      ps.setLong(3, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getLong(1));
      }
    }
    return out;
  }

  /**
   * Stores items known to be absent (the caller holds the origin's lock from {@link #lockApplied}
   * and checked with {@link #heldBetween}), as one JDBC batch.
   */
  public void insertAll(Connection c, List<MirrorItem> items) throws SQLException {
    if (items.isEmpty()) return;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO mirror_item(origin_actor, sequence, activity_id, document, via, received) "
                + "VALUES (?,?,?,?,?,?)")) {
      for (MirrorItem i : items) {
        ps.setString(1, i.originActor());
        ps.setLong(2, i.sequence());
        ps.setString(3, i.activityId());
        ps.setString(4, i.document());
        ps.setString(5, i.via());
        ps.setObject(6, Timestamps.toDb(i.received()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  public List<MirrorItem> after(Connection c, String origin, long after, int limit)
      throws SQLException {
    List<MirrorItem> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT origin_actor, sequence, activity_id, document, via, received FROM mirror_item "
                + "WHERE origin_actor = ? AND sequence > ? AND withdrawn_at IS NULL ORDER BY sequence LIMIT ?")) {
      ps.setString(1, origin);
      ps.setLong(2, after);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new MirrorItem(
                  rs.getString(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  Timestamps.fromDb(rs, "received")));
        }
      }
    }
    return out;
  }

  public long latest(Connection c, String origin) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            // A backward read of the primary key: one row, where MAX(sequence) read them all (H2).
            "SELECT sequence FROM mirror_item WHERE origin_actor = ? "
                + "ORDER BY origin_actor DESC, sequence DESC LIMIT 1")) {
      ps.setString(1, origin);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** Origins mirrored here with their latest sequence. */
  public List<MirrorState> origins(Connection c) throws SQLException {
    List<MirrorState> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT origin_actor, applied_seq, last_synced, last_source, last_error FROM mirror_state ORDER BY origin_actor")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new MirrorState(
                  rs.getString(1),
                  rs.getLong(2),
                  Timestamps.fromDb(rs, "last_synced"),
                  rs.getString(4),
                  rs.getString(5)));
        }
      }
    }
    return out;
  }

  public MirrorState state(Connection c, String origin) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT origin_actor, applied_seq, last_synced, last_source, last_error FROM mirror_state WHERE origin_actor = ?")) {
      ps.setString(1, origin);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return new MirrorState(
              rs.getString(1),
              rs.getLong(2),
              Timestamps.fromDb(rs, "last_synced"),
              rs.getString(4),
              rs.getString(5));
        }
      }
    }
    return new MirrorState(origin, 0, null, null, null);
  }

  /**
   * Locks the origin's state row (creating it), so that one log is applied by one transaction at a
   * time.
   */
  public long lockApplied(Connection c, String origin) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            Dialect.of(c) == Dialect.H2
                ? "MERGE INTO mirror_state(origin_actor) KEY(origin_actor) "
                    + "SELECT ? WHERE NOT EXISTS (SELECT 1 FROM mirror_state WHERE origin_actor = ?)"
                : "INSERT INTO mirror_state(origin_actor) SELECT ? WHERE ? IS NOT NULL ON CONFLICT (origin_actor) DO NOTHING")) {
      ps.setString(1, origin);
      ps.setString(2, origin);
      Inserts.ignoringDuplicate(ps);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT applied_seq FROM mirror_state WHERE origin_actor = ? FOR UPDATE")) {
      ps.setString(1, origin);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public void setApplied(Connection c, String origin, long seq) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE mirror_state SET applied_seq = ? WHERE origin_actor = ?")) {
      ps.setLong(1, seq);
      ps.setString(2, origin);
      ps.executeUpdate();
    }
  }

  public void recordSync(Connection c, String origin, String source, String error, Instant now)
      throws SQLException {
    lockApplied(c, origin);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE mirror_state SET last_synced = CASE WHEN ? IS NULL THEN ? ELSE last_synced END, "
                + "last_source = COALESCE(?, last_source), last_error = ? WHERE origin_actor = ?")) {
      ps.setString(1, error);
      ps.setObject(2, Timestamps.toDb(now));
      ps.setString(3, error == null ? source : null);
      ps.setString(4, error == null ? null : error.substring(0, Math.min(500, error.length())));
      ps.setString(5, origin);
      ps.executeUpdate();
    }
  }

  /**
   * Withdraws items of {@code origin} from the mirror (they stay for the record but are neither
   * applied nor served again): used when the key that signed them was revoked from before they were
   * signed. Returns the documents withdrawn now.
   */
  public List<MirrorItem> withdraw(
      Connection c,
      String origin,
      java.util.function.Predicate<String> signedAfterRevocation,
      Instant now)
      throws SQLException {
    List<MirrorItem> hit = new ArrayList<>();
    for (MirrorItem i : after(c, origin, 0, Integer.MAX_VALUE)) {
      if (signedAfterRevocation.test(i.document())) hit.add(i);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE mirror_item SET withdrawn_at = ? WHERE origin_actor = ? AND sequence = ?")) {
      for (MirrorItem i : hit) {
        ps.setObject(1, Timestamps.toDb(now));
        ps.setString(2, origin);
        ps.setLong(3, i.sequence());
        ps.executeUpdate();
      }
    }
    return hit;
  }
}
