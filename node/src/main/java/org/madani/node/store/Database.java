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
 * The node's database: an H2 file in the data directory (the default), or a PostgreSQL database
 * ({@link #openPostgres}) that several node processes may share. Every unit of work runs in one
 * transaction on a dedicated worker pool, never on the event loop. The schema comes from the same
 * Flyway versions on both: {@code db/migration} for H2, {@code db/postgresql} for PostgreSQL (the
 * same versions in PostgreSQL's dialect; {@code MigrationVendorsTest} keeps the two in step).
 *
 * <p>Durability: H2's default WRITE_DELAY acknowledges a commit up to ~0.5 s before it reaches the
 * file (MEASURED.md), so a {@code kill -9} would lose acknowledged writes. We set WRITE_DELAY=0: a
 * commit returns only after it is written.
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

  /** Flyway locations per store; each holds every version, in that store's dialect. */
  static final String H2_MIGRATIONS = "classpath:db/migration";

  static final String POSTGRES_MIGRATIONS = "classpath:db/postgresql";

  private final JdbcConnectionPool pool;
  private final WorkerExecutor executor;
  private final Dialect dialect;
  private volatile Meters meters; // null until instrument()

  /** Transaction timers in a node's own registry (see {@link #instrument}). */
  private record Meters(
      io.micrometer.core.instrument.Timer committed,
      io.micrometer.core.instrument.Timer rolledBack,
      io.micrometer.core.instrument.Timer queueWait) {}

  private Database(JdbcConnectionPool pool, WorkerExecutor executor, Dialect dialect) {
    this.pool = pool;
    this.executor = executor;
    this.dialect = dialect;
  }

  /**
   * Opens the store a node is configured with: PostgreSQL when {@code postgresUrl} is set (see
   * {@link PostgresUrl}), else the H2 file. Blocking.
   *
   * @param h2Passphrase encrypts the H2 file (null: plain); not used with PostgreSQL
   * @param postgresPassword the PostgreSQL role's password when not in the URL (null: none, or the
   *     server trusts the client, e.g. a local socket or {@code .pgpass})
   */
  public static Database open(
      Vertx vertx, String postgresUrl, Path h2File, char[] h2Passphrase, char[] postgresPassword) {
    if (postgresUrl == null || postgresUrl.isBlank()) return open(vertx, h2File, h2Passphrase);
    return openPostgres(vertx, PostgresUrl.parse(postgresUrl), postgresPassword);
  }

  /**
   * Opens a PostgreSQL database and brings its schema up to date (Flyway takes a PostgreSQL
   * advisory lock, so processes starting together migrate once). Blocking.
   */
  public static Database openPostgres(Vertx vertx, PostgresUrl url, char[] password) {
    org.postgresql.ds.PGConnectionPoolDataSource source =
        new org.postgresql.ds.PGConnectionPoolDataSource();
    source.setURL(url.jdbcUrl());
    if (url.user() != null) source.setUser(url.user());
    if (url.password() != null) {
      source.setPassword(url.password());
    } else if (password != null && password.length > 0) {
      source.setPassword(new String(password));
    }
    source.setApplicationName("madani");
    // As H2's LOCK_TIMEOUT=10000: a transaction waits at most 10 s for a row lock, then fails and
    // rolls back (the directory indexer's wait for skipped change numbers relies on that bound).
    source.setOptions("-c lock_timeout=10000");
    // H2's small pool takes any ConnectionPoolDataSource: one pool class (and one set of pool
    // metrics) for both stores.
    JdbcConnectionPool pool = JdbcConnectionPool.create(source);
    pool.setMaxConnections(POOL_SIZE);
    try {
      Flyway.configure().dataSource(pool).locations(POSTGRES_MIGRATIONS).load().migrate();
    } catch (RuntimeException e) {
      pool.dispose();
      throw e;
    }
    return new Database(pool, executorFor(vertx, pool), Dialect.POSTGRESQL);
  }

  private static WorkerExecutor executorFor(Vertx vertx, JdbcConnectionPool pool) {
    return vertx == null
        ? null
        : vertx.createSharedWorkerExecutor("madani-db-" + System.identityHashCode(pool), POOL_SIZE);
  }

  /**
   * Which SQL dialect this store speaks (the repositories ask {@link Dialect#of} per connection).
   */
  public Dialect dialect() {
    return dialect;
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
    String url =
        "jdbc:h2:file:"
            + fileWithoutSuffix.toAbsolutePath()
            + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000"
            + (encrypted ? ";CIPHER=AES" : "");
    // H2 takes "<file password> <user password>" when CIPHER is set; the user password stays empty.
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(url, "madani", encrypted ? new String(filePassphrase) + " " : "");
    pool.setMaxConnections(POOL_SIZE);
    Flyway.configure().dataSource(pool).locations(H2_MIGRATIONS).load().migrate();
    return new Database(pool, executorFor(vertx, pool), Dialect.H2);
  }

  /**
   * Publishes {@code madani_db_transactions_seconds} (by outcome), {@code
   * madani_db_queue_wait_seconds} (time a transaction waits for a database worker) and the pool's
   * connections in use and maximum.
   */
  public void instrument(io.micrometer.core.instrument.MeterRegistry registry) {
    registry.gauge(
        "madani.db.pool.active.connections", pool, JdbcConnectionPool::getActiveConnections);
    registry.gauge("madani.db.pool.max.connections", pool, JdbcConnectionPool::getMaxConnections);
    meters =
        new Meters(
            txTimer(registry, "commit"),
            txTimer(registry, "rollback"),
            io.micrometer.core.instrument.Timer.builder("madani.db.queue.wait")
                .description("Time a transaction waited for a database worker thread")
                .register(registry));
  }

  private static io.micrometer.core.instrument.Timer txTimer(
      io.micrometer.core.instrument.MeterRegistry registry, String outcome) {
    return io.micrometer.core.instrument.Timer.builder("madani.db.transactions")
        .tag("outcome", outcome)
        .description("Database transactions (connection, work and commit), by outcome")
        .register(registry);
  }

  /** Runs {@code work} in one transaction off the event loop. Rolls back on any failure. */
  public <T> Future<T> tx(Work<T> work) {
    if (executor == null) {
      throw new IllegalStateException("opened without Vert.x; use txBlocking");
    }
    long queued = System.nanoTime();
    return executor.executeBlocking(
        () -> {
          Meters m = meters;
          if (m != null)
            m.queueWait()
                .record(System.nanoTime() - queued, java.util.concurrent.TimeUnit.NANOSECONDS);
          return txBlocking(work);
        },
        false);
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
        (committed ? m.committed() : m.rolledBack())
            .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
      }
    }
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.close();
    }
    if (dialect == Dialect.H2) {
      try (Connection c = pool.getConnection()) {
        c.createStatement().execute("SHUTDOWN");
      } catch (SQLException ignored) {
        // already closed
      }
    }
    pool.dispose();
  }
}
