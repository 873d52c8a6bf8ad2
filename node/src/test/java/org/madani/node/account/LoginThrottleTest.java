package org.madani.node.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void firstFailuresAreFree_thenDelaysGrow_andSuccessResets() {
    MutableClock clock = new MutableClock();
    LoginThrottle t = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
      assertThat(t.waitFor("admin", true)).isZero();
      t.failed("admin", true);
    }
    assertThat(t.waitFor("Admin", true))
        .as("names are case-insensitive")
        .isEqualTo(Duration.ofSeconds(2));
    clock.now = clock.now.plusSeconds(2);
    assertThat(t.waitFor("admin", true)).isZero();
    t.failed("admin", true);
    assertThat(t.waitFor("admin", true)).isEqualTo(Duration.ofSeconds(4));
    assertThat(t.waitFor("someone-else", true)).isZero();
    t.succeeded("admin");
    assertThat(t.waitFor("admin", true)).isZero();
  }

  @Test
  void madeUpNames_areBounded_andNeverTouchAnExistingAccountsCount() {
    MutableClock clock = new MutableClock();
    LoginThrottle t = new LoginThrottle(clock);
    for (int i = 0; i <= LoginThrottle.FREE_ATTEMPTS; i++) t.failed("admin", true);
    Duration before = t.waitFor("admin", true);
    assertThat(before).isPositive();
    for (int i = 0; i < 3 * LoginThrottle.MAX_UNKNOWN; i++) t.failed("name-" + i, false);
    assertThat(t.tracked()).isLessThanOrEqualTo(LoginThrottle.MAX_UNKNOWN + 1);
    assertThat(t.waitFor("admin", true)).isEqualTo(before);
    // a made-up name that fails often is throttled like a real one, so a 429 reveals nothing
    for (int i = 0; i <= LoginThrottle.FREE_ATTEMPTS; i++) t.failed("ghost", false);
    assertThat(t.waitFor("ghost", false)).isEqualTo(before);
    assertThat(t.waitFor("ghost", true))
        .as("the same name as an account is counted apart")
        .isZero();
  }

  @Test
  void delayIsCapped() {
    assertThat(LoginThrottle.delayAfter(100)).isEqualTo(Duration.ofMinutes(15));
  }
}
