package org.madani.node.federation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy = RetryPolicy.defaults();
  private final Instant t0 = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void ceilingsDoubleFromThirtySecondsUpToTwelveHours() {
    List<Duration> ceilings = new ArrayList<>();
    for (int attempt = 1; attempt <= 14; attempt++) ceilings.add(policy.ceiling(attempt));
    assertThat(ceilings)
        .containsExactly(
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(4),
            Duration.ofMinutes(8),
            Duration.ofMinutes(16),
            Duration.ofMinutes(32),
            Duration.ofMinutes(64),
            Duration.ofMinutes(128),
            Duration.ofMinutes(256),
            Duration.ofMinutes(512),
            Duration.ofHours(12),
            Duration.ofHours(12),
            Duration.ofHours(12));
    assertThat(policy.ceiling(1000)).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void fullJitterStaysBetweenTheFloorAndTheCeiling() {
    assertThat(policy.backoff(1, 0.0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoff(1, 0.5)).isEqualTo(Duration.ofSeconds(15));
    assertThat(policy.backoff(3, 0.5)).isEqualTo(Duration.ofMinutes(1));
    assertThat(policy.backoff(20, 0.999_999))
        .isLessThanOrEqualTo(Duration.ofHours(12))
        .isGreaterThan(Duration.ofHours(11));
  }

  @Test
  void worstCaseScheduleGrowsAndRetriesOverDaysNotMinutes() {
    // Always taking the ceiling: the slowest the schedule can be.
    Instant created = t0;
    Instant now = t0;
    List<Duration> waits = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      RetryPolicy.Decision d = policy.afterFailure(attempt, created, now, null, 0.999_999_999);
      if (d instanceof RetryPolicy.Decision.GiveUp) break;
      Instant next = ((RetryPolicy.Decision.RetryAt) d).at();
      waits.add(Duration.between(now, next));
      now = next;
    }
    assertThat(waits.subList(0, 5)).isSortedAccordingTo(Duration::compareTo);
    assertThat(waits.get(4)).isGreaterThan(waits.get(0).multipliedBy(15));
    assertThat(waits).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofHours(12)));
    // The last retry happens at the deadline itself, seven days after the job was created.
    assertThat(now).isEqualTo(created.plus(Duration.ofDays(7)));
    assertThat(waits.size()).isBetween(19, 29);
  }

  @Test
  void givesUpOnlyOnceTheDeadlineHasPassed() {
    Instant created = t0;
    assertThat(policy.afterFailure(30, created, created.plus(Duration.ofDays(6)), null, 0.5))
        .isInstanceOf(RetryPolicy.Decision.RetryAt.class);
    assertThat(policy.afterFailure(30, created, created.plus(Duration.ofDays(7)), null, 0.5))
        .isInstanceOf(RetryPolicy.Decision.GiveUp.class);
  }

  @Test
  void onlyServerErrorsTimeoutsAndThrottlingAreRetried() {
    assertThat(policy.retryable(500)).isTrue();
    assertThat(policy.retryable(502)).isTrue();
    assertThat(policy.retryable(503)).isTrue();
    assertThat(policy.retryable(408)).isTrue();
    assertThat(policy.retryable(429)).isTrue();
    assertThat(policy.retryable(400)).isFalse();
    assertThat(policy.retryable(401)).isFalse();
    assertThat(policy.retryable(404)).isFalse();
    assertThat(policy.retryable(410)).isFalse();
    assertThat(policy.retryable(301)).isFalse();
  }

  @Test
  void retryAfterIsALowerBoundClampedToTheMaximumWait() {
    RetryPolicy.Decision honoured = policy.afterFailure(1, t0, t0, Duration.ofMinutes(10), 0.5);
    assertThat(honoured)
        .isEqualTo(new RetryPolicy.Decision.RetryAt(t0.plus(Duration.ofMinutes(10))));

    RetryPolicy.Decision hostile = policy.afterFailure(1, t0, t0, Duration.ofDays(365), 0.5);
    assertThat(hostile).isEqualTo(new RetryPolicy.Decision.RetryAt(t0.plus(Duration.ofHours(12))));

    // Shorter than our own backoff: our backoff wins.
    RetryPolicy.Decision shorter = policy.afterFailure(5, t0, t0, Duration.ofSeconds(1), 0.5);
    assertThat(shorter).isEqualTo(new RetryPolicy.Decision.RetryAt(t0.plus(Duration.ofMinutes(4))));
  }

  @Test
  void readsRetryAfterAsSecondsOrHttpDate() {
    assertThat(InboxPoster.retryAfter("120", t0)).isEqualTo(Duration.ofSeconds(120));
    assertThat(InboxPoster.retryAfter("Wed, 25 Nov 2026 10:05:00 GMT", t0))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(InboxPoster.retryAfter("Wed, 25 Nov 2026 09:00:00 GMT", t0))
        .isEqualTo(Duration.ZERO);
    assertThat(InboxPoster.retryAfter("soon", t0)).isNull();
    assertThat(InboxPoster.retryAfter("-5", t0)).isNull();
    assertThat(InboxPoster.retryAfter(null, t0)).isNull();
  }
}
