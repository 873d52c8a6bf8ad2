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

    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  @Test
  void firstFailuresAreFree_thenDelaysGrow_andSuccessResets() {
    MutableClock clock = new MutableClock();
    LoginThrottle t = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
      assertThat(t.waitFor("admin")).isZero();
      t.failed("admin");
    }
    assertThat(t.waitFor("Admin")).as("names are case-insensitive").isEqualTo(Duration.ofSeconds(2));
    clock.now = clock.now.plusSeconds(2);
    assertThat(t.waitFor("admin")).isZero();
    t.failed("admin");
    assertThat(t.waitFor("admin")).isEqualTo(Duration.ofSeconds(4));
    assertThat(t.waitFor("someone-else")).isZero();
    t.succeeded("admin");
    assertThat(t.waitFor("admin")).isZero();
  }

  @Test
  void delayIsCapped() {
    assertThat(LoginThrottle.delayAfter(100)).isEqualTo(Duration.ofMinutes(15));
  }
}
