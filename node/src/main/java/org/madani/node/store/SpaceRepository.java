package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spaces, their members, our wrapped epoch keys and the posts' ciphertext envelopes
 * (protocol-spec/spaces.md). Holds no plaintext of any post. Stateless; call inside the caller's
 * transaction. Inserts that may repeat check first ({@code WHERE NOT EXISTS}), so a repeat does not
 * raise a unique-key error, which would abort the whole transaction on PostgreSQL.
 */
public final class SpaceRepository {

  public record SpaceRow(
      long pk,
      long orgId,
      String spaceId,
      String ref,
      String owner,
      String name,
      String purpose,
      String role,
      int epoch,
      Instant created) {}

  public record MemberRow(
      String actor, String role, String state, String spaceKey, Instant since) {}

  public record EpochRow(int epoch, String enc, String wrapped) {}

  public record PostRow(
      long id, String postId, int epoch, String author, String envelope, Instant received) {}

  private static final String SPACE_COLUMNS =
      "id, org_id, space_id, ref, owner, name, purpose, role, epoch, created";

  public Optional<String> publicKey(Connection c, long orgId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT public_key FROM space_key WHERE org_id = ?")) {
      ps.setLong(1, orgId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  public Optional<String> privateFile(Connection c, long orgId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT private_file FROM space_key WHERE org_id = ?")) {
      ps.setLong(1, orgId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  public void insertKey(Connection c, long orgId, String publicKey, String privateFile, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO space_key(org_id, public_key, private_file, created) VALUES (?,?,?,?)")) {
      ps.setLong(1, orgId);
      ps.setString(2, publicKey);
      ps.setString(3, privateFile);
      ps.setObject(4, Timestamps.toDb(now));
      ps.executeUpdate();
    }
  }

  /**
   * Inserts a space as {@code orgId} sees it; returns its key, or empty when it was already there.
   */
  public Optional<Long> insertSpace(Connection c, SpaceRow s) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO space(org_id, space_id, ref, owner, name, purpose, role, epoch, created) SELECT ?,?,?,?,?,?,?,?,? "
                + "WHERE NOT EXISTS (SELECT 1 FROM space WHERE org_id = ? AND space_id = ?)",
            new String[] {"id"})) {
      ps.setLong(1, s.orgId());
      ps.setString(2, s.spaceId());
      ps.setString(3, s.ref());
      ps.setString(4, s.owner());
      ps.setString(5, s.name());
      ps.setString(6, s.purpose());
      ps.setString(7, s.role());
      ps.setInt(8, s.epoch());
      ps.setObject(9, Timestamps.toDb(s.created()));
      ps.setLong(10, s.orgId());
      ps.setString(11, s.spaceId());
      if (Inserts.ignoringDuplicate(ps) != 1) return Optional.empty();
      try (ResultSet rs = ps.getGeneratedKeys()) {
        rs.next();
        return Optional.of(rs.getLong(1));
      }
    }
  }

  public Optional<SpaceRow> byRef(Connection c, long orgId, String ref) throws SQLException {
    return one(
        c, "SELECT " + SPACE_COLUMNS + " FROM space WHERE org_id = ? AND ref = ?", orgId, ref);
  }

  public Optional<SpaceRow> bySpaceId(Connection c, long orgId, String spaceId)
      throws SQLException {
    return one(
        c,
        "SELECT " + SPACE_COLUMNS + " FROM space WHERE org_id = ? AND space_id = ?",
        orgId,
        spaceId);
  }

