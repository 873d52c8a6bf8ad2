package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Follow relationships between hosted organizations and remote actors. Stateless. */
public final class FollowRepository {

  public enum Direction {
    OUTGOING,
    INCOMING
  }

  public enum State {
    PENDING,
    ACCEPTED,
    REJECTED
  }

  public record FollowRow(
      long orgId,
      String remoteActor,
      Direction direction,
      State state,
      String activityId,
      Instant created,
      Instant updated) {}

  /** Inserts or replaces the relationship (a new Follow after an Undo starts afresh). */
  public void upsert(Connection c, FollowRow f) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            Dialect.of(c)
                .upsert(
                    "follow",
                    "org_id, remote_actor, direction, state, activity_id, created, updated",
                    "org_id, remote_actor, direction",
                    "?,?,?,?,?,?,?"))) {
      ps.setLong(1, f.orgId());
      ps.setString(2, f.remoteActor());
      ps.setString(3, f.direction().name().toLowerCase());
      ps.setString(4, f.state().name().toLowerCase());
      ps.setString(5, f.activityId());
      ps.setObject(6, Timestamps.toDb(f.created()));
      ps.setObject(7, Timestamps.toDb(f.updated()));
      ps.executeUpdate();
    }
  }

  public Optional<FollowRow> find(Connection c, long orgId, String remoteActor, Direction d)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(SELECT + " WHERE org_id = ? AND remote_actor = ? AND direction = ?")) {
      ps.setLong(1, orgId);
      ps.setString(2, remoteActor);
      ps.setString(3, d.name().toLowerCase());
      return one(ps);
    }
  }

  public Optional<FollowRow> findByActivity(Connection c, String activityId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE activity_id = ?")) {
      ps.setString(1, activityId);
      return one(ps);
    }
  }

  public boolean setState(
      Connection c, long orgId, String remoteActor, Direction d, State s, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE follow SET state = ?, updated = ? WHERE org_id = ? AND remote_actor = ? AND direction = ?")) {
      ps.setString(1, s.name().toLowerCase());
      ps.setObject(2, Timestamps.toDb(now));
      ps.setLong(3, orgId);
      ps.setString(4, remoteActor);
      ps.setString(5, d.name().toLowerCase());
      return ps.executeUpdate() == 1;
    }
  }

  public boolean delete(Connection c, long orgId, String remoteActor, Direction d)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM follow WHERE org_id = ? AND remote_actor = ? AND direction = ?")) {
      ps.setLong(1, orgId);
      ps.setString(2, remoteActor);
      ps.setString(3, d.name().toLowerCase());
      return ps.executeUpdate() == 1;
    }
  }

  public List<FollowRow> list(Connection c, long orgId, Direction d, State s) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            SELECT
                + " WHERE org_id = ? AND direction = ?"
                + (s == null ? "" : " AND state = ?")
                + " ORDER BY id")) {
      ps.setLong(1, orgId);
      ps.setString(2, d.name().toLowerCase());
      if (s != null) ps.setString(3, s.name().toLowerCase());
      return all(ps);
    }
  }

  /**
   * Remote actors some hosted organization follows (accepted), for the inbox's higher allowance.
   */
  public List<String> followedActors(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT DISTINCT remote_actor FROM follow WHERE direction = 'outgoing' AND state = 'accepted'");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  /**
   * Every actor a hosted organization follows or asked to follow (not rejected), oldest follow
   * first: the candidate mirror peers of catch-up.
   */
  public List<String> followedOrAsked(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT remote_actor FROM follow WHERE direction = 'outgoing' AND state <> 'rejected' ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  /** Hosted organizations that follow {@code remoteActor} and were accepted. */
  public List<Long> orgsFollowing(Connection c, String remoteActor) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT org_id FROM follow WHERE remote_actor = ? AND direction = 'outgoing' AND state = 'accepted'")) {
      ps.setString(1, remoteActor);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(rs.getLong(1));
      }
    }
    return out;
  }

  public long count(Connection c, long orgId, Direction d, State s) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*) FROM follow WHERE org_id = ? AND direction = ? AND state = ?")) {
      ps.setLong(1, orgId);
      ps.setString(2, d.name().toLowerCase());
      ps.setString(3, s.name().toLowerCase());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static final String SELECT =
      "SELECT org_id, remote_actor, direction, state, activity_id, created, updated FROM follow";

  private static Optional<FollowRow> one(PreparedStatement ps) throws SQLException {
    List<FollowRow> all = all(ps);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  private static List<FollowRow> all(PreparedStatement ps) throws SQLException {
    List<FollowRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new FollowRow(
                rs.getLong(1),
                rs.getString(2),
                Direction.valueOf(rs.getString(3).toUpperCase()),
                State.valueOf(rs.getString(4).toUpperCase()),
                rs.getString(5),
                Timestamps.fromDb(rs, "created"),
                Timestamps.fromDb(rs, "updated")));
      }
    }
    return out;
  }
}
