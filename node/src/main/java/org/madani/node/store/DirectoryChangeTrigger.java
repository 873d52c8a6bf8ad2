package org.madani.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * H2 row trigger (migration V10) that appends to {@code directory_change} what the directory index
 * must look at again, inside the transaction that changed the row: a write path cannot forget to
 * report a change, and a rolled-back change leaves no trace. One instance per trigger, created by
 * H2; it keeps only the column positions of its table.
 *
 * <p>Re-fetching an actor whose document did not change, and settings other than the federation
 * mode, write nothing: they do not change what the directory shows.
 */
public final class DirectoryChangeTrigger implements Trigger {

  private String table;
  private int key = -1;
  private int compared = -1;

  @Override
  public void init(
      Connection conn,
      String schemaName,
      String triggerName,
      String tableName,
      boolean before,
      int type)
      throws SQLException {
    table = tableName.toUpperCase(Locale.ROOT);
    String keyColumn =
        switch (table) {
          case "ENTRY", "ORGANIZATION", "REMOTE_OBJECT", "REMOTE_ACTOR" -> "ID";
          case "REMOTE_OBJECT_RECIPIENT" -> "OBJECT_ID";
          case "TRUST_ACTOR" -> "ACTOR";
          case "TRUST_NODE" -> "HOST";
          case "TRUST_SETTING" -> "NAME";
          default -> throw new SQLException("no directory change defined for table " + tableName);
        };
    String comparedColumn =
        switch (table) {
          case "ORGANIZATION" -> "PROFILE";
          case "REMOTE_ACTOR" -> "DOCUMENT";
          case "TRUST_SETTING" -> "SETTING_VALUE";
          default -> null;
        };
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = conn.getMetaData().getColumns(null, schemaName, tableName, null)) {
      while (rs.next()) {
        int pos = rs.getInt("ORDINAL_POSITION") - 1;
        while (columns.size() <= pos) columns.add(null);
        columns.set(pos, rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
      }
    }
    key = columns.indexOf(keyColumn);
    compared = comparedColumn == null ? -1 : columns.indexOf(comparedColumn);
    if (key < 0 || (comparedColumn != null && compared < 0)) {
      throw new SQLException(
          "table " + tableName + " lacks the columns the directory change trigger reads");
    }
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    Object[] row = newRow != null ? newRow : oldRow;
    if (compared >= 0
        && oldRow != null
        && newRow != null
        && Objects.equals(oldRow[compared], newRow[compared])
        && Objects.equals(oldRow[key], newRow[key])) {
      return; // same profile, same actor document, same setting: nothing the directory shows
      // changed
    }
    String ref = String.valueOf(row[key]);
    String kind =
        switch (table) {
          case "ENTRY" -> "l";
          case "ORGANIZATION" -> "o";
          case "REMOTE_OBJECT", "REMOTE_OBJECT_RECIPIENT" -> "r";
          case "REMOTE_ACTOR", "TRUST_ACTOR" -> "a";
          case "TRUST_NODE" -> "h";
          case "TRUST_SETTING" -> "federation_mode".equals(ref) ? "*" : null;
          default -> null;
        };
    if (kind == null) return;
    if (kind.equals("*")) ref = null;
    try (PreparedStatement ps =
        conn.prepareStatement("INSERT INTO directory_change(kind, ref) VALUES (?, ?)")) {
      ps.setString(1, kind);
      ps.setString(2, ref);
      ps.executeUpdate();
    }
    if (table.equals("REMOTE_OBJECT")
        && oldRow != null
        && newRow != null
        && !Objects.equals(oldRow[key], newRow[key])) {
      try (PreparedStatement ps =
          conn.prepareStatement("INSERT INTO directory_change(kind, ref) VALUES ('r', ?)")) {
        ps.setString(1, String.valueOf(oldRow[key]));
        ps.executeUpdate();
      }
    }
  }

  @Override
  public void close() {
    // nothing held
  }

  @Override
  public void remove() {
    // nothing held
  }
}
