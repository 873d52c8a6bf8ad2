package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads for network discovery: whom our organizations follow, whom the node trusts, and the two
 * publication switches (kept in trust_setting beside the trust model's own). Stateless.
 */
public final class DiscoveryRepository {

  public static final String PUBLISH_FOLLOWS = "discovery_publish_follows";
  public static final String PUBLISH_TRUSTS = "discovery_publish_trusts";

  /** Per organization (suffix: its id): whether it opted in to having its follows published. */
  public static final String PUBLISH_FOLLOWS_OF = "discovery_publish_follows:org:";

  /**
   * Actor ids any hosted organization follows (accepted) with the fetched actor document, if any.
   */
  public Map<String, String> followed(Connection c) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT DISTINCT f.remote_actor, a.document FROM follow f"
                    + " LEFT JOIN remote_actor a ON a.id = f.remote_actor"
                    + " WHERE f.direction = 'outgoing' AND f.state = 'accepted' ORDER BY f.remote_actor");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.put(rs.getString(1), rs.getString(2));
    }
    return out;
  }

  /**
   * Actor ids that the given organizations follow (accepted), with the fetched actor document if
   * any. Only these organizations' follows are read: the others did not opt in to publishing them.
   */
  public Map<String, String> followedBy(Connection c, Set<Long> orgIds) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    if (orgIds.isEmpty()) return out;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT DISTINCT f.remote_actor, a.document FROM follow f"
                + " LEFT JOIN remote_actor a ON a.id = f.remote_actor"
                + " WHERE f.direction = 'outgoing' AND f.state = 'accepted' AND f.org_id = ANY(?)"
                + " ORDER BY f.remote_actor")) {
      ps.setArray(
          1, c.createArrayOf("BIGINT", orgIds.toArray())); // an array parameter on both stores
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  /** Actor ids with an outgoing follow in any state but rejected: not to be suggested again. */
  public Set<String> followedOrPending(Connection c) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT DISTINCT remote_actor FROM follow WHERE direction = 'outgoing' AND state <> 'rejected'");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  /** Hosted organizations: id to handle. */
  public Map<Long, String> organizations(Connection c) throws SQLException {
    Map<Long, String> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT id, handle FROM organization ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.put(rs.getLong(1), rs.getString(2));
    }
    return out;
  }

  /** Host keys of trusted nodes. */
  public Set<String> trustedNodes(Connection c) throws SQLException {
    return strings(c, "SELECT host FROM trust_node WHERE level = 'trusted' ORDER BY host");
  }

  /** Actor ids of trusted organizations. */
  public Set<String> trustedActors(Connection c) throws SQLException {
    return strings(c, "SELECT actor FROM trust_actor WHERE level = 'trusted' ORDER BY actor");
  }

  public boolean flag(Connection c, String name, boolean fallback) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT setting_value FROM trust_setting WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Boolean.parseBoolean(rs.getString(1)) : fallback;
      }
    }
  }

  public void setFlag(Connection c, String name, boolean value) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            Dialect.of(c).upsert("trust_setting", "name, setting_value", "name", "?, ?"))) {
      ps.setString(1, name);
      ps.setString(2, Boolean.toString(value));
      ps.executeUpdate();
    }
  }

  private static Set<String> strings(Connection c, String sql) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }
}
