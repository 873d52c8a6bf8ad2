package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Public key records of hosted organizations; private halves are files (see OrganizationKeys).
 * Stateless.
 */
public final class KeyRepository {

  /**
   * One key of an organization.
   *
   * @param fragment the key's id fragment under the actor id, e.g. {@code ed25519-1}
   * @param algorithm {@code ed25519} or {@code rsa}
   * @param purpose {@code signing} or {@code recovery}
   * @param privateFile path of the private key file, or null when it is kept offline
   * @param revokedAt compromised from this time on (proofs created then or later are refused), or
   *     null
   * @param expiresAt rotated out: valid for proofs created before this time (the overlap), or null
   * @param revocation the recovery-signed revocation statement (JSON), when revoked
   */
  public record KeyRow(
      long orgId,
      String fragment,
      String algorithm,
      String purpose,
      String publicPem,
      String privateFile,
      Instant created,
      Instant revokedAt,
      Instant expiresAt,
      String revocation) {

    public KeyRow(
        long orgId,
        String fragment,
        String algorithm,
        String purpose,
        String publicPem,
        String privateFile,
        Instant created,
        Instant revokedAt) {
      this(
          orgId,
          fragment,
          algorithm,
          purpose,
          publicPem,
          privateFile,
          created,
          revokedAt,
          null,
          null);
    }

    /** Signs new things: a signing key neither rotated out nor revoked. */
    public boolean current() {
      return "signing".equals(purpose) && revokedAt == null && expiresAt == null;
    }
  }

  public void insert(Connection c, KeyRow k) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
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
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT org_id, fragment, algorithm, purpose, public_pem, private_file, created, revoked_at, expires_at, "
                + "revocation FROM org_key WHERE org_id = ? ORDER BY id")) {
      ps.setLong(1, orgId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new KeyRow(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  Timestamps.fromDb(rs, "created"),
                  Timestamps.fromDb(rs, "revoked_at"),
                  Timestamps.fromDb(rs, "expires_at"),
                  rs.getString(10)));
        }
      }
    }
    return out;
  }

  /** Rotates a key out: it stays published and verifies proofs created before {@code expiresAt}. */
  public void expire(Connection c, long orgId, String fragment, Instant expiresAt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE org_key SET expires_at = ? WHERE org_id = ? AND fragment = ? AND expires_at IS NULL")) {
      ps.setObject(1, Timestamps.toDb(expiresAt));
      ps.setLong(2, orgId);
      ps.setString(3, fragment);
      ps.executeUpdate();
    }
  }

  /** Marks a key compromised since {@code revokedAt}, keeping the signed statement that says so. */
  public void revoke(Connection c, long orgId, String fragment, Instant revokedAt, String statement)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE org_key SET revoked_at = ?, revocation = ? WHERE org_id = ? AND fragment = ?")) {
      ps.setObject(1, Timestamps.toDb(revokedAt));
      ps.setString(2, statement);
      ps.setLong(3, orgId);
      ps.setString(4, fragment);
      if (ps.executeUpdate() != 1) throw new SQLException("no key " + fragment);
    }
  }
}
