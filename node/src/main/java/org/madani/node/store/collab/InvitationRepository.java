package org.madani.node.store.collab;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Invitations sent and received (table collab_invitation). Stateless; every call inside the
 * caller's transaction.
 */
public final class InvitationRepository {

  /** Where an invitation row stands from our side. */
  public enum Direction {
    SENT,
    RECEIVED
  }

  public record InvitationRow(
      long id,
      String activityId,
      Direction direction,
      long orgId,
      String entryId,
      String eventId,
      String eventName,
      Instant eventStart,
      String inviter,
      String invitee,
      String note,
      String state,
      String answerId,
      Instant created,
      Instant updated) {}

  private static final String COLUMNS =
      "id, activity_id, direction, org_id, entry_id, event_id, event_name, "
          + "event_start, inviter, invitee, note, state, answer_id, created, updated";

  /** Stores a row once per (Invite, direction, invitee); a repeat returns the row already there. */
  public InvitationRow insert(Connection c, InvitationRow r) throws SQLException {
    Optional<InvitationRow> existing = find(c, r.activityId(), r.direction(), r.invitee());
    if (existing.isPresent()) return existing.get();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO collab_invitation(activity_id, direction, org_id, "
                + "entry_id, event_id, event_name, event_start, inviter, invitee, note, state, answer_id, created, updated) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, r.activityId());
      ps.setString(2, r.direction().name());
      ps.setLong(3, r.orgId());
      ps.setString(4, r.entryId());
      ps.setString(5, r.eventId());
      ps.setString(6, r.eventName());
      ps.setObject(7, toDb(r.eventStart()));
      ps.setString(8, r.inviter());
      ps.setString(9, r.invitee());
      ps.setString(10, r.note());
      ps.setString(11, r.state());
      ps.setString(12, r.answerId());
      ps.setObject(13, toDb(r.created()));
      ps.setObject(14, toDb(r.updated()));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return find(c, keys.getLong(1)).orElseThrow();
      }
    }
  }

  public Optional<InvitationRow> find(Connection c, long id) throws SQLException {
    return one(
        c, "SELECT " + COLUMNS + " FROM collab_invitation WHERE id = ?", ps -> ps.setLong(1, id));
  }

  public Optional<InvitationRow> find(Connection c, String activityId, Direction d, String invitee)
      throws SQLException {
    return one(
        c,
        "SELECT "
            + COLUMNS
            + " FROM collab_invitation WHERE activity_id = ? AND direction = ? AND invitee = ?",
        ps -> {
          ps.setString(1, activityId);
          ps.setString(2, d.name());
          ps.setString(3, invitee);
        });
  }

  /**
   * The sent invitation of {@code organizer}'s event to {@code invitee}, if any (to avoid inviting
   * twice).
   */
  public Optional<InvitationRow> sentTo(Connection c, long orgId, String entryId, String invitee)
      throws SQLException {
    return one(
        c,
        "SELECT "
            + COLUMNS
            + " FROM collab_invitation WHERE org_id = ? AND entry_id = ? AND direction = 'SENT' "
            + "AND invitee = ?",
        ps -> {
          ps.setLong(1, orgId);
          ps.setString(2, entryId);
          ps.setString(3, invitee);
        });
  }

  /** Records an answer; only a newer answer than the one stored changes the state. */
  public boolean answer(Connection c, long id, String state, String answerId, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE collab_invitation SET state = ?, answer_id = ?, updated = ? WHERE id = ? AND updated <= ?")) {
      ps.setString(1, state);
      ps.setString(2, answerId);
      ps.setObject(3, toDb(at));
      ps.setLong(4, id);
      ps.setObject(5, toDb(at));
      return ps.executeUpdate() == 1;
    }
  }

  /** Invitations of one organization in one direction, newest first, at most {@code limit}. */
  public List<InvitationRow> list(Connection c, long orgId, Direction d, int limit)
      throws SQLException {
    return many(
        c,
        "SELECT "
            + COLUMNS
            + " FROM collab_invitation WHERE org_id = ? AND direction = ? "
            + "ORDER BY created DESC, id DESC LIMIT "
            + limit,
        ps -> {
          ps.setLong(1, orgId);
          ps.setString(2, d.name());
        });
  }

  /** The sent invitations of one of our events. */
  public List<InvitationRow> ofEntry(Connection c, long orgId, String entryId) throws SQLException {
    return many(
        c,
        "SELECT "
            + COLUMNS
            + " FROM collab_invitation WHERE org_id = ? AND entry_id = ? "
            + "AND direction = 'SENT' ORDER BY id",
        ps -> {
          ps.setLong(1, orgId);
          ps.setString(2, entryId);
        });
  }

  /** Count by state of the sent invitations of one event. */
  public Map<String, Integer> counts(Connection c, long orgId, String entryId) throws SQLException {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String s : List.of("accepted", "tentative", "declined", "pending")) out.put(s, 0);
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT state, COUNT(*) FROM collab_invitation WHERE org_id = ? "
                + "AND entry_id = ? AND direction = 'SENT' GROUP BY state")) {
      ps.setLong(1, orgId);
      ps.setString(2, entryId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
      }
    }
    return out;
  }

  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private Optional<InvitationRow> one(Connection c, String sql, Binder b) throws SQLException {
    List<InvitationRow> rows = many(c, sql, b);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private List<InvitationRow> many(Connection c, String sql, Binder b) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      b.bind(ps);
      List<InvitationRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new InvitationRow(
                  rs.getLong(1),
                  rs.getString(2),
                  Direction.valueOf(rs.getString(3)),
                  rs.getLong(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  fromDb(rs, 8),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getString(11),
                  rs.getString(12),
                  rs.getString(13),
                  fromDb(rs, 14),
                  fromDb(rs, 15)));
        }
      }
      return out;
    }
  }

  static OffsetDateTime toDb(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }

  static Instant fromDb(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
