package org.madani.node.federation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostLimitsTest {

  final HostLimits limits = new HostLimits(4, 32, Duration.ofSeconds(2));

  @Test
  void aQuickHostGetsOneMoreSlotPerWindowUpToTheMaximum() {
    assertThat(limits.limit("fast.example")).isEqualTo(4);
    for (int i = 0; i < 4; i++) limits.answered("fast.example", Duration.ofMillis(5));
    assertThat(limits.limit("fast.example")).isEqualTo(5);
    for (int i = 0; i < 10_000; i++) limits.answered("fast.example", Duration.ofMillis(5));
    assertThat(limits.limit("fast.example")).isEqualTo(32);
    assertThat(limits.limit("other.example")).isEqualTo(4);
  }

  @Test
  void slowAnswersShrinkAndThrottlingHalvesDownToOne() {
    for (int i = 0; i < 100; i++) limits.answered("h.example", Duration.ofMillis(5));
    int grown = limits.limit("h.example");
    limits.answered("h.example", Duration.ofSeconds(3));
    assertThat(limits.limit("h.example")).isEqualTo(grown - 1);
    limits.throttled("h.example");
    assertThat(limits.limit("h.example")).isEqualTo((grown - 1) / 2);
    for (int i = 0; i < 10; i++) limits.throttled("h.example");
    assertThat(limits.limit("h.example")).isEqualTo(1);
  }
}
