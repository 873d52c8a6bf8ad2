package org.madani.node.federation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.madani.node.model.PeerState;
import org.madani.node.model.SignatureScheme;

class HealthyHostsTest {

  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
  private final HealthyHosts hosts = new HealthyHosts(Duration.ofSeconds(10));

  private static PeerState healthy(String host, SignatureScheme scheme) {
    return new PeerState(host, 0, T0, null, null, scheme);
  }

  @Test
  void aHostStoredHealthyIsSkippedForTheSameSchemeUntilTheRewriteIsDue() {
    assertThat(hosts.stillHealthy("a.example", SignatureScheme.RFC9421, T0)).isFalse();
    hosts.written(healthy("a.example", SignatureScheme.RFC9421), T0);

    assertThat(hosts.stillHealthy("a.example", SignatureScheme.RFC9421, T0.plusSeconds(9)))
        .isTrue();
    assertThat(hosts.stillHealthy("a.example", SignatureScheme.CAVAGE, T0.plusSeconds(1)))
        .isFalse();
    assertThat(hosts.stillHealthy("b.example", SignatureScheme.RFC9421, T0)).isFalse();
    assertThat(hosts.stillHealthy("a.example", SignatureScheme.RFC9421, T0.plusSeconds(10)))
        .isFalse();
  }

  @Test
  void aStoredFailureOrOpenBreakerEndsTheSkipAtOnce() {
    hosts.written(healthy("a.example", SignatureScheme.RFC9421), T0);
    hosts.written(new PeerState("a.example", 1, T0, T0, null, SignatureScheme.RFC9421), T0);
    assertThat(hosts.stillHealthy("a.example", SignatureScheme.RFC9421, T0)).isFalse();

    hosts.written(healthy("b.example", SignatureScheme.RFC9421), T0);
    hosts.written(
        new PeerState("b.example", 0, T0, T0, T0.plusSeconds(60), SignatureScheme.RFC9421), T0);
    assertThat(hosts.stillHealthy("b.example", SignatureScheme.RFC9421, T0)).isFalse();
  }

  @Test
  void aHostWhoseSchemeIsNotKnownIsNeverSkipped() {
    hosts.written(healthy("a.example", null), T0);
    assertThat(hosts.stillHealthy("a.example", SignatureScheme.RFC9421, T0)).isFalse();
  }
}
