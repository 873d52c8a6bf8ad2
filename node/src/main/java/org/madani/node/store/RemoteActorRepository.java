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
  public record ActorRow(String id, String host, String type, String inbox, String sharedInbox,
      String handle, String document, Instant fetchedAt) {}

  /** A remote public key and the actor that owns it. */
  public record KeyRow(String keyId, String actorId, String algorithm, String publicPem, Instant firstSeen) {}

  public void upsert(Connection c, ActorRow a) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "MERGE INTO remote_actor(id, host, type, inbox, shared_inbox, handle, document, fetched_at) "
            + "KEY(id) VALUES (?,?,?,?,?,?,?,?)")) {
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
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id, host, type, inbox, shared_inbox, handle, document, fetched_at FROM remote_actor WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        return Optional.of(new ActorRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), Timestamps.fromDb(rs, "fetched_at")));
      }
    }
  }

  /** Records a key the first time it is seen; a known key id keeps its first-seen time and owner. */
  public void addKeyIfAbsent(Connection c, KeyRow k) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO remote_key(key_id, actor_id, algorithm, public_pem, first_seen) "
            + "SELECT ?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM remote_key WHERE key_id = ?)")) {
      ps.setString(1, k.keyId());
      ps.setString(2, k.actorId());
      ps.setString(3, k.algorithm());
      ps.setString(4, k.publicPem());
      ps.setObject(5, Timestamps.toDb(k.firstSeen()));
      ps.setString(6, k.keyId());
      ps.executeUpdate();
    }
  }

  public Optional<KeyRow> findKey(Connection c, String keyId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT key_id, actor_id, algorithm, public_pem, first_seen FROM remote_key WHERE key_id = ?")) {
      ps.setString(1, keyId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        return Optional.of(new KeyRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            Timestamps.fromDb(rs, "first_seen")));
      }
    }
  }

  public List<KeyRow> keysOf(Connection c, String actorId) throws SQLException {
    List<KeyRow> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT key_id, actor_id, algorithm, public_pem, first_seen FROM remote_key WHERE actor_id = ?")) {
      ps.setString(1, actorId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new KeyRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              Timestamps.fromDb(rs, "first_seen")));
        }
      }
    }
    return out;
  }
}
