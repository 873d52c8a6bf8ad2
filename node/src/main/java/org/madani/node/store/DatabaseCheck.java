package org.madani.node.store;

import io.vertx.core.Future;

/** Readiness: whether the database answers a trivial query on its worker pool. */
public final class DatabaseCheck {

  private final Database db;

  public DatabaseCheck(Database db) {
    this.db = db;
  }

  public Future<Void> ping() {
    return db.tx(
        c -> {
          try (var s = c.createStatement()) {
            s.execute("SELECT 1");
          }
          return null;
        });
  }
}
