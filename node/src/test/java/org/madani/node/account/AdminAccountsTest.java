package org.madani.node.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.model.ProblemException;
import org.madani.node.store.AccountRepository;
import org.madani.node.store.Database;

/** Logins against a real H2 file: the throttle under a spray of names, and where Argon2 runs. */
class AdminAccountsTest {

  @TempDir Path dir;
  Vertx vertx;
  Database db;

  /** Argon2 stand-in: "right" is the password; verification can be held to see where it runs. */
  static final class StandInHasher extends PasswordHasher {
    volatile CountDownLatch hold = new CountDownLatch(0);
    final AtomicInteger verifying = new AtomicInteger();

    @Override
    public String hash(char[] password) {
      return "stand-in:" + new String(password);
    }

    @Override
    public boolean verify(char[] password, String encoded) {
      verifying.incrementAndGet();
      try {
        hold.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return encoded.equals("stand-in:" + new String(password));
    }
  }

  StandInHasher hasher = new StandInHasher();

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    db = Database.open(vertx, dir.resolve("db"));
  }

  @AfterEach
  void close() {
    db.close();
    vertx.close().await();
  }

  AdminAccounts accounts(LoginThrottle throttle) {
    return new AdminAccounts(
        db,
        new AccountRepository(),
        hasher,
        new ApiTokens(),
        throttle,
        Clock.systemUTC(),
        vertx.createSharedWorkerExecutor("test-password", 2));
  }

  static int status(Future<?> f) throws Exception {
    try {
      f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      return 200;
    } catch (java.util.concurrent.ExecutionException e) {
      return ((ProblemException) e.getCause()).problem().status();
    }
  }

  @Test
  void sprayingUnknownNames_neitherResetsNorDilutesTheAdminsBackoff() throws Exception {
    // the throttle's clock stands still, so only the spray could lift the backoff
    AdminAccounts accounts = accounts(new LoginThrottle(new LoginThrottleTest.MutableClock()));
    accounts.createAdminBlocking("admin", "right".toCharArray());
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
      assertThat(status(accounts.login("admin", "guess".toCharArray()))).isEqualTo(401);
    }
    assertThat(status(accounts.login("admin", "right".toCharArray())))
        .as("throttled")
        .isEqualTo(429);
    // 12,000 made-up names, each failing: more than any table of names the throttle keeps
    List<Future<String>> spray = new ArrayList<>();
    for (int i = 0; i < 12_000; i++) {
      spray.add(
          accounts
              .login("sprayed-" + i, "x".toCharArray())
              .recover(e -> Future.succeededFuture("")));
      if (spray.size() == 200) {
        Future.all(spray).await(60, TimeUnit.SECONDS);
        spray.clear();
      }
    }
    Future.all(spray).await(60, TimeUnit.SECONDS);
    assertThat(status(accounts.login("admin", "right".toCharArray())))
        .as("the admin's backoff survives the spray")
        .isEqualTo(429);
  }

  @Test
  void argon2RunsOutsideDatabaseTransactions_soALoginFloodLeavesThePoolFree() throws Exception {
    AdminAccounts accounts = accounts(new LoginThrottle(Clock.systemUTC()));
    accounts.createAdminBlocking("admin", "right".toCharArray());
    hasher.hold = new CountDownLatch(1);
    List<Future<String>> flood = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      flood.add(accounts.login("admin", "right".toCharArray()));
    }
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> hasher.verifying.get() >= 2);
    // while every login waits in Argon2, the database still serves: 16 transactions complete
    List<Future<Integer>> work = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      work.add(db.tx(c -> 1));
    }
    try {
      assertThat(Future.all(work).await(10, TimeUnit.SECONDS).succeeded()).isTrue();
    } finally {
      hasher.hold.countDown();
    }
    for (Future<String> f : flood) {
      assertThat(status(f)).isEqualTo(200);
    }
  }
}
