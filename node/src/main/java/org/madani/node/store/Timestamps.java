package org.madani.node.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Converts between {@link Instant} and TIMESTAMP WITH TIME ZONE, always in UTC: the one place for
 * it, shared by the repositories and the durable delivery queue.
 */
public final class Timestamps {
  private Timestamps() {}

  static OffsetDateTime toDb(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }

  static Instant fromDb(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /**
   * Millisecond precision: a lease instant is compared for equality after a round trip, so Java
   * must not keep digits the database drops.
   */
  public static Instant truncate(Instant i) {
    return i == null ? null : i.truncatedTo(ChronoUnit.MILLIS);
  }

  /** {@code i} at millisecond precision, in UTC, for a statement parameter. */
  public static OffsetDateTime ts(Instant i) {
    return i == null ? null : truncate(i).atOffset(ZoneOffset.UTC);
  }

  /** The instant in {@code column} (1-based), or null. */
  public static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
