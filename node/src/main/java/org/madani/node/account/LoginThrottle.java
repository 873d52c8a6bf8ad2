package org.madani.node.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing per account name: after {@link #FREE_ATTEMPTS} failures in a row, each
 * further attempt must wait an exponentially growing delay (capped at 15 minutes), whether the
 * password is right or not. A success resets the count. Keyed by account name, not by client
 * address, because we do not keep client addresses. Thread-safe.
 *
 * <p>Names of existing accounts and other names are counted apart. Existing names are few (one
 * entry per admin), so their counts are never evicted: spraying thousands of made-up names can
 * neither reset nor dilute the real admin's backoff. Made-up names are counted too, so that a
 * throttled answer does not tell which names exist, but in a bounded least-recently-used table
 * ({@link #MAX_UNKNOWN}); forgetting one of those only forgets a name that has no account.
 */
public final class LoginThrottle {

  static final int FREE_ATTEMPTS = 5;
  static final int MAX_UNKNOWN = 10_000;
  private static final Duration BASE_DELAY = Duration.ofSeconds(2);
  private static final Duration MAX_DELAY = Duration.ofMinutes(15);

  private record State(int failures, Instant lastFailure) {
    State next(Instant now) {
      return new State(failures + 1, now);
    }
  }

  private final Clock clock;
  private final ConcurrentHashMap<String, State> known = new ConcurrentHashMap<>();
  private final Map<String, State> unknown =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
          return size() > MAX_UNKNOWN;
        }
      };

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * How long the caller must still wait before trying {@code account}; zero when allowed.
   *
   * @param exists whether an account of that name exists
   */
  public Duration waitFor(String account, boolean exists) {
    State s = exists ? known.get(key(account)) : unknownState(key(account));
    if (s == null || s.failures() < FREE_ATTEMPTS) return Duration.ZERO;
    Duration delay = delayAfter(s.failures());
    Duration elapsed = Duration.between(s.lastFailure(), clock.instant());
    return elapsed.compareTo(delay) >= 0 ? Duration.ZERO : delay.minus(elapsed);
  }

  /** Counts a failed attempt; {@code exists} says whether an account of that name exists. */
  public void failed(String account, boolean exists) {
    Instant now = clock.instant();
    if (exists) {
      known.merge(key(account), new State(1, now), (old, one) -> old.next(now));
    } else {
      synchronized (unknown) {
        unknown.merge(key(account), new State(1, now), (old, one) -> old.next(now));
      }
    }
  }

  public void succeeded(String account) {
    known.remove(key(account));
  }

  /** Entries held, for the bound's test. */
  int tracked() {
    synchronized (unknown) {
      return known.size() + unknown.size();
    }
  }

  private State unknownState(String key) {
    synchronized (unknown) {
      return unknown.get(key);
    }
  }

  static Duration delayAfter(int failures) {
    int over = Math.min(failures - FREE_ATTEMPTS, 20);
    Duration d = BASE_DELAY.multipliedBy(1L << over);
    return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
  }

  private static String key(String account) {
    return account == null ? "" : account.trim().toLowerCase(Locale.ROOT);
  }
}
