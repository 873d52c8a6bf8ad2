package org.madani.node.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing per account name: after {@link #FREE_ATTEMPTS} failures in a row, each
 * further attempt must wait an exponentially growing delay (capped at 15 minutes), whether the
 * password is right or not. A success resets the count. Keyed by account name, not by client
 * address, because we do not keep client addresses. Thread-safe.
 */
public final class LoginThrottle {

  static final int FREE_ATTEMPTS = 5;
  private static final Duration BASE_DELAY = Duration.ofSeconds(2);
  private static final Duration MAX_DELAY = Duration.ofMinutes(15);
  private static final int MAX_TRACKED = 10_000;

  private record State(int failures, Instant lastFailure) {}

  private final Clock clock;
  private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long the caller must still wait before trying {@code account}; zero when allowed. */
  public Duration waitFor(String account) {
    State s = states.get(key(account));
    if (s == null || s.failures() < FREE_ATTEMPTS) return Duration.ZERO;
    Duration delay = delayAfter(s.failures());
    Duration elapsed = Duration.between(s.lastFailure(), clock.instant());
    return elapsed.compareTo(delay) >= 0 ? Duration.ZERO : delay.minus(elapsed);
  }

  public void failed(String account) {
    if (states.size() > MAX_TRACKED) states.clear(); // bound memory under a spray of names
    states.merge(key(account), new State(1, clock.instant()),
        (old, one) -> new State(old.failures() + 1, clock.instant()));
  }

  public void succeeded(String account) {
    states.remove(key(account));
  }

  static Duration delayAfter(int failures) {
    int over = Math.min(failures - FREE_ATTEMPTS, 20);
    Duration d = BASE_DELAY.multipliedBy(1L << over);
    return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
  }

  private static String key(String account) {
    return account == null ? "" : account.trim().toLowerCase(java.util.Locale.ROOT);
  }
}
