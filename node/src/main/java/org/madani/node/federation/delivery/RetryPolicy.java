package org.madani.node.federation.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When to try a failed delivery again, and when to give up. Pure: no clock, no randomness of its
 * own; callers pass the time and a uniform random number, so schedules are testable.
 *
 * <p>Backoff is exponential with full jitter: after the n-th failed attempt the wait is uniform in
 * {@code [minWait, min(maxWait, base × factor^(n-1))]}. Jitter spreads the retries of many jobs
 * that failed together (a peer's outage) so they do not all return in one burst. With the defaults
 * (30 s, ×2, 12 h cap, 7 days) a job is tried for days, not minutes, because small instances are
 * often down over a weekend.
 *
 * <p>What is retried: connection errors, timeouts, 5xx, 408 and 429. Other 4xx are permanent: the
 * peer understood us and said no, and retrying would only repeat that. A {@code Retry-After} on
 * 429/503 is honoured as a lower bound, clamped to {@code maxWait} so a peer cannot park a job
 * forever.
 *
 * <p>Thread-safety: immutable.
 *
 * @param base ceiling of the first wait
 * @param factor growth of the ceiling per attempt, at least 1
 * @param maxWait cap on any single wait, including a peer's Retry-After
 * @param giveUpAfter total time since the job was created after which it is dead
 * @param minWait floor of any wait, so full jitter never turns into a tight loop
 */
public record RetryPolicy(
    Duration base, double factor, Duration maxWait, Duration giveUpAfter, Duration minWait) {

  public RetryPolicy {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(giveUpAfter, "giveUpAfter");
    Objects.requireNonNull(minWait, "minWait");
    if (base.isNegative() || base.isZero())
      throw new IllegalArgumentException("base must be positive");
    if (!(factor >= 1.0)) throw new IllegalArgumentException("factor must be >= 1");
    if (maxWait.compareTo(base) < 0) throw new IllegalArgumentException("maxWait < base");
    if (minWait.isNegative() || minWait.compareTo(base) > 0)
      throw new IllegalArgumentException("minWait outside [0, base]");
    if (giveUpAfter.compareTo(base) < 0) throw new IllegalArgumentException("giveUpAfter < base");
  }

  /** 30 s, doubling, at most 12 h per wait, give up after 7 days, never less than 1 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        Duration.ofSeconds(30),
        2.0,
        Duration.ofHours(12),
        Duration.ofDays(7),
        Duration.ofSeconds(1));
  }

  /** What to do with a job after an attempt that did not deliver it. */
  public sealed interface Decision {
    /** Try again at {@code at}. */
    record RetryAt(Instant at) implements Decision {}

    /** Stop: the job is dead. {@code reason} is safe to show to admins. */
    record GiveUp(String reason) implements Decision {}
  }

  /** Whether an HTTP status (not 2xx) is worth retrying. */
  public boolean retryable(int status) {
    return status >= 500 || status == 408 || status == 429;
  }

  /** The upper bound of the wait after the {@code attempt}-th failed attempt (1-based). */
  public Duration ceiling(int attempt) {
    if (attempt < 1) throw new IllegalArgumentException("attempt " + attempt);
    double millis = base.toMillis() * Math.pow(factor, attempt - 1);
    return millis >= maxWait.toMillis() ? maxWait : Duration.ofMillis((long) millis);
  }

  /**
   * The wait after the {@code attempt}-th failed attempt for a uniform {@code random} in [0, 1).
   */
  public Duration backoff(int attempt, double random) {
    if (!(random >= 0.0 && random < 1.0)) throw new IllegalArgumentException("random " + random);
    long millis = (long) (ceiling(attempt).toMillis() * random);
    return Duration.ofMillis(Math.max(millis, minWait.toMillis()));
  }

  /**
   * The decision after a retryable failure.
   *
   * @param attempt how many attempts have now failed, including this one (1-based)
   * @param created when the job was enqueued; the give-up deadline counts from here
   * @param now the current time
   * @param retryAfter the peer's Retry-After, or null
   * @param random uniform in [0, 1)
   */
  public Decision afterFailure(
      int attempt, Instant created, Instant now, Duration retryAfter, double random) {
    Instant deadline = created.plus(giveUpAfter);
    if (!now.isBefore(deadline)) {
      return new Decision.GiveUp(
          "gave up after " + attempt + " attempts over " + giveUpAfter.toHours() + " h");
    }
    Duration wait = backoff(attempt, random);
    if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
      wait = retryAfter.compareTo(maxWait) > 0 ? maxWait : retryAfter;
    }
    // The last try happens at the deadline itself rather than being skipped for landing after it.
    Instant at = now.plus(wait);
    return new Decision.RetryAt(at.isAfter(deadline) ? deadline : at);
  }
}
