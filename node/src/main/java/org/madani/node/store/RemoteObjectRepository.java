package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Objects received from other organizations, with provenance; likes counted. Stateless. */
public final class RemoteObjectRepository {

  public record ObjectRow(
      String id,
      String actor,
      String type,
      String audience,
      String document,
      String verifiedBy,
      String via,
      Instant received,
      Instant updated,
      Instant deletedAt) {}

  public void upsert(Connection c, ObjectRow o) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            Dialect.of(c)
                .upsert(
                    "remote_object",
                    "id, actor, type, audience, document, verified_by, via, received, updated, deleted_at",
                    "id",
                    "?,?,?,?,?,?,?,?,?,NULL"))) {
      ps.setString(1, o.id());
      ps.setString(2, o.actor());
      ps.setString(3, o.type());
      ps.setString(4, o.audience());
      ps.setString(5, o.document());
      ps.setString(6, o.verifiedBy());
      ps.setString(7, o.via());
      ps.setObject(8, Timestamps.toDb(o.received()));
      ps.setObject(9, Timestamps.toDb(o.updated()));
      ps.executeUpdate();
    }
  }

  /**
   * Inserts an object not stored yet; false when a concurrent transaction stored it first (then
   * {@link #upsert} it). Cheaper than {@link #upsert} for the common case, a new object: one key
   * check instead of an update attempt followed by the insert.
   */
  public boolean insertIfAbsent(Connection c, ObjectRow o) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO remote_object(id, actor, type, audience, document, verified_by, via, "
                + "received, updated, deleted_at) VALUES (?,?,?,?,?,?,?,?,?,NULL)")) {
      ps.setString(1, o.id());
      ps.setString(2, o.actor());
      ps.setString(3, o.type());
      ps.setString(4, o.audience());
      ps.setString(5, o.document());
      ps.setString(6, o.verifiedBy());
      ps.setString(7, o.via());
      ps.setObject(8, Timestamps.toDb(o.received()));
      ps.setObject(9, Timestamps.toDb(o.updated()));
      return Inserts.ignoringDuplicate(ps) == 1;
    }
  }

  public void addRecipient(Connection c, String objectId, long orgId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            Dialect.of(c)
                .upsert(
                    "remote_object_recipient", "object_id, org_id", "object_id, org_id", "?,?"))) {
      ps.setString(1, objectId);
      ps.setLong(2, orgId);
      ps.executeUpdate();
    }
  }

  public Optional<ObjectRow> find(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
      ps.setString(1, id);
      List<ObjectRow> all = all(ps);
      return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }
  }

  /** Marks deleted and drops the content: a deleted object's text is not kept. */
  public boolean markDeleted(Connection c, String id, String actor, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE remote_object SET deleted_at = ?, document = '{}' WHERE id = ? AND actor = ? AND deleted_at IS NULL")) {
      ps.setObject(1, Timestamps.toDb(now));
      ps.setString(2, id);
      ps.setString(3, actor);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Live objects visible to hosted organization {@code orgId}: public ones, or addressed to it;
   * never those the trust model refuses (blocked or suspended author, blocked node, node off the
   * allowlist: V7 view remote_object_standing). Limited authors' objects stay visible here.
   */
  public List<ObjectRow> visibleTo(Connection c, long orgId, String actor, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            SELECT
                + " WHERE deleted_at IS NULL"
                + (actor == null ? "" : " AND actor = ?")
                + " AND NOT EXISTS (SELECT 1 FROM remote_object_standing s WHERE s.object_id = remote_object.id AND s.refused)"
                + " AND (audience = 'public' OR EXISTS (SELECT 1 FROM remote_object_recipient r"
                + " WHERE r.object_id = remote_object.id AND r.org_id = ?)) ORDER BY updated DESC LIMIT ?")) {
      int i = 1;
      if (actor != null) ps.setString(i++, actor);
      ps.setLong(i++, orgId);
      ps.setInt(i, limit);
      return all(ps);
    }
  }

  public boolean addLike(Connection c, String activityId, String actor, String objectId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO remote_like(activity_id, actor, object_id) SELECT ?,?,? "
                + "WHERE NOT EXISTS (SELECT 1 FROM remote_like WHERE activity_id = ?)")) {
      ps.setString(1, activityId);
      ps.setString(2, actor);
      ps.setString(3, objectId);
      ps.setString(4, activityId);
      return Inserts.ignoringDuplicate(ps) == 1;
    }
  }

  public boolean removeLike(Connection c, String activityId, String actor) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM remote_like WHERE activity_id = ? AND actor = ?")) {
      ps.setString(1, activityId);
      ps.setString(2, actor);
      return ps.executeUpdate() == 1;
    }
  }

  public long likes(Connection c, String objectId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*) FROM remote_like WHERE object_id = ?")) {
      ps.setString(1, objectId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static final String SELECT =
      "SELECT id, actor, type, audience, document, verified_by, via, received, updated, deleted_at FROM remote_object";

  private static List<ObjectRow> all(PreparedStatement ps) throws SQLException {
    List<ObjectRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new ObjectRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                Timestamps.fromDb(rs, "received"),
                Timestamps.fromDb(rs, "updated"),
                Timestamps.fromDb(rs, "deleted_at")));
      }
    }
    return out;
  }

  /**
   * Forgets an object outright (no tombstone): its only copy was signed by a key revoked before it
   * was signed, so it is not known to be genuine; a later copy signed with a valid key may return.
   */
  public boolean purge(Connection c, String id, String actor) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM remote_object_recipient WHERE object_id = ?")) {
      ps.setString(1, id);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM remote_object WHERE id = ? AND actor = ?")) {
      ps.setString(1, id);
      ps.setString(2, actor);
      return ps.executeUpdate() == 1;
    }
  }

  /** Live objects of one author (for withdrawing those signed with a revoked key). */
  public List<ObjectRow> ofActor(Connection c, String actor) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(SELECT + " WHERE actor = ? AND deleted_at IS NULL")) {
      ps.setString(1, actor);
      return all(ps);
    }
  }
}