  /** Every local view of {@code spaceId} (several of our organizations may be members). */
  public List<SpaceRow> allBySpaceId(Connection c, String spaceId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + SPACE_COLUMNS + " FROM space WHERE space_id = ?")) {
      ps.setString(1, spaceId);
      return spaces(ps);
    }
  }

  public List<SpaceRow> list(Connection c, long orgId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + SPACE_COLUMNS
                + " FROM space WHERE org_id = ? ORDER BY created DESC, id DESC")) {
      ps.setLong(1, orgId);
      return spaces(ps);
    }
  }

  public void setRole(Connection c, long pk, String role) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE space SET role = ? WHERE id = ?")) {
      ps.setString(1, role);
      ps.setLong(2, pk);
      ps.executeUpdate();
    }
  }

  /** Raises the space's newest epoch (never lowers it: wraps may arrive out of order). */
  public void raiseEpoch(Connection c, long pk, int epoch) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE space SET epoch = ? WHERE id = ? AND epoch < ?")) {
      ps.setInt(1, epoch);
      ps.setLong(2, pk);
      ps.setInt(3, epoch);
      ps.executeUpdate();
    }
  }

  public List<MemberRow> members(Connection c, long pk) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT actor, role, state, space_key, since FROM space_member WHERE space_pk = ? ORDER BY since, actor")) {
      ps.setLong(1, pk);
      List<MemberRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new MemberRow(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  Timestamps.fromDb(rs, "since")));
        }
      }
      return out;
    }
  }

  /** Inserts or replaces one member's row. */
  public void putMember(Connection c, long pk, MemberRow m) throws SQLException {
    try (PreparedStatement del =
        c.prepareStatement("DELETE FROM space_member WHERE space_pk = ? AND actor = ?")) {
      del.setLong(1, pk);
      del.setString(2, m.actor());
      del.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO space_member(space_pk, actor, role, state, space_key, since) VALUES (?,?,?,?,?,?)")) {
      ps.setLong(1, pk);
      ps.setString(2, m.actor());
      ps.setString(3, m.role());
      ps.setString(4, m.state());
      ps.setString(5, m.spaceKey());
      ps.setObject(6, Timestamps.toDb(m.since()));
      ps.executeUpdate();
    }
  }

  /**
   * Marks every listed member not in {@code keep} as removed (the owner's newest list replaces
   * ours).
   */
  public void retainActive(Connection c, long pk, List<String> keep) throws SQLException {
    for (MemberRow m : members(c, pk)) {
      if ("active".equals(m.state()) && !keep.contains(m.actor())) {
        putMember(c, pk, new MemberRow(m.actor(), m.role(), "removed", m.spaceKey(), m.since()));
      }
    }
  }

  /** Stores our wrapped key of an epoch once; a repeat changes nothing. */
  public boolean insertEpoch(Connection c, long pk, EpochRow e, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO space_epoch(space_pk, epoch, enc, wrapped, created) SELECT ?,?,?,?,? "
                + "WHERE NOT EXISTS (SELECT 1 FROM space_epoch WHERE space_pk = ? AND epoch = ?)")) {
      ps.setLong(1, pk);
      ps.setInt(2, e.epoch());
      ps.setString(3, e.enc());
      ps.setString(4, e.wrapped());
      ps.setObject(5, Timestamps.toDb(now));
      ps.setLong(6, pk);
      ps.setInt(7, e.epoch());
      return Inserts.ignoringDuplicate(ps) == 1;
    }
  }

  public List<EpochRow> epochs(Connection c, long pk) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT epoch, enc, wrapped FROM space_epoch WHERE space_pk = ? ORDER BY epoch")) {
      ps.setLong(1, pk);
      List<EpochRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(new EpochRow(rs.getInt(1), rs.getString(2), rs.getString(3)));
      }
      return out;
    }
  }

  /** Stores a post's envelope once per post id; false for a repeat (a replay changes nothing). */
  public boolean insertPost(Connection c, long pk, PostRow p) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO space_post(space_pk, post_id, epoch, author, envelope, received) SELECT ?,?,?,?,?,? "
                + "WHERE NOT EXISTS (SELECT 1 FROM space_post WHERE space_pk = ? AND post_id = ?)")) {
      ps.setLong(1, pk);
      ps.setString(2, p.postId());
      ps.setInt(3, p.epoch());
      ps.setString(4, p.author());
      ps.setString(5, p.envelope());
      ps.setObject(6, Timestamps.toDb(p.received()));
      ps.setLong(7, pk);
      ps.setString(8, p.postId());
      return Inserts.ignoringDuplicate(ps) == 1;
    }
  }

  /** Posts of a space, oldest first, after {@code afterId}, at most {@code limit}. */
  public List<PostRow> posts(Connection c, long pk, long afterId, int limit) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, post_id, epoch, author, envelope, received FROM space_post WHERE space_pk = ? AND id > ? "
                + "ORDER BY id LIMIT ?")) {
      ps.setLong(1, pk);
      ps.setLong(2, afterId);
      ps.setInt(3, limit);
      List<PostRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new PostRow(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getInt(3),
                  rs.getString(4),
                  rs.getString(5),
                  Timestamps.fromDb(rs, "received")));
        }
      }
      return out;
    }
  }

  private Optional<SpaceRow> one(Connection c, String sql, long orgId, String key)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, orgId);
      ps.setString(2, key);
      List<SpaceRow> rows = spaces(ps);
      return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
  }

  private static List<SpaceRow> spaces(PreparedStatement ps) throws SQLException {
    List<SpaceRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new SpaceRow(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getInt(9),
                Timestamps.fromDb(rs, "created")));
      }
    }
    return out;
  }
}
