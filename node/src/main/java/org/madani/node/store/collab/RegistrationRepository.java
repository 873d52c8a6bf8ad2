package org.madani.node.store.collab;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registrations our organizations sent to trainings and events elsewhere (collab_registration): the
 * Join's id, the organizer whose answer counts, and the answer. Stateless.
 */
public final class RegistrationRepository {

  public record RegistrationRow(
      long id,
      long orgId,
      String objectUrl,
      String organizer,
      String joinId,
      String state,
      Instant created,
      Instant updated) {}

  private static final String COLUMNS =
      "id, org_id, object_url, organizer, join_id, state, created, updated";

  public long insert(Connection c, RegistrationRow r) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO collab_registration(org_id, object_url, organizer, join_id, state,"
                + " created, updated) VALUES (?,?,?,?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, r.orgId());
      ps.setString(2, r.objectUrl());
      ps.setString(3, r.organizer());
      ps.setString(4, r.joinId());
      ps.setString(5, r.state());
      ps.setObject(6, InvitationRepository.toDb(r.created()));
      ps.setObject(7, InvitationRepository.toDb(r.updated()));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** The registration a Join id names, when the Join was ours. */
  public Optional<RegistrationRow> byJoin(Connection c, String joinId) throws SQLException {
    return query(
            c,
            "SELECT " + COLUMNS + " FROM collab_registration WHERE join_id = ?",
            ps -> ps.setString(1, joinId))
        .stream()
        .findFirst();
  }

  /** The organization's latest registration for that object, if any. */
  public Optional<RegistrationRow> latest(Connection c, long orgId, String objectUrl)
      throws SQLException {
    return query(
            c,
            "SELECT "
                + COLUMNS
                + " FROM collab_registration WHERE org_id = ? AND object_url = ?"
                + " ORDER BY id DESC",
            ps -> {
              ps.setLong(1, orgId);
              ps.setString(2, objectUrl);
            })
        .stream()
        .findFirst();
  }

  public List<RegistrationRow> ofOrganization(Connection c, long orgId) throws SQLException {
    return query(
        c,
        "SELECT "
            + COLUMNS
            + " FROM collab_registration WHERE org_id = ? ORDER BY id DESC LIMIT 500",
        ps -> ps.setLong(1, orgId));
  }

  public boolean answer(Connection c, long id, String state, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE collab_registration SET state = ?, updated = ? WHERE id = ?")) {
      ps.setString(1, state);
      ps.setObject(2, InvitationRepository.toDb(now));
      ps.setLong(3, id);
      return ps.executeUpdate() == 1;
    }
  }

  private static List<RegistrationRow> query(
      Connection c, String sql, InvitationRepository.Binder b) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      b.bind(ps);
      List<RegistrationRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new RegistrationRow(
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
}
