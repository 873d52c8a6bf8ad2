package org.madani.node.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * H2's own online backup ({@code BACKUP TO}): a zip of the database file, transactionally
 * consistent (H2's MVCC) while the node keeps serving, since nothing is locked. And, for a restored
 * copy, pointing the key rows at the key files' new place. Stateless.
 */
public final class OnlineBackup {

  /**
   * Writes a consistent copy of the open database to {@code zip} (which must not exist). Blocking.
   */
  public void write(Connection c, Path zip) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
    }
  }

  /**
   * After a restore into another data directory: every private key file is looked up by its file
   * name in {@code keysDir}. Returns the number of rows changed. Call inside a transaction.
   */
  public int relocateKeyFiles(Connection c, Path keysDir) throws SQLException {
    int changed = 0;
    try (PreparedStatement select =
            c.prepareStatement(
                "SELECT org_id, fragment, private_file FROM org_key WHERE private_file IS NOT NULL");
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE org_key SET private_file = ? WHERE org_id = ? AND fragment = ?");
        var rows = select.executeQuery()) {
      while (rows.next()) {
        Path name = Path.of(rows.getString(3)).getFileName();
        update.setString(1, keysDir.toAbsolutePath().resolve(name.toString()).toString());
        update.setLong(2, rows.getLong(1));
        update.setString(3, rows.getString(2));
        changed += update.executeUpdate();
      }
    }
    return changed;
  }
}
