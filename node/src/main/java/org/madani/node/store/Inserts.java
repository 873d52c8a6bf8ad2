package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * "Insert unless present" that holds under concurrency. {@code INSERT … WHERE NOT EXISTS} alone
 * does not: two transactions can both see the row absent, and the second then hits the unique key.
 * That second one lost a race it did not need to win: it counts as "already present".
 *
 * <p>H2 rolls back only the failed statement and the transaction goes on. PostgreSQL aborts the
 * whole transaction on any error, so there the insert runs inside a savepoint and only the
 * savepoint is rolled back.
 */
public final class Inserts {
  private Inserts() {}

  /** SQLSTATE of a unique or primary key violation (H2, PostgreSQL). */
  public static final String DUPLICATE_KEY = "23505";

  /**
   * Runs the insert; returns the rows inserted, 0 when a concurrent transaction inserted the same
   * key.
   */
  public static int ignoringDuplicate(PreparedStatement ps) throws SQLException {
    Connection c = ps.getConnection();
    Savepoint sp =
        Dialect.of(c) == Dialect.POSTGRESQL && !c.getAutoCommit() ? c.setSavepoint() : null;
    try {
      int n = ps.executeUpdate();
      if (sp != null) c.releaseSavepoint(sp);
      return n;
    } catch (SQLException e) {
      if (sp != null) c.rollback(sp);
      if (DUPLICATE_KEY.equals(e.getSQLState())) return 0;
      throw e;
    }
  }
}
