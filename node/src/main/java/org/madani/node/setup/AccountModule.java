package org.madani.node.setup;

import io.vertx.core.Vertx;
import java.time.Clock;
import org.madani.node.account.AdminAccounts;
import org.madani.node.account.AdminSessions;
import org.madani.node.account.ApiTokens;
import org.madani.node.account.AuditLog;
import org.madani.node.account.Invitations;
import org.madani.node.account.LoginThrottle;
import org.madani.node.account.PasswordHasher;
import org.madani.node.account.SessionPolicy;
import org.madani.node.store.AuditRepository;
import org.madani.node.store.InvitationRepository;
import org.madani.node.store.SessionRepository;

/** Admin accounts, browser sessions, invitations and the audit log every area writes to. */
public record AccountModule(
    AuditLog audit, AdminAccounts admins, AdminSessions sessions, Invitations invitations) {

  /**
   * @param passwordWorkers threads for password hashing (Argon2id is slow on purpose)
   */
  public static AccountModule of(Vertx vertx, StoreModule store, Clock clock, int passwordWorkers) {
    AuditLog audit = new AuditLog(store.db(), new AuditRepository(), clock);
    AdminAccounts admins =
        new AdminAccounts(
            store.db(),
            store.accounts(),
            new PasswordHasher(),
            new ApiTokens(),
            new LoginThrottle(clock),
            clock,
            vertx.createSharedWorkerExecutor(
                "madani-password-" + System.identityHashCode(store.db()), passwordWorkers));
    AdminSessions sessions =
        new AdminSessions(
            store.db(), new SessionRepository(), admins, SessionPolicy.defaults(), clock);
    Invitations invitations =
        new Invitations(store.db(), new InvitationRepository(), admins, clock);
    return new AccountModule(audit, admins, sessions, invitations);
  }
}
