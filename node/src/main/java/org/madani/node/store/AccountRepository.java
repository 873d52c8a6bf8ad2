package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Admin accounts and API tokens. Only hashes are stored. Stateless. */
public final class AccountRepository {

  /** An admin account as stored: the password hash is an encoded Argon2id string. */
  public record AdminRow(long id, String username, String passwordHash) {}

  public void insertAdmin(Connection c, String username, String passwordHash, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO admin_account(username, password_hash, created) VALUES (?,?,?)")) {
      ps.setString(1, username);
      ps.setString(2, passwordHash);
      ps.setObject(3, Timestamps.toDb(now));
      ps.executeUpdate();
    }
  }

  public Optional<AdminRow> findAdmin(Connection c, String username) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, username, password_hash FROM admin_account WHERE username = ?")) {
      ps.setString(1, username);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new AdminRow(rs.getLong(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }

  public void recordLogin(Connection c, long adminId, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE admin_account SET last_login = ? WHERE id = ?")) {
      ps.setObject(1, Timestamps.toDb(now));
      ps.setLong(2, adminId);
      ps.executeUpdate();
    }
  }

  public void insertToken(
      Connection c, String tokenHash, String label, Instant now, Instant expires)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO api_token(token_hash, label, created, expires) VALUES (?,?,?,?)")) {
      ps.setString(1, tokenHash);
      ps.setString(2, label);
      ps.setObject(3, Timestamps.toDb(now));
      ps.setObject(4, Timestamps.toDb(expires));
      ps.executeUpdate();
    }
  }

  /** True if a token with this hash exists, is not revoked and has not expired at {@code now}. */
  public boolean tokenValid(Connection c, String tokenHash, Instant now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM api_token WHERE token_hash = ? AND revoked_at IS NULL "
                + "AND (expires IS NULL OR expires > ?)")) {
      ps.setString(1, tokenHash);
      ps.setObject(2, Timestamps.toDb(now));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The label of a valid token (not revoked, not expired at {@code now}), or empty. */
  public Optional<String> tokenLabel(Connection c, String tokenHash, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT label FROM api_token WHERE token_hash = ? AND revoked_at IS NULL "
                + "AND (expires IS NULL OR expires > ?)")) {
      ps.setString(1, tokenHash);
      ps.setObject(2, Timestamps.toDb(now));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }
}
