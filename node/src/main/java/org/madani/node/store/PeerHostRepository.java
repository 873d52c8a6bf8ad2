package org.madani.node.store;

import static org.madani.node.store.Timestamps.instant;
import static org.madani.node.store.Timestamps.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
    PeerState before = find(c, host).orElseThrow();
    PeerState after = change.apply(before);
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
    Instant openUntil = after.breakerOpenUntil();
    if (openUntil != null && !openUntil.equals(before.breakerOpenUntil())) {
      // The host's pending jobs leave the due range until the breaker's probe time: otherwise
      // every claim reads past all of them (its backlog) to find jobs it may send, at a cost that
      // grows with the backlog of a peer that is down (DeliveryRepository.CLAIM_SQL).
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE delivery SET next_attempt = ? "
                  + "WHERE host = ? AND state = 'pending' AND next_attempt < ?")) {
        ps.setObject(1, ts(openUntil));
        ps.setString(2, host);
        ps.setObject(3, ts(openUntil));
        ps.executeUpdate();
      }
    }
    return after;
  }

  /** When a new job to {@code host} is first due: now, or when its open breaker lets a probe by. */
  java.time.OffsetDateTime firstAttempt(Connection c, String host, Instant now)
      throws SQLException {
    Instant open = find(c, host).map(PeerState::breakerOpenUntil).orElse(null);
    return ts(open != null && open.isAfter(now) ? open : now);
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
