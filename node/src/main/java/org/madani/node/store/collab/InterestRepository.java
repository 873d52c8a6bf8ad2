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
import org.madani.node.store.collab.InvitationRepository.Direction;

/** "Express interest" messages sent and received (table collab_interest). Stateless. */
public final class InterestRepository {

  public record InterestRow(
      long id,
      String activityId,
      Direction direction,
      long orgId,
      String counterpart,
      String about,
      String message,
      String state,
      String answerMessage,
      Instant created,
      Instant updated) {}

  private static final String COLUMNS =
      "id, activity_id, direction, org_id, counterpart, about, message, state, answer_message, created, updated";

  /** Stores once per (Offer id, direction); a repeat returns the row already there. */
  public InterestRow insert(Connection c, InterestRow r) throws SQLException {
    Optional<InterestRow> existing = find(c, r.activityId(), r.direction());
    if (existing.isPresent()) return existing.get();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO collab_interest(activity_id, direction, org_id, "
                + "counterpart, about, message, state, answer_message, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, r.activityId());
      ps.setString(2, r.direction().name());
      ps.setLong(3, r.orgId());
      ps.setString(4, r.counterpart());
      ps.setString(5, r.about());
      ps.setString(6, r.message());
      ps.setString(7, r.state());
      ps.setString(8, r.answerMessage());
      ps.setObject(9, InvitationRepository.toDb(r.created()));
      ps.setObject(10, InvitationRepository.toDb(r.updated()));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return find(c, keys.getLong(1)).orElseThrow();
      }
    }
  }

  public Optional<InterestRow> find(Connection c, long id) throws SQLException {
    return first(
        query(
            c,
            "SELECT " + COLUMNS + " FROM collab_interest WHERE id = ?",
            ps -> ps.setLong(1, id)));
  }

  public Optional<InterestRow> find(Connection c, String activityId, Direction d)
      throws SQLException {
    return first(
        query(
            c,
            "SELECT " + COLUMNS + " FROM collab_interest WHERE activity_id = ? AND direction = ?",
            ps -> {
              ps.setString(1, activityId);
              ps.setString(2, d.name());
            }));
  }

  public List<InterestRow> list(Connection c, long orgId) throws SQLException {
    return query(
        c,
        "SELECT "
            + COLUMNS
            + " FROM collab_interest WHERE org_id = ? ORDER BY created DESC, id DESC "
            + "LIMIT 200",
        ps -> ps.setLong(1, orgId));
  }

  public void answer(Connection c, long id, String state, String message, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE collab_interest SET state = ?, answer_message = ?, updated = ? WHERE id = ?")) {
      ps.setString(1, state);
      ps.setString(2, message);
      ps.setObject(3, InvitationRepository.toDb(at));
      ps.setLong(4, id);
      ps.executeUpdate();
    }
  }

  private static Optional<InterestRow> first(List<InterestRow> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static List<InterestRow> query(Connection c, String sql, InvitationRepository.Binder b)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      b.bind(ps);
      List<InterestRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new InterestRow(
                  rs.getLong(1),
                  rs.getString(2),
                  Direction.valueOf(rs.getString(3)),
                  rs.getLong(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  InvitationRepository.fromDb(rs, 10),
                  InvitationRepository.fromDb(rs, 11)));
        }
      }
      return out;
    }
  }
}
