package org.madani.node.account;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.madani.node.model.Page;
import org.madani.node.store.AuditRepository;
import org.madani.node.store.AuditRepository.AuditRow;
import org.madani.node.store.Database;

/**
 * What admins did: who (a user name, or {@code token:<label>} for API tokens), which action, on
 * what, and how it ended. Never client addresses. Thread-safe.
 */
public final class AuditLog {

  private final Database db;
  private final AuditRepository audit;
  private final Clock clock;

  public AuditLog(Database db, AuditRepository audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Records a domain-level detail of an admin action (e.g. {@code trust.node.set} with {@code
   * level=blocked}) inside that action's own transaction, so the two stand or fall together. The
   * route-level row written by {@link #begin} says which request it was; this one says what it did.
   */
  public void record(Connection c, String admin, String action, String target, String detail)
      throws SQLException {
    audit.append(c, clock.instant(), admin, action, target, detail, null);
  }

  /** Writes a row for an action about to run; complete it with {@link #complete}. */
  public Future<Long> begin(String admin, String action, String target) {
    return db.tx(c -> audit.append(c, clock.instant(), admin, action, target, null, null));
  }

  public Future<Void> complete(long id, String action, String target, String detail, int outcome) {
    return db.tx(
        c -> {
          audit.complete(c, id, action, target, detail, outcome);
          return null;
        });
  }

  /** Writes a finished action in one go (logins, logouts, invitation use). */
  public Future<Void> record(
      String admin, String action, String target, String detail, int outcome) {
    return db.tx(
        c -> {
          audit.append(c, clock.instant(), admin, action, target, detail, outcome);
          return null;
        });
  }

  public Future<Page<AuditRow>> page(int page, int pageSize) {
    return page(page, pageSize, false);
  }

  /**
   * With {@code doneOnly}, only actions that took effect (refused and invalid requests left out).
   */
  public Future<Page<AuditRow>> page(int page, int pageSize, boolean doneOnly) {
    if (page < 1 || pageSize < 1 || pageSize > 200) {
      return Future.failedFuture(
          org.madani.node.model.Problem.badRequest("page >= 1, pageSize 1..200"));
    }
    return db.tx(
        c ->
            new Page<>(
                audit.page(c, (page - 1) * pageSize, pageSize, doneOnly),
                page,
                pageSize,
                audit.count(c, doneOnly)));
  }
}
