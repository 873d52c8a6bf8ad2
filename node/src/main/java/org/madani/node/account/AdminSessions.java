package org.madani.node.account;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.madani.node.store.Database;
import org.madani.node.store.SessionRepository;
import org.madani.node.store.SessionRepository.SessionRow;

/**
 * Server-side admin browser sessions: started by a password login (under the same throttle as token
 * logins), resumed from the cookie on each request, ended by logout, idleness or age. Only a
 * SHA-256 of the cookie value is stored. Thread-safe.
 */
public final class AdminSessions {

  /** A new session and the cookie value that names it (shown to the browser once). */
  public record Started(String cookieValue, AdminSession session) {}

  /** last_seen is only rewritten when older than this, so reads do not all become writes. */
  private static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(30);

  private final Database db;
  private final SessionRepository sessions;
  private final AdminAccounts accounts;
  private final SessionPolicy policy;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public AdminSessions(
      Database db,
      SessionRepository sessions,
      AdminAccounts accounts,
      SessionPolicy policy,
      Clock clock) {
    this.db = db;
    this.sessions = sessions;
    this.accounts = accounts;
    this.policy = policy;
    this.clock = clock;
  }

  public SessionPolicy policy() {
    return policy;
  }

  /** Checks the password (401/429 as for token logins) and opens a session. */
  public Future<Started> start(String username, char[] password) {
    String cookie = randomToken();
    String csrf = randomToken();
    return accounts.authenticate(
        username,
        password,
        (c, admin, now) -> {
          sessions.purge(c, now, now.minus(policy.idle()));
          SessionRow row =
              new SessionRow(
                  ApiTokens.hash(cookie),
                  admin.id(),
                  admin.username(),
                  csrf,
                  now,
                  now,
                  now.plus(policy.absolute()));
          sessions.insert(c, row);
          return new Started(cookie, toSession(row));
        });
  }

  /** The session named by a cookie value, if it exists and has neither idled out nor aged out. */
  public Future<Optional<AdminSession>> resume(String cookieValue) {
    if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 200) {
      return Future.succeededFuture(Optional.empty());
    }
    String hash = ApiTokens.hash(cookieValue);
    return db.tx(
        c -> {
          Optional<SessionRow> found = sessions.find(c, hash);
          if (found.isEmpty()) return Optional.<AdminSession>empty();
          SessionRow row = found.get();
          Instant now = clock.instant();
          if (!now.isBefore(row.expires()) || !now.isBefore(row.lastSeen().plus(policy.idle()))) {
            sessions.delete(c, hash);
            return Optional.<AdminSession>empty();
          }
          if (Duration.between(row.lastSeen(), now).compareTo(TOUCH_GRANULARITY) >= 0) {
            sessions.touch(c, hash, now);
          }
          return Optional.of(toSession(row));
        });
  }

  /** Ends a session; true if there was one. */
  public Future<Boolean> end(AdminSession session) {
    return db.tx(c -> sessions.delete(c, session.idHash()));
  }

  /** Constant-time comparison of a submitted CSRF token with the session's. */
  public static boolean csrfMatches(AdminSession session, String submitted) {
    if (submitted == null) return false;
    return MessageDigest.isEqual(
        session.csrfToken().getBytes(StandardCharsets.UTF_8),
        submitted.getBytes(StandardCharsets.UTF_8));
  }

  private static AdminSession toSession(SessionRow r) {
    return new AdminSession(r.idHash(), r.adminId(), r.username(), r.csrfToken(), r.expires());
  }

  private String randomToken() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
