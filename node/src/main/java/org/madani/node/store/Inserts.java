package org.madani.node.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * "Insert unless present" that holds under concurrency. {@code INSERT … WHERE NOT EXISTS} alone
 * does not: two transactions can both see the row absent, and the second then hits the unique key.
 * That second one lost a race it did not need to win: it counts as "already present".
 */
final class Inserts {
  private Inserts() {}

  /** SQLSTATE of a unique or primary key violation (H2, PostgreSQL). */
  private static final String DUPLICATE_KEY = "23505";

  /** Runs the insert; returns the rows inserted, 0 when a concurrent transaction inserted the same key. */
  static int ignoringDuplicate(PreparedStatement ps) throws SQLException {
    try {
      return ps.executeUpdate();
    } catch (SQLException e) {
      if (DUPLICATE_KEY.equals(e.getSQLState())) return 0;
      throw e;
    }
  }
}
