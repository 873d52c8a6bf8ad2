package org.madani.node.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The node's H2 file database. Every unit of work runs in one transaction on a dedicated worker
 * pool, never on the event loop.
 *
 * <p>Durability: H2's default WRITE_DELAY acknowledges a commit up to ~0.5 s before it reaches the
 * file (MEASURED.md), so a {@code kill -9} would lose acknowledged writes. We set WRITE_DELAY=0:
 * a commit returns only after it is written.
 *
 * <p>Thread-safety: safe for concurrent use; each call borrows its own connection.
 */
public final class Database implements AutoCloseable {

  /** Work done with an open connection inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  private static final int POOL_SIZE = 8;

  private final JdbcConnectionPool pool;
  private final WorkerExecutor executor;
  private volatile Meters meters; // null until instrument()

  /** Transaction timers in a node's own registry (see {@link #instrument}). */
  private record Meters(io.micrometer.core.instrument.Timer committed, io.micrometer.core.instrument.Timer rolledBack,
      io.micrometer.core.instrument.Timer queueWait) {}

  private Database(JdbcConnectionPool pool, WorkerExecutor executor) {
    this.pool = pool;
    this.executor = executor;
  }

  /** Opens (creating if needed) the database file and brings its schema up to date. Blocking. */
  public static Database open(Vertx vertx, Path fileWithoutSuffix) {
    return open(vertx, fileWithoutSuffix, null);
  }

  /**
   * As {@link #open(Vertx, Path)}; with a {@code filePassphrase}, the file is encrypted with AES
   * (H2's {@code CIPHER=AES}, key derived from the passphrase). A file is created encrypted or not
   * and must always be opened the same way: the choice is made when the node is initialized.
   */
  public static Database open(Vertx vertx, Path fileWithoutSuffix, char[] filePassphrase) {
    boolean encrypted = filePassphrase != null && filePassphrase.length > 0;
    String url = "jdbc:h2:file:" + fileWithoutSuffix.toAbsolutePath()
        + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000" + (encrypted ? ";CIPHER=AES" : "");
    // H2 takes "<file password> <user password>" when CIPHER is set; the user password stays empty.
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "madani",
        encrypted ? new String(filePassphrase) + " " : "");
    pool.setMaxConnections(POOL_SIZE);
    Flyway.configure()
        .dataSource(pool)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    WorkerExecutor executor =
        vertx == null ? null : vertx.createSharedWorkerExecutor("madani-db-" + System.identityHashCode(pool), POOL_SIZE);
    return new Database(pool, executor);
  }

  /**
   * Publishes {@code madani_db_transactions_seconds} (by outcome), {@code madani_db_queue_wait_seconds}
   * (time a transaction waits for a database worker) and the pool's connections in use and maximum.
   */
  public void instrument(io.micrometer.core.instrument.MeterRegistry registry) {
    registry.gauge("madani.db.pool.active.connections", pool, JdbcConnectionPool::getActiveConnections);
    registry.gauge("madani.db.pool.max.connections", pool, JdbcConnectionPool::getMaxConnections);
    meters = new Meters(txTimer(registry, "commit"), txTimer(registry, "rollback"),
        io.micrometer.core.instrument.Timer.builder("madani.db.queue.wait")
            .description("Time a transaction waited for a database worker thread").register(registry));
  }

  private static io.micrometer.core.instrument.Timer txTimer(io.micrometer.core.instrument.MeterRegistry registry,
      String outcome) {
    return io.micrometer.core.instrument.Timer.builder("madani.db.transactions").tag("outcome", outcome)
        .description("Database transactions (connection, work and commit), by outcome").register(registry);
  }

  /** Runs {@code work} in one transaction off the event loop. Rolls back on any failure. */
  public <T> Future<T> tx(Work<T> work) {
    if (executor == null) {
      throw new IllegalStateException("opened without Vert.x; use txBlocking");
    }
    long queued = System.nanoTime();
    return executor.executeBlocking(() -> {
      Meters m = meters;
      if (m != null) m.queueWait().record(System.nanoTime() - queued, java.util.concurrent.TimeUnit.NANOSECONDS);
      return txBlocking(work);
    }, false);
  }

  /** Runs {@code work} in one transaction on the calling thread. For CLI commands and workers. */
  public <T> T txBlocking(Work<T> work) throws SQLException {
    long started = System.nanoTime();
    boolean committed = false;
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.apply(c);
        c.commit();
        committed = true;
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        c.rollback();
        throw e;
      }
    } finally {
      Meters m = meters;
      if (m != null) {
        (committed ? m.committed() : m.rolledBack()).record(System.nanoTime() - started,
            java.util.concurrent.TimeUnit.NANOSECONDS);
      }
    }
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.close();
    }
    try (Connection c = pool.getConnection()) {
      c.createStatement().execute("SHUTDOWN");
    } catch (SQLException ignored) {
      // already closed
    }
    pool.dispose();
  }
}
