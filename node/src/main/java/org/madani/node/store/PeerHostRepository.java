package org.madani.node.store;

import static org.madani.node.store.Timestamps.instant;
import static org.madani.node.store.Timestamps.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.madani.node.model.PeerState;
import org.madani.node.model.SignatureScheme;

/** SQL over {@code peer_host}. Stateless; used through {@link DeliveryRepository}. */
final class PeerHostRepository {

  static final String DUPLICATE_KEY = "23505";

  private static final String COLUMNS =
      "host, consecutive_failures, last_success, last_failure, breaker_open_until, signature_scheme";

  /**
   * Reads, changes and writes a host's state under a row lock, so concurrent outcomes for one host
   * (several requests in flight) do not lose each other's failure counts.
   */
  PeerState update(Connection c, String host, UnaryOperator<PeerState> change) throws SQLException {
    lock(c, host);
    PeerState after = change.apply(find(c, host).orElseThrow());
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE peer_host SET consecutive_failures = ?, last_success = ?, last_failure = ?, "
                + "breaker_open_until = ?, signature_scheme = ? WHERE host = ?")) {
      ps.setInt(1, after.consecutiveFailures());
      ps.setObject(2, ts(after.lastSuccess()));
      ps.setObject(3, ts(after.lastFailure()));
      ps.setObject(4, ts(after.breakerOpenUntil()));
      ps.setString(
          5, after.signatureScheme() == null ? null : after.signatureScheme().storedName());
      ps.setString(6, host);
      ps.executeUpdate();
    }
    return after;
  }

  private void lock(Connection c, String host) throws SQLException {
    for (int i = 0; i < 2; i++) {
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE peer_host SET host = host WHERE host = ?")) {
        ps.setString(1, host);
        if (ps.executeUpdate() == 1) return;
      }
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO peer_host(host, consecutive_failures) VALUES (?, 0)")) {
        ps.setString(1, host);
        // 0: another transaction inserted it first; lock that row on the next pass.
        if (org.madani.node.store.Inserts.ignoringDuplicate(ps) == 1) return;
      }
    }
    throw new SQLException("could not lock peer_host row for " + host);
  }

  Optional<PeerState> find(Connection c, String host) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM peer_host WHERE host = ?")) {
      ps.setString(1, host);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(from(rs)) : Optional.empty();
      }
    }
  }

  List<PeerState> all(Connection c) throws SQLException {
    List<PeerState> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT " + COLUMNS + " FROM peer_host ORDER BY host");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(from(rs));
    }
    return out;
  }

  private static PeerState from(ResultSet rs) throws SQLException {
    return new PeerState(
        rs.getString(1),
        rs.getInt(2),
        instant(rs, 3),
        instant(rs, 4),
        instant(rs, 5),
        SignatureScheme.fromStored(rs.getString(6)));
  }
}
