package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Endorsements (madani:Endorse) made by our organizations and received from others. Stateless. */
public final class EndorsementRepository {

  public record EndorsementRow(
      String activityId,
      String endorser,
      String endorsed,
      String comment,
      Long localOrg,
      Instant created) {}

  /** Stores an endorsement once per activity id; a repeat changes nothing. */
  public boolean insert(Connection c, EndorsementRow e) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO endorsement(activity_id, endorser, endorsed, comment, local_org, created) SELECT ?,?,?,?,?,? "
                + "WHERE NOT EXISTS (SELECT 1 FROM endorsement WHERE activity_id = ?)")) {
      ps.setString(1, e.activityId());
      ps.setString(2, e.endorser());
      ps.setString(3, e.endorsed());
      ps.setString(4, e.comment());
      ps.setObject(5, e.localOrg());
      ps.setObject(6, Timestamps.toDb(e.created()));
      ps.setString(7, e.activityId());
      return Inserts.ignoringDuplicate(ps) == 1;
    }
  }

  /** Withdraws by activity id; only the endorser may. */
  public boolean withdraw(Connection c, String activityId, String endorser, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE endorsement SET withdrawn_at = ? WHERE activity_id = ? AND endorser = ? AND withdrawn_at IS NULL")) {
      ps.setObject(1, Timestamps.toDb(now));
      ps.setString(2, activityId);
      ps.setString(3, endorser);
      return ps.executeUpdate() == 1;
    }
  }

  /** Live endorsements, of {@code endorsed} when given, newest first. */
  public List<EndorsementRow> live(Connection c, String endorsed, String endorser)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT activity_id, endorser, endorsed, comment, local_org, created FROM endorsement WHERE withdrawn_at IS NULL"
                + (endorsed == null ? "" : " AND endorsed = ?")
                + (endorser == null ? "" : " AND endorser = ?")
                + " ORDER BY created DESC")) {
      int i = 1;
      if (endorsed != null) ps.setString(i++, endorsed);
      if (endorser != null) ps.setString(i, endorser);
      List<EndorsementRow> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long org = rs.getLong(5);
          Long localOrg =
              rs.wasNull()
                  ? null
                  : org; // read right after its column: wasNull is about the last read
          out.add(
              new EndorsementRow(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  localOrg,
                  Timestamps.fromDb(rs, "created")));
        }
      }
      return out;
    }
  }
}
