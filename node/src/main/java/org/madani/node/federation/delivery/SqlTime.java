package org.madani.node.federation.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Instants to and from H2's TIMESTAMP WITH TIME ZONE, in UTC at millisecond precision: a lease
 * instant is compared for equality after a round trip, so Java must not keep digits H2 drops.
 */
final class SqlTime {
  private SqlTime() {}

  static Instant truncate(Instant i) {
    return i == null ? null : i.truncatedTo(ChronoUnit.MILLIS);
  }

  static OffsetDateTime ts(Instant i) {
    return i == null ? null : truncate(i).atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
