package org.madani.node.store.collab;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.madani.node.store.Dialect;

/**
 * Join settings of our events and who joined them (collab_event_settings, collab_participant).
 * Stateless.
 */
public final class ParticipationRepository {

  /**
   * How an event may be joined: Mobilizon's joinMode and schema.org maximumAttendeeCapacity (null =
   * no limit).
   */
  public record Settings(String joinMode, Integer capacity) {
    public static final Settings DEFAULT = new Settings("free", null);

    public Settings {
      if (!List.of("free", "restricted", "invite").contains(joinMode)) {
        throw new IllegalArgumentException("joinMode " + joinMode);
      }
      if (capacity != null && capacity < 0) throw new IllegalArgumentException("capacity < 0");
    }
  }

  public record ParticipantRow(
      long id,
      long orgId,
      String entryId,
      String actor,
      String joinId,
      String state,
      Instant created,
      Instant updated) {}

  public Settings settings(Connection c, long orgId, String entryId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT join_mode, capacity FROM collab_event_settings WHERE org_id = ? AND entry_id = ?")) {
      ps.setLong(1, orgId);
      ps.setString(2, entryId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return Settings.DEFAULT;
        String mode = rs.getString(1);
        int cap = rs.getInt(2);
        Integer capacity =
            rs.wasNull() ? null : cap; // right after its column: wasNull is about the last read
        return new Settings(mode, capacity);
      }
    }
  }

  public void saveSettings(Connection c, long orgId, String entryId, Settings s)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            Dialect.of(c)
                .upsert(
                    "collab_event_settings",
                    "org_id, entry_id, join_mode, capacity",
                    "org_id, entry_id",
                    "?,?,?,?"))) {
      ps.setLong(1, orgId);
      ps.setString(2, entryId);
      ps.setString(3, s.joinMode());
      ps.setObject(4, s.capacity());
      ps.executeUpdate();
    }
  }

  public Optional<ParticipantRow> find(Connection c, long orgId, String entryId, String actor)
      throws SQLException {
    List<ParticipantRow> rows =
        query(
            c,
            "SELECT id, org_id, entry_id, actor, join_id, state, created, updated "
                + "FROM collab_participant WHERE org_id = ? AND entry_id = ? AND actor = ?",
            orgId,
            entryId,
            actor);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public Optional<ParticipantRow> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, org_id, entry_id, actor, join_id, state, created, "
                + "updated FROM collab_participant WHERE id = ?")) {
      ps.setLong(1, id);
      List<ParticipantRow> rows = read(ps);
      return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
  }

  /**
   * Inserts or replaces the actor's participation in an event (a new Join after a Leave starts
   * again).
   */
  public void upsert(
      Connection c,
      long orgId,
      String entryId,
      String actor,
      String joinId,
      String state,
      Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            Dialect.of(c)
                .upsert(
                    "collab_participant",
                    "org_id, entry_id, actor, join_id, state, created, updated",
                    "org_id, entry_id, actor",
                    "?,?,?,?,?,?,?"))) {
      ps.setLong(1, orgId);
      ps.setString(2, entryId);
      ps.setString(3, actor);
      ps.setString(4, joinId);
      ps.setString(5, state);
      ps.setObject(6, InvitationRepository.toDb(now));
      ps.setObject(7, InvitationRepository.toDb(now));
      ps.executeUpdate();
    }
  }

  public boolean setState(Connection c, long id, String state, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE collab_participant SET state = ?, updated = ? WHERE id = ?")) {
      ps.setString(1, state);
      ps.setObject(2, InvitationRepository.toDb(now));
      ps.setLong(3, id);
      return ps.executeUpdate() == 1;
    }
  }

  public int countAccepted(Connection c, long orgId, String entryId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*) FROM collab_participant WHERE org_id = ? "
                + "AND entry_id = ? AND state = 'accepted'")) {
      ps.setLong(1, orgId);
      ps.setString(2, entryId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  public List<ParticipantRow> list(Connection c, long orgId, String entryId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, org_id, entry_id, actor, join_id, state, created, "
                + "updated FROM collab_participant WHERE org_id = ? AND entry_id = ? ORDER BY id LIMIT 1000")) {
      ps.setLong(1, orgId);
      ps.setString(2, entryId);
      return read(ps);
    }
  }

  private List<ParticipantRow> query(
      Connection c, String sql, long orgId, String entryId, String actor) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, orgId);
      ps.setString(2, entryId);
      ps.setString(3, actor);
      return read(ps);
    }
  }

  private static List<ParticipantRow> read(PreparedStatement ps) throws SQLException {
    List<ParticipantRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new ParticipantRow(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                InvitationRepository.fromDb(rs, 7),
                InvitationRepository.fromDb(rs, 8)));
      }
    }
    return out;
  }
}
