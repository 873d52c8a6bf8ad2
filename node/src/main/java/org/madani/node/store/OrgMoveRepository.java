package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.madani.node.model.Entry;
import org.madani.node.model.EntryKind;
import org.madani.node.model.Visibility;

/**
 * Where a hosted organization came from and went to (V141), and the whole-organization reads an
 * export needs. Stateless; every method runs in the caller's transaction.
 */
public final class OrgMoveRepository {

  /**
   * @param alsoKnownAs the actor it moved from, or null; @param movedTo the actor it moved to, or
   *     null
   */
  public record MoveRow(long orgId, String alsoKnownAs, String movedTo, Instant movedAt) {}

  public Optional<MoveRow> find(Connection c, long orgId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT org_id, also_known_as, moved_to, moved_at FROM org_move WHERE org_id = ?")) {
      ps.setLong(1, orgId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        return Optional.of(
            new MoveRow(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                Timestamps.fromDb(rs, "moved_at")));
      }
    }
  }

  public void setAlsoKnownAs(Connection c, long orgId, String previousActor) throws SQLException {
    ensure(c, orgId);
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE org_move SET also_known_as = ? WHERE org_id = ?")) {
      ps.setString(1, previousActor);
      ps.setLong(2, orgId);
      ps.executeUpdate();
    }
  }

  public void setMovedTo(Connection c, long orgId, String target, Instant at) throws SQLException {
    ensure(c, orgId);
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE org_move SET moved_to = ?, moved_at = ? WHERE org_id = ?")) {
      ps.setString(1, target);
      ps.setObject(2, Timestamps.toDb(at));
      ps.setLong(3, orgId);
      ps.executeUpdate();
    }
  }

  /** Whether an entry with this id is hosted here (entry ids are unique across the node). */
  public boolean entryIdTaken(Connection c, String entryId) throws SQLException {
    return exists(c, "SELECT 1 FROM entry WHERE id = ?", entryId);
  }

  /**
   * Whether an outbox activity with this id exists here (activity ids are unique across the node).
   */
  public boolean activityIdTaken(Connection c, String activityId) throws SQLException {
    return exists(c, "SELECT 1 FROM outbox WHERE activity_id = ?", activityId);
  }

  private static boolean exists(Connection c, String sql, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void ensure(Connection c, long orgId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO org_move(org_id) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM org_move WHERE org_id = ?)")) {
      ps.setLong(1, orgId);
      ps.setLong(2, orgId);
      Inserts.ignoringDuplicate(ps);
    }
  }

  /** Every live (not deleted) entry of the organization, oldest first, for an export. */
  public List<Entry> entries(
      Connection c, long orgId, com.fasterxml.jackson.databind.ObjectMapper mapper)
      throws SQLException {
    JsonColumns json = new JsonColumns(mapper);
    List<Entry> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, org_id, kind, visibility, document, version, "
                + "start_time, created, updated FROM entry WHERE org_id = ? AND deleted_at IS NULL ORDER BY created, id")) {
      ps.setLong(1, orgId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Entry(
                  rs.getString(1),
                  rs.getLong(2),
                  EntryKind.fromWire(rs.getString(3)).orElseThrow(),
                  Visibility.fromWire(rs.getString(4)).orElseThrow(),
                  json.read(rs.getString(5), "entry"),
                  rs.getInt(6),
                  Timestamps.fromDb(rs, "start_time"),
                  Timestamps.fromDb(rs, "created"),
                  Timestamps.fromDb(rs, "updated")));
        }
      }
    }
    return out;
  }
}
