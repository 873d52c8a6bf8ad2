package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** One-time admin invitations, stored as the SHA-256 of the token. Stateless. */
public final class InvitationRepository {

  public void insert(Connection c, String tokenHash, String createdBy, Instant now, Instant expires)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO admin_invitation(token_hash, created_by, created, expires) VALUES (?,?,?,?)")) {
      ps.setString(1, tokenHash);
      ps.setString(2, createdBy);
      ps.setObject(3, Timestamps.toDb(now));
      ps.setObject(4, Timestamps.toDb(expires));
      ps.executeUpdate();
    }
  }

  /**
   * Marks an unused, unexpired invitation as used; true if this call consumed it. The conditional
   * UPDATE makes two concurrent uses of one link race safely: only one sees a changed row.
   */
  public boolean consume(Connection c, String tokenHash, String usedBy, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE admin_invitation SET used_at = ?, used_by = ? "
                + "WHERE token_hash = ? AND used_at IS NULL AND expires > ?")) {
      ps.setObject(1, Timestamps.toDb(now));
      ps.setString(2, usedBy);
      ps.setString(3, tokenHash);
      ps.setObject(4, Timestamps.toDb(now));
      return ps.executeUpdate() == 1;
    }
  }
}
