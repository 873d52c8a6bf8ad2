package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * When each remote organization was last heard from, for the coverage of directory reports: the
 * newest change received from it (remote_object.updated) and the last catch-up of its log
 * (mirror_state.last_synced). Reads only. Stateless.
 */
public final class CoverageRepository {

  /** Last times per actor id; either may be null. */
  public record LastSeen(Instant lastReceived, Instant lastSynced) {}

  public Map<String, LastSeen> lastSeen(Connection c) throws SQLException {
    Map<String, Instant> received = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT actor, MAX(updated) AS last FROM remote_object GROUP BY actor");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) received.put(rs.getString(1), Timestamps.fromDb(rs, "last"));
    }
    Map<String, Instant> synced = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT origin_actor, last_synced FROM mirror_state");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) synced.put(rs.getString(1), Timestamps.fromDb(rs, "last_synced"));
    }
    Map<String, LastSeen> out = new HashMap<>();
    received.forEach((a, t) -> out.put(a, new LastSeen(t, synced.get(a))));
    synced.forEach((a, t) -> out.putIfAbsent(a, new LastSeen(null, t)));
    return out;
  }
}
