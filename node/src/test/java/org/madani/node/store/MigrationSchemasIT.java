package org.madani.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both stores end with the same schema: every table, column, nullability and primary key that H2's
 * migrations ({@code db/migration}) produce, PostgreSQL's twins ({@code db/postgresql}) produce
 * too, and nothing more. {@link MigrationVendorsTest} only checks that each version has a twin; a
 * twin that forgot a column, or spelled one differently, would otherwise surface as a failing query
 * on a hub's PostgreSQL only. Types are not compared: the dialects name them differently (CLOB and
 * TEXT, BINARY VARYING and BYTEA) by design.
 *
 * <p>Runs in the PostgreSQL execution of the integration tests (it needs the test server).
 */
class MigrationSchemasIT {

  @TempDir Path dir;

  @Test
  void h2AndPostgresqlMigrationsProduceTheSameTablesColumnsAndKeys() throws Exception {
    Set<String> h2;
    try (Database db = Database.open(null, dir.resolve("madani"))) {
      h2 = db.txBlocking(c -> shape(c, "PUBLIC"));
    }
    Set<String> postgres;
    PostgresServer server = PostgresServer.shared();
    String url = server.createEmptyDatabase();
    Database.openPostgres(null, PostgresUrl.parse(url), null).close();
    try (Connection c = server.connect(url.substring(url.lastIndexOf('/') + 1))) {
      postgres = shape(c, "public");
    }

    assertThat(h2).as("H2's schema has hundreds of columns").hasSizeGreaterThan(200);
    Set<String> onlyH2 = new TreeSet<>(h2);
    onlyH2.removeAll(postgres);
    Set<String> onlyPostgres = new TreeSet<>(postgres);
    onlyPostgres.removeAll(h2);
    assertThat(onlyH2).as("in H2's schema only").isEmpty();
    assertThat(onlyPostgres).as("in PostgreSQL's schema only").isEmpty();
  }

  /**
   * One line per column ("table.column null|not null") and per primary key ("table pk (a, b)"),
   * lower-cased; Flyway's own history table left out.
   */
  private static Set<String> shape(Connection c, String schema) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (var ps =
        c.prepareStatement(
            "SELECT table_name, column_name, is_nullable FROM information_schema.columns "
                + "WHERE table_schema = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String table = rs.getString(1).toLowerCase(Locale.ROOT);
          if (table.equals("flyway_schema_history")) continue;
          out.add(
              table
                  + "."
                  + rs.getString(2).toLowerCase(Locale.ROOT)
                  + ("YES".equalsIgnoreCase(rs.getString(3)) ? " null" : " not null"));
        }
      }
    }
    try (var ps =
        c.prepareStatement(
            "SELECT k.table_name, k.column_name, k.ordinal_position "
                + "FROM information_schema.table_constraints t "
                + "JOIN information_schema.key_column_usage k "
                + "ON k.constraint_name = t.constraint_name AND k.table_schema = t.table_schema "
                + "AND k.table_name = t.table_name "
                + "WHERE t.table_schema = ? AND t.constraint_type = 'PRIMARY KEY' "
                + "ORDER BY k.table_name, k.ordinal_position")) {
      ps.setString(1, schema);
      var keys = new java.util.TreeMap<String, java.util.List<String>>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String table = rs.getString(1).toLowerCase(Locale.ROOT);
          if (table.equals("flyway_schema_history")) continue;
          keys.computeIfAbsent(table, t -> new java.util.ArrayList<>())
              .add(rs.getString(2).toLowerCase(Locale.ROOT));
        }
      }
      keys.forEach((table, cols) -> out.add(table + " pk (" + String.join(", ", cols) + ")"));
    }
    return out;
  }
}
