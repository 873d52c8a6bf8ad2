package org.madani.node.account;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.madani.node.model.Problem;
import org.madani.node.store.AccountRepository;
import org.madani.node.store.Database;

/** Admin accounts, logins and API tokens. Thread-safe. */
public final class AdminAccounts {

  /** Tokens issued by a password login expire; tokens issued on the command line do not. */
  static final Duration LOGIN_TOKEN_LIFETIME = Duration.ofHours(12);

  private final Database db;
  private final AccountRepository accounts;
  private final PasswordHasher hasher;
  private final ApiTokens tokens;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final WorkerExecutor hashing;

  /**
   * @param hashing where Argon2 verification runs: its own small pool, never the database's, so
   *     that a flood of logins (each ~19 MiB and tens of milliseconds) neither holds database
   *     connections nor starves other requests of them; its size also bounds that memory
   */
  public AdminAccounts(
      Database db,
      AccountRepository accounts,
      PasswordHasher hasher,
      ApiTokens tokens,
      LoginThrottle throttle,
      Clock clock,
      WorkerExecutor hashing) {
    this.hashing = hashing;
    this.db = db;
    this.accounts = accounts;
    this.hasher = hasher;
    this.tokens = tokens;
    this.throttle = throttle;
    this.clock = clock;
  }

  /** Creates an admin account. Blocking; for {@code init}. */
  public void createAdminBlocking(String username, char[] password) throws SQLException {
    String hash = hasher.hash(password);
    db.txBlocking(
        c -> {
          accounts.insertAdmin(c, username, hash, clock.instant());
          return null;
        });
  }

  /** Issues a token that does not expire. Blocking; for the {@code token} command. */
  public String issueTokenBlocking(String label) throws SQLException {
    String token = tokens.newToken();
    db.txBlocking(
        c -> {
          accounts.insertToken(c, ApiTokens.hash(token), label, clock.instant(), null);
          return null;
        });
    return token;
  }

  /** What to do, inside the same transaction, once a password has been accepted. */
  @FunctionalInterface
  public interface Granted<T> {
    T apply(Connection c, AccountRepository.AdminRow admin, Instant now) throws SQLException;
  }

  /** Checks a password and issues a 12-hour token, or fails with 401 or 429. */
  public Future<String> login(String username, char[] password) {
    return authenticate(
        username,
        password,
        (c, admin, now) -> {
          String token = tokens.newToken();
          accounts.insertToken(
              c,
              ApiTokens.hash(token),
              "login:" + admin.username(),
              now,
              now.plus(LOGIN_TOKEN_LIFETIME));
          return token;
        });
  }

  /**
   * Checks a password under the login throttle, then runs {@code then} in a transaction. Fails with
   * 429 while throttled and 401 for a wrong name or password (which one is not said).
   *
   * <p>Three steps, so that no database connection is held while Argon2 runs: look the account up
   * (one short read), verify the password on the hashing pool, then record the login and run {@code
   * then} in a second transaction, which re-reads the account in case it changed meanwhile.
   */
  public <T> Future<T> authenticate(String username, char[] password, Granted<T> then) {
    return db.tx(c -> accounts.findAdmin(c, username))
        .compose(
            row -> {
              Duration wait = throttle.waitFor(username, row.isPresent());
              if (!wait.isZero()) {
                Arrays.fill(password, '\0');
                long seconds = Math.max(1, wait.toSeconds());
                return Future.failedFuture(
                    Problem.of(
                            429,
                            "login-throttled",
                            "Too many failed logins",
                            "Too many failed attempts for this account; try again in "
                                + seconds
                                + " seconds.")
                        .with("retryAfter", seconds)
                        .exception());
              }
              // Hash even for unknown names, so that timing does not reveal which names exist.
              String hash = row.map(AccountRepository.AdminRow::passwordHash).orElse(DUMMY_HASH);
              return hashing
                  .executeBlocking(
                      () -> {
                        try {
                          return hasher.verify(password, hash) && row.isPresent();
                        } finally {
                          Arrays.fill(password, '\0');
                        }
                      },
                      false)
                  .compose(
                      ok -> {
                        if (!ok) {
                          throttle.failed(username, row.isPresent());
                          return Future.failedFuture(badCredentials());
                        }
                        throttle.succeeded(username);
                        return db.tx(
                            c -> {
                              var current =
                                  accounts
                                      .findAdmin(c, username)
                                      .filter(
                                          a ->
                                              a.id() == row.get().id()
                                                  && a.passwordHash().equals(hash))
                                      .orElseThrow(AdminAccounts::badCredentials);
                              Instant now = clock.instant();
                              accounts.recordLogin(c, current.id(), now);
                              return then.apply(c, current, now);
                            });
                      });
            });
  }

  private static RuntimeException badCredentials() {
    return Problem.of(
            401,
            "bad-credentials",
            "Wrong user name or password",
            "The user name or password is wrong.")
        .exception();
  }

  /**
   * Creates an admin inside the caller's transaction (hashing blocks: call from a db worker). Fails
   * with 409 when the name is taken.
   */
  public void createAdmin(Connection c, String username, char[] password) throws SQLException {
    if (accounts.findAdmin(c, username).isPresent()) {
      throw Problem.conflict("An admin named '" + username + "' already exists.");
    }
    String hash = hasher.hash(password);
    Arrays.fill(password, '\0');
    accounts.insertAdmin(c, username, hash, clock.instant());
  }

  /** The label of a valid API token, or empty when unknown, revoked or expired. */
  public Future<java.util.Optional<String>> tokenLabel(String token) {
    String hash = ApiTokens.hash(token);
    return db.tx(c -> accounts.tokenLabel(c, hash, clock.instant()));
  }

  public Future<Boolean> tokenValid(String token) {
    String hash = ApiTokens.hash(token);
    return db.tx(c -> accounts.tokenValid(c, hash, clock.instant()));
  }

  private static final String DUMMY_HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
}
