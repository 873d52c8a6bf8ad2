package org.madani.node.store.collab;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Supporters of an organization and their links to its entries (collab_supporter,
 * collab_supporter_link). Stateless.
 */
public final class SupporterRepository {

  public record SupporterRow(
      long id, long orgId, String kind, String name, String country, String url, Instant created) {}

  private static final String COLUMNS =
      "s.id, s.org_id, s.kind, s.name, s.country, s.url, s.created";

  public long insert(Connection c, SupporterRow r) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO collab_supporter(org_id, kind, name, country, url, "
                + "created) VALUES (?,?,?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, r.orgId());
      ps.setString(2, r.kind());
      ps.setString(3, r.name());
      ps.setString(4, r.country());
      ps.setString(5, r.url());
      ps.setObject(6, InvitationRepository.toDb(r.created()));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Changes a supporter's kind, name, country and URL; false when it is not the organization's. */
  public boolean update(Connection c, SupporterRow r) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE collab_supporter SET kind = ?, name = ?, country = ?, url = ?"
                + " WHERE id = ? AND org_id = ?")) {
      ps.setString(1, r.kind());
      ps.setString(2, r.name());
      ps.setString(3, r.country());
      ps.setString(4, r.url());
      ps.setLong(5, r.id());
      ps.setLong(6, r.orgId());
      return ps.executeUpdate() == 1;
    }
  }

  /** Removes a supporter and its links to entries; false when it is not the organization's. */
  public boolean delete(Connection c, long orgId, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM collab_supporter_link WHERE supporter_id = ? AND org_id = ?")) {
      ps.setLong(1, id);
      ps.setLong(2, orgId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM collab_supporter WHERE id = ? AND org_id = ?")) {
      ps.setLong(1, id);
      ps.setLong(2, orgId);
      return ps.executeUpdate() == 1;
    }
  }

  public List<SupporterRow> list(Connection c, long orgId) throws SQLException {
    return query(
        c,
        "SELECT " + COLUMNS + " FROM collab_supporter s WHERE s.org_id = ? ORDER BY s.id LIMIT 500",
        ps -> ps.setLong(1, orgId));
  }

  public List<SupporterRow> ofEntry(Connection c, long orgId, String entryId) throws SQLException {
    return query(
        c,
        "SELECT "
            + COLUMNS
            + " FROM collab_supporter_link l JOIN collab_supporter s ON s.id = "
            + "l.supporter_id WHERE l.org_id = ? AND l.entry_id = ? ORDER BY s.id",
        ps -> {
          ps.setLong(1, orgId);
          ps.setString(2, entryId);
        });
  }

  /** Replaces the entry's supporters with {@code ids} (each one of the organization's own). */
  public void link(Connection c, long orgId, String entryId, List<Long> ids) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM collab_supporter_link WHERE org_id = ? AND entry_id = ?")) {
      ps.setLong(1, orgId);
      ps.setString(2, entryId);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO collab_supporter_link(supporter_id, org_id, entry_id) VALUES (?,?,?)")) {
      for (long id : ids) {
        ps.setLong(1, id);
        ps.setLong(2, orgId);
        ps.setString(3, entryId);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static List<SupporterRow> query(Connection c, String sql, InvitationRepository.Binder b)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      b.bind(ps);
      List<SupporterRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new SupporterRow(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  InvitationRepository.fromDb(rs, 7)));
        }
      }
      return out;
    }
  }
}
