package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trust settings (V7): node-wide settings, levels per remote node and per remote actor. Levels are
 * stored as their wire names; the trust package gives them meaning. Stateless.
 */
public final class TrustRepository {

  /** A stored level; {@code subject} is a node host key or an actor id. */
  public record LevelRow(
      String subject, String host, String level, String note, String source, Instant updated) {}

  /** Everything the policy needs, read in one transaction. */
  public record Settings(String mode, Map<String, String> nodes, Map<String, String> actors) {}

  public Settings read(Connection c) throws SQLException {
    Map<String, String> nodes = new HashMap<>();
    Map<String, String> actors = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT host, level FROM trust_node");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) nodes.put(rs.getString(1), rs.getString(2));
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT actor, level FROM trust_actor");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) actors.put(rs.getString(1), rs.getString(2));
    }
    return new Settings(setting(c, "federation_mode").orElse("open"), nodes, actors);
  }

  public Optional<String> setting(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT setting_value FROM trust_setting WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  public void putSetting(Connection c, String name, String value) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            Dialect.of(c).upsert("trust_setting", "name, setting_value", "name", "?, ?"))) {
      ps.setString(1, name);
      ps.setString(2, value);
      ps.executeUpdate();
    }
  }

  public void putNode(
      Connection c, String host, String level, String note, String source, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            Dialect.of(c)
                .upsert("trust_node", "host, level, note, source, updated", "host", "?,?,?,?,?"))) {
      ps.setString(1, host);
      ps.setString(2, level);
      ps.setString(3, note);
      ps.setString(4, source);
      ps.setObject(5, Timestamps.toDb(now));
      ps.executeUpdate();
    }
  }

  public boolean deleteNode(Connection c, String host) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM trust_node WHERE host = ?")) {
      ps.setString(1, host);
      return ps.executeUpdate() == 1;
    }
  }

  public void putActor(
      Connection c,
      String actor,
      String host,
      String level,
      String note,
      String source,
      Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            Dialect.of(c)
                .upsert(
                    "trust_actor",
                    "actor, host, level, note, source, updated",
                    "actor",
                    "?,?,?,?,?,?"))) {
      ps.setString(1, actor);
      ps.setString(2, host);
      ps.setString(3, level);
      ps.setString(4, note);
      ps.setString(5, source);
      ps.setObject(6, Timestamps.toDb(now));
      ps.executeUpdate();
    }
  }

  public boolean deleteActor(Connection c, String actor) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM trust_actor WHERE actor = ?")) {
      ps.setString(1, actor);
      return ps.executeUpdate() == 1;
    }
  }

  public List<LevelRow> nodes(Connection c) throws SQLException {
    return rows(c, "SELECT host, host, level, note, source, updated FROM trust_node ORDER BY host");
  }

  public List<LevelRow> actors(Connection c) throws SQLException {
    return rows(
        c, "SELECT actor, host, level, note, source, updated FROM trust_actor ORDER BY actor");
  }

  public Optional<LevelRow> node(Connection c, String host) throws SQLException {
    return nodes(c).stream().filter(r -> r.subject().equals(host)).findFirst();
  }

  public Optional<LevelRow> actor(Connection c, String actor) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT actor, host, level, note, source, updated FROM trust_actor WHERE actor = ?")) {
      ps.setString(1, actor);
      List<LevelRow> all = rows(ps);
      return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }
  }

  /**
   * Whether any hosted organization follows this actor and was accepted ("followed" is derived).
   */
  public boolean followed(Connection c, String actor) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM follow WHERE remote_actor = ? AND direction = 'outgoing' AND state = 'accepted'")) {
      ps.setString(1, actor);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static List<LevelRow> rows(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      return rows(ps);
    }
  }

  private static List<LevelRow> rows(PreparedStatement ps) throws SQLException {
    List<LevelRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new LevelRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                Timestamps.fromDb(rs, "updated")));
      }
    }
    return out;
  }
}
