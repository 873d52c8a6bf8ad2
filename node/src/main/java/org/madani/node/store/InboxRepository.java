package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Incoming activities awaiting handling, and the replay guard of seen signatures. Thread-safe. */
public final class InboxRepository {

  public record InboxRow(
      long id,
      String activityId,
      String actor,
      String type,
      String document,
      String verifiedBy,
      Instant received) {}

  /**
   * Stores an incoming activity unless one with the same id is already stored. Returns false for a
   * repeat, which the caller acknowledges without handling again.
   */
  public boolean insertIfNew(
      Connection c,
      String activityId,
      String actor,
      String type,
      String document,
      String verifiedBy,
      Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO inbox(activity_id, actor, type, document, verified_by, received, state) "
                + "SELECT ?,?,?,?,?,?,'pending' WHERE NOT EXISTS (SELECT 1 FROM inbox WHERE activity_id = ?)")) {
      ps.setString(1, activityId);
      ps.setString(2, actor);
      ps.setString(3, type);
      ps.setString(4, document);
      ps.setString(5, verifiedBy);
      ps.setObject(6, Timestamps.toDb(now));
      ps.setString(7, activityId);
      return Inserts.ignoringDuplicate(ps) == 1;
    }
  }

  /**
   * Lock key of the inbox claim on PostgreSQL ({@code pg_advisory_xact_lock}): claims run one at a
   * time across processes, so the per-actor order check below sees every other claim's leases.
   */
  static final long CLAIM_LOCK = 0x6d6164616e69L; // "madani"

  /**
   * PostgreSQL claim: pending activities not leased, skipping one while an earlier activity of the
   * same actor is leased by another process (an Update must not overtake its Create), locked with
   * SKIP LOCKED, then leased for {@code LEASE} by the database's clock (one clock for all
   * processes).
   */
  private static final String CLAIM_POSTGRES =
      "SELECT id, activity_id, actor, type, document, verified_by, received FROM inbox i "
          + "WHERE state = 'pending' AND (lease_until IS NULL OR lease_until <= now()) "
          + "AND NOT EXISTS (SELECT 1 FROM inbox e WHERE e.actor = i.actor AND e.state = 'pending' AND e.id < i.id "
          + "AND e.lease_until > now()) ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";

  /** How long a process holds the activities it claimed before another may take them (it died). */
  static final String LEASE = "2 minutes";

  /**
   * The next pending activities in arrival order. On H2 (one process per database) a plain read. On
   * PostgreSQL, where several node processes share the inbox, the rows are claimed: leased to this
   * process so that no other handles them too (see {@link #CLAIM_POSTGRES}).
   */
  public List<InboxRow> pending(Connection c, int limit) throws SQLException {
    if (Dialect.of(c) == Dialect.POSTGRESQL) return claimPostgres(c, limit);
    List<InboxRow> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, activity_id, actor, type, document, verified_by, received FROM inbox "
                + "WHERE state = 'pending' ORDER BY id LIMIT ?")) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new InboxRow(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  Timestamps.fromDb(rs, "received")));
        }
      }
    }
    return out;
  }

  private List<InboxRow> claimPostgres(Connection c, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      ps.setLong(1, CLAIM_LOCK);
      ps.executeQuery().close();
    }
    List<InboxRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(CLAIM_POSTGRES)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new InboxRow(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  Timestamps.fromDb(rs, "received")));
        }
      }
    }
    if (out.isEmpty()) return out;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE inbox SET lease_until = now() + CAST(? AS INTERVAL) WHERE id = ANY(?)")) {
      ps.setString(1, LEASE);
      ps.setArray(2, c.createArrayOf("bigint", out.stream().map(InboxRow::id).toArray()));
      ps.executeUpdate();
    }
    return out;
  }

  public void finish(Connection c, long id, boolean ok, String error) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE inbox SET state = ?, attempts = attempts + 1, error = ? WHERE id = ?")) {
      ps.setString(1, ok ? "done" : "failed");
      ps.setString(2, error == null ? null : error.substring(0, Math.min(500, error.length())));
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  /**
   * Marks activities applied together (a batch of Create/Update of objects) done, and empties the
   * document they carried: what they created now lives in {@code remote_object}, and the row stays
   * only as the record of the activity id, which refuses a repeat as a duplicate. A done row kept
   * with its JSON would be written twice more (at this update and in every later page rewrite); the
   * empty one is a few bytes. One statement for all of them (an array parameter, found through the
   * primary key on both stores), not one execution per row.
   */
  public void finishApplied(Connection c, List<Long> ids) throws SQLException {
    if (ids.isEmpty()) return;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE inbox SET state = 'done', attempts = attempts + 1, error = NULL, document = '' "
                + "WHERE id = ANY(?)")) {
      ps.setArray(1, c.createArrayOf("BIGINT", ids.toArray()));
      ps.executeUpdate();
    }
  }

  public boolean exists(Connection c, String activityId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM inbox WHERE activity_id = ?")) {
      ps.setString(1, activityId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Remembers the HTTP signature scheme ({@code rfc9421} or {@code cavage}) a host signed a
   * verified request with, unless deliveries to it already learned one. Our first delivery to that
   * host then speaks the same scheme, so a peer that only verifies draft-cavage (Mastodon, Fedify
   * before 1.6) never sees a refused RFC 9421 attempt first.
   */
  public void noteSignatureScheme(Connection c, String host, String scheme) throws SQLException {
    if (host == null) return;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO peer_host(host, consecutive_failures, signature_scheme) SELECT ?, 0, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM peer_host WHERE host = ?)")) {
      ps.setString(1, host);
      ps.setString(2, scheme);
      ps.setString(3, host);
      if (Inserts.ignoringDuplicate(ps) == 1) return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE peer_host SET signature_scheme = ? WHERE host = ? AND signature_scheme IS NULL")) {
      ps.setString(1, scheme);
      ps.setString(2, host);
      ps.executeUpdate();
    }
  }
}
