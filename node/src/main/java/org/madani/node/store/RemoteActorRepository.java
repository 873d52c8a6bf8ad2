package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Remote actors as fetched from their origin, and the public keys they publish. Stateless. */
public final class RemoteActorRepository {

  /** A remote actor. {@code document} is the JSON as fetched. */
  public record ActorRow(
      String id,
      String host,
      String type,
      String inbox,
      String sharedInbox,
      String handle,
      String document,
      Instant fetchedAt) {}

  /**
   * A pinned remote public key and the actor that owns it.
   *
   * @param purpose {@code signing}, or {@code recovery} for a key that only signs revocation
   *     statements
   * @param expiresAt end of a rotation overlap: proofs created from then on are refused; null while
   *     current
   * @param revokedAt compromised since: proofs created from then on are refused; null unless
   *     revoked
   */
  public record KeyRow(
      String keyId,
      String actorId,
      String algorithm,
      String publicPem,
      Instant firstSeen,
      String purpose,
      Instant expiresAt,
      Instant revokedAt) {

    public KeyRow(
        String keyId, String actorId, String algorithm, String publicPem, Instant firstSeen) {
      this(keyId, actorId, algorithm, publicPem, firstSeen, "signing", null, null);
    }

    /** The first moment proofs by this key stop verifying, if any. */
    public Instant invalidFrom() {
      if (expiresAt == null) return revokedAt;
      if (revokedAt == null) return expiresAt;
      return revokedAt.isBefore(expiresAt) ? revokedAt : expiresAt;
    }
  }

  public void upsert(Connection c, ActorRow a) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            Dialect.of(c)
                .upsert(
                    "remote_actor",
                    "id, host, type, inbox, shared_inbox, handle, document, fetched_at",
                    "id",
                    "?,?,?,?,?,?,?,?"))) {
      ps.setString(1, a.id());
      ps.setString(2, a.host());
      ps.setString(3, a.type());
      ps.setString(4, a.inbox());
      ps.setString(5, a.sharedInbox());
      ps.setString(6, a.handle());
      ps.setString(7, a.document());
      ps.setObject(8, Timestamps.toDb(a.fetchedAt()));
      ps.executeUpdate();
    }
  }

  /** Ids of all known remote actors. */
  public List<String> allIds(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM remote_actor ORDER BY id");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  public Optional<ActorRow> find(Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, host, type, inbox, shared_inbox, handle, document, fetched_at FROM remote_actor WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        return Optional.of(
            new ActorRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                Timestamps.fromDb(rs, "fetched_at")));
      }
    }
  }

  private static final String KEY_COLUMNS =
      "key_id, actor_id, algorithm, public_pem, first_seen, purpose, expires_at, revoked_at";

  /**
   * Pins a key the first time it is seen; a known key id keeps its first-seen time, owner and
   * material.
   */
  public void addKeyIfAbsent(Connection c, KeyRow k) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO remote_key("
                + KEY_COLUMNS
                + ") "
                + "SELECT ?,?,?,?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM remote_key WHERE key_id = ?)")) {
      ps.setString(1, k.keyId());
      ps.setString(2, k.actorId());
      ps.setString(3, k.algorithm());
      ps.setString(4, k.publicPem());
      ps.setObject(5, Timestamps.toDb(k.firstSeen()));
      ps.setString(6, k.purpose());
      ps.setObject(7, Timestamps.toDb(k.expiresAt()));
      ps.setObject(8, Timestamps.toDb(k.revokedAt()));
      ps.setString(9, k.keyId());
      Inserts.ignoringDuplicate(ps);
    }
  }

  /**
   * Records the end of a pinned key's rotation overlap, only ever earlier: a later document cannot
   * extend a key's life.
   */
  public void expire(Connection c, String keyId, Instant expiresAt) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE remote_key SET expires_at = ? WHERE key_id = ? AND (expires_at IS NULL OR expires_at > ?)")) {
      ps.setObject(1, Timestamps.toDb(expiresAt));
      ps.setString(2, keyId);
      ps.setObject(3, Timestamps.toDb(expiresAt));
      ps.executeUpdate();
    }
  }

  /**
   * Records a proven revocation; an earlier revocation time wins. Returns whether anything changed.
   */
  public boolean revoke(Connection c, String keyId, Instant revokedAt, String statement)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE remote_key SET revoked_at = ?, revocation = ? WHERE key_id = ? AND (revoked_at IS NULL OR revoked_at > ?)")) {
      ps.setObject(1, Timestamps.toDb(revokedAt));
      ps.setString(2, statement);
      ps.setString(3, keyId);
      ps.setObject(4, Timestamps.toDb(revokedAt));
      return ps.executeUpdate() == 1;
    }
  }

  public Optional<KeyRow> findKey(Connection c, String keyId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + KEY_COLUMNS + " FROM remote_key WHERE key_id = ?")) {
      ps.setString(1, keyId);
      List<KeyRow> rows = keys(ps);
      return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
  }

  public List<KeyRow> keysOf(Connection c, String actorId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + KEY_COLUMNS
                + " FROM remote_key WHERE actor_id = ? ORDER BY first_seen, key_id")) {
      ps.setString(1, actorId);
      return keys(ps);
    }
  }

  private static List<KeyRow> keys(PreparedStatement ps) throws SQLException {
    List<KeyRow> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new KeyRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Timestamps.fromDb(rs, "first_seen"),
                rs.getString(6),
                Timestamps.fromDb(rs, "expires_at"),
                Timestamps.fromDb(rs, "revoked_at")));
      }
    }
    return out;
  }

  /** Pins a key the admin accepted, replacing the material of a key id pinned before. */
  public void repin(Connection c, KeyRow k) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM remote_key WHERE key_id = ?")) {
      ps.setString(1, k.keyId());
      ps.executeUpdate();
    }
    addKeyIfAbsent(c, k);
  }
}
