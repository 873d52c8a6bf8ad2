package org.madani.node.federation.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.madani.node.model.BreakerState;
import org.madani.node.model.PeerState;

/**
 * Per-host circuit breaker rules. Pure: state lives in {@link PeerState} (persisted in {@code
 * peer_host}, so an open breaker survives a restart) and time is passed in.
 *
 * <p>Why: a dead peer with thousands of queued jobs would otherwise cost a connection attempt and a
 * timeout for every job each time its backoff expires. After {@code failureThreshold} consecutive
 * failures the breaker opens for {@code openBase × 2^(failures − threshold)}, capped at {@code
 * openMax}; meanwhile the host's jobs keep waiting (they are not dropped). When the open period
 * ends the breaker is half-open and the worker lets exactly one probe job through. A success closes
 * the breaker and resets the count; a failure re-opens it for longer.
 *
 * <p>Any HTTP answer except 5xx, 408 and 429 counts as the host being healthy (a 404 for one inbox
 * says nothing bad about the server); only 2xx updates {@code lastSuccess}.
 *
 * <p>Thread-safety: immutable.
 */
public record CircuitBreaker(int failureThreshold, Duration openBase, Duration openMax) {

  public CircuitBreaker {
    Objects.requireNonNull(openBase, "openBase");
    Objects.requireNonNull(openMax, "openMax");
    if (failureThreshold < 1) throw new IllegalArgumentException("failureThreshold < 1");
    if (openBase.isNegative() || openBase.isZero())
      throw new IllegalArgumentException("openBase must be positive");
    if (openMax.compareTo(openBase) < 0) throw new IllegalArgumentException("openMax < openBase");
  }

  /** Opens after 5 failures for 1 minute, doubling up to 6 hours. */
  public static CircuitBreaker defaults() {
    return new CircuitBreaker(5, Duration.ofMinutes(1), Duration.ofHours(6));
  }

  public BreakerState state(PeerState peer, Instant now) {
    Instant until = peer.breakerOpenUntil();
    if (until == null) return BreakerState.CLOSED;
    return now.isBefore(until) ? BreakerState.OPEN : BreakerState.HALF_OPEN;
  }

  /** How long the breaker stays open after {@code failures} consecutive failures (≥ threshold). */
  public Duration openDuration(int failures) {
    int doublings = Math.max(0, failures - failureThreshold);
    if (doublings >= 62) return openMax;
    long millis = openBase.toMillis();
    long grown = millis << doublings;
    return (grown >>> doublings) != millis || grown >= openMax.toMillis()
        ? openMax
        : Duration.ofMillis(grown);
  }

  /** The host answered; {@code delivered} when with 2xx. Closes the breaker. */
  public PeerState afterAnswer(PeerState p, Instant now, boolean delivered) {
    return new PeerState(
        p.host(), 0, delivered ? now : p.lastSuccess(), p.lastFailure(), null, p.signatureScheme());
  }

  /** The host failed (connection error, timeout, 5xx, 408, 429). May open the breaker. */
  public PeerState afterFailure(PeerState p, Instant now) {
    int failures = p.consecutiveFailures() + 1;
    Instant openUntil =
        failures >= failureThreshold ? now.plus(openDuration(failures)) : p.breakerOpenUntil();
    return new PeerState(p.host(), failures, p.lastSuccess(), now, openUntil, p.signatureScheme());
  }
}
