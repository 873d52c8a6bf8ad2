package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Per-organization federation settings (table {@code federation_settings}): for now whether follow
 * requests are accepted without an admin. Stateless; thread-safe.
 */
public final class FederationSettingsRepository {

  /** Whether {@code orgId} accepts followers automatically; true until an admin says otherwise. */
  public boolean autoApprove(Connection c, long orgId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT auto_approve FROM federation_settings WHERE org_id = ?")) {
      ps.setLong(1, orgId);
      try (ResultSet rs = ps.executeQuery()) {
        return !rs.next() || rs.getBoolean(1);
      }
    }
  }

  public void setAutoApprove(Connection c, long orgId, boolean auto) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            Dialect.of(c)
                .upsert("federation_settings", "org_id, auto_approve", "org_id", "?, ?"))) {
      ps.setLong(1, orgId);
      ps.setBoolean(2, auto);
      ps.executeUpdate();
    }
  }
}
