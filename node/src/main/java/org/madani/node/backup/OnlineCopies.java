package org.madani.node.backup;

import io.vertx.core.Future;
import java.nio.file.Path;
import org.madani.node.store.Database;
import org.madani.node.store.OnlineBackup;

/**
 * Consistent copies of the running node's database (H2 locks its file while serving), for the admin
 * API.
 */
public final class OnlineCopies {

  private final Database db;
  private final OnlineBackup backup;

  public OnlineCopies(Database db, OnlineBackup backup) {
    this.db = db;
    this.backup = backup;
  }

  /**
   * Whether this store makes online copies: H2's {@code BACKUP TO} does; a PostgreSQL database is
   * the database server's to back up ({@code pg_dump}).
   */
  public boolean supported() {
    return db.dialect() == org.madani.node.store.Dialect.H2;
  }

  /** Writes a copy of the database to {@code zip} on the database's workers; completes with it. */
  public Future<Path> copyTo(Path zip) {
    return db.tx(
        c -> {
          backup.write(c, zip);
          return zip;
        });
  }
}
