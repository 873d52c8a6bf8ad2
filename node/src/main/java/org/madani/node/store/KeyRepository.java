package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Public key records of hosted organizations; private halves are files (see OrganizationKeys). */
public final class KeyRepository {

  /**
   * One key of an organization.
   *
   * @param fragment    the key's id fragment under the actor id, e.g. {@code ed25519-1}
   * @param algorithm   {@code ed25519} or {@code rsa}
   * @param purpose     {@code signing} or {@code recovery}
   * @param privateFile path of the private key file, or null when it is kept offline
   */
  public record KeyRow(
      long orgId, String fragment, String algorithm, String purpose, String publicPem,
      String privateFile, Instant created, Instant revokedAt) {}

  public void insert(Connection c, KeyRow k) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO org_key(org_id, fragment, algorithm, purpose, public_pem, private_file, created) "
            + "VALUES (?,?,?,?,?,?,?)")) {
      ps.setLong(1, k.orgId());
      ps.setString(2, k.fragment());
      ps.setString(3, k.algorithm());
      ps.setString(4, k.purpose());
      ps.setString(5, k.publicPem());
      ps.setString(6, k.privateFile());
      ps.setObject(7, Timestamps.toDb(k.created()));
      ps.executeUpdate();
    }
  }

  public List<KeyRow> forOrganization(Connection c, long orgId) throws SQLException {
    List<KeyRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT org_id, fragment, algorithm, purpose, public_pem, private_file, created, revoked_at "
            + "FROM org_key WHERE org_id = ? ORDER BY id")) {
      ps.setLong(1, orgId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new KeyRow(
              rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), Timestamps.fromDb(rs, "created"), Timestamps.fromDb(rs, "revoked_at")));
        }
      }
    }
    return out;
  }
}
