package org.madani.node.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import org.madani.node.model.Organization;

/** A real H2 file in a test's temporary directory, migrated as a node's is. */
final class StoreFixture implements AutoCloseable {

  static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  final Vertx vertx = Vertx.vertx();
  final Database db;

  StoreFixture(Path dir) {
    db = Database.open(vertx, dir.resolve("madani"));
  }

  <T> T tx(Database.Work<T> work) throws SQLException {
    return db.txBlocking(work);
  }

  Organization org(String handle) throws SQLException {
    ObjectNode profile = JSON.createObjectNode();
    profile.putObject("name").put("en", handle);
    return tx(c -> new OrganizationRepository(JSON).insert(c, handle, profile, NOW));
  }

  @Override
  public void close() {
    db.close();
    vertx.close().await();
  }
}
