package org.madani.node.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SQL that differs between the two stores, in one place: H2 (the embedded default) and
 * PostgreSQL (hubs, several processes on one database). Everything else the repositories send is
 * written to run unchanged on both.
 *
 * <p>Thread-safety: an immutable enum.
 */
public enum Dialect {
  H2,
  POSTGRESQL;

  /** The dialect of an open connection (the JDBC driver names its product; no query is sent). */
  public static Dialect of(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName();
    return product != null && product.toLowerCase(Locale.ROOT).contains("postgres")
        ? POSTGRESQL
        : H2;
  }

  /**
   * Insert, or replace the non-key columns of the row with the same key: H2's {@code MERGE … KEY}
   * and PostgreSQL's {@code INSERT … ON CONFLICT … DO UPDATE} (atomic under concurrency on both;
   * PostgreSQL's own MERGE is not: two inserting transactions can both miss the row and one fails).
   *
   * @param columns the table's columns as in the statement, comma-separated
   * @param keys the unique key the row is found by, comma-separated (a subset of columns)
   * @param values the VALUES list, e.g. {@code ?,?,NULL}
   */
  public String upsert(String table, String columns, String keys, String values) {
    if (this == H2) {
      return "MERGE INTO " + table + "(" + columns + ") KEY(" + keys + ") VALUES (" + values + ")";
    }
    List<String> keyList = split(keys);
    String updates =
        split(columns).stream()
            .filter(col -> !keyList.contains(col))
            .map(col -> col + " = EXCLUDED." + col)
            .collect(Collectors.joining(", "));
    return "INSERT INTO "
        + table
        + "("
        + columns
        + ") VALUES ("
        + values
        + ") ON CONFLICT ("
        + keys
        + ") "
        + (updates.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + updates);
  }

  /**
   * Insert unless a row with the same key exists; the statement reports 0 rows then on PostgreSQL,
   * and may on H2 (where {@link Inserts#ignoringDuplicate} covers the race).
   */
  public String insertIfAbsent(String table, String columns, String keys, String values) {
    if (this == H2) {
      return "MERGE INTO " + table + "(" + columns + ") KEY(" + keys + ") VALUES (" + values + ")";
    }
    return "INSERT INTO "
        + table
        + "("
        + columns
        + ") VALUES ("
        + values
        + ") ON CONFLICT ("
        + keys
        + ") DO NOTHING";
  }

  /**
   * What a work-queue claim appends to its {@code SELECT … ORDER BY … LIMIT}: on PostgreSQL the
   * rows are locked and rows another process's claim holds are skipped ({@code FOR UPDATE SKIP
   * LOCKED}), so several node processes on one database take disjoint work without waiting on each
   * other; the conditional UPDATE that follows still decides. H2 (one process) needs nothing.
   *
   * @param table the alias of the claimed table (the only one locked when the query joins others)
   */
  public String skipLocked(String table) {
    return this == POSTGRESQL ? " FOR UPDATE OF " + table + " SKIP LOCKED" : "";
  }

  /**
   * A row lock that serializes writers of a parent row without blocking inserts of its children:
   * PostgreSQL's {@code FOR NO KEY UPDATE}. Its {@code FOR UPDATE} conflicts with the {@code KEY
   * SHARE} lock every insert referencing the row takes (foreign key check), so two transactions
   * that each inserted a child (a follow, an entry) and then lock the organization deadlock. H2
   * takes no such locks: {@code FOR UPDATE}.
   */
  public String lockForWrite() {
    return this == POSTGRESQL ? " FOR NO KEY UPDATE" : " FOR UPDATE";
  }

  private static List<String> split(String list) {
    return Arrays.stream(list.split(",")).map(String::strip).toList();
  }
}
