package org.madani.node.federation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.madani.node.model.BreakerState;
import org.madani.node.model.PeerState;
import org.madani.node.model.SignatureScheme;

class CircuitBreakerTest {

  private final CircuitBreaker breaker =
      new CircuitBreaker(5, Duration.ofMinutes(1), Duration.ofHours(6));
  private final Instant t0 = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void opensAfterThresholdConsecutiveFailures() {
    PeerState p = PeerState.unknown("peer.example");
    for (int i = 1; i < 5; i++) {
      p = breaker.afterFailure(p, t0);
      assertThat(breaker.state(p, t0)).isEqualTo(BreakerState.CLOSED);
    }
    p = breaker.afterFailure(p, t0);
    assertThat(p.consecutiveFailures()).isEqualTo(5);
    assertThat(breaker.state(p, t0)).isEqualTo(BreakerState.OPEN);
    assertThat(p.breakerOpenUntil()).isEqualTo(t0.plus(Duration.ofMinutes(1)));
    assertThat(breaker.state(p, t0.plus(Duration.ofMinutes(1)))).isEqualTo(BreakerState.HALF_OPEN);
  }

  @Test
  void openPeriodGrowsWithEachFurtherFailureUpToTheCap() {
    assertThat(breaker.openDuration(5)).isEqualTo(Duration.ofMinutes(1));
    assertThat(breaker.openDuration(6)).isEqualTo(Duration.ofMinutes(2));
    assertThat(breaker.openDuration(9)).isEqualTo(Duration.ofMinutes(16));
    assertThat(breaker.openDuration(14)).isEqualTo(Duration.ofHours(6));
    assertThat(breaker.openDuration(500)).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void anAnswerClosesAndResetsButOnlyDeliveryCountsAsSuccess() {
    PeerState p = PeerState.unknown("peer.example").withSignatureScheme(SignatureScheme.CAVAGE);
    for (int i = 0; i < 7; i++) p = breaker.afterFailure(p, t0);
    PeerState refused = breaker.afterAnswer(p, t0, false);
    assertThat(breaker.state(refused, t0)).isEqualTo(BreakerState.CLOSED);
    assertThat(refused.consecutiveFailures()).isZero();
    assertThat(refused.lastSuccess()).isNull();
    assertThat(refused.signatureScheme()).isEqualTo(SignatureScheme.CAVAGE);

    PeerState delivered = breaker.afterAnswer(p, t0, true);
    assertThat(delivered.lastSuccess()).isEqualTo(t0);
    assertThat(delivered.lastFailure()).isEqualTo(t0);
  }
}
