package org.madani.node.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;

/**
 * Token buckets per key: {@code burst} requests at once, refilled at {@code perSecond}. The buckets
 * live in a size-bounded Caffeine cache that forgets keys idle longer than a full refill: a flood
 * of new keys evicts the least used ones instead of resetting everyone's allowance (the table used
 * to be cleared at 10,000 keys, which handed every sender a fresh burst). Thread-safe.
 */
public final class RateLimiter {

  private record Bucket(double tokens, long atNanos) {}

  private final double perSecond;
  private final double burst;
  private final Clock clock;
  private final Cache<String, Bucket> buckets;

  public RateLimiter(double perSecond, double burst, Clock clock) {
    this(perSecond, burst, clock, 10_000);
  }

  public RateLimiter(double perSecond, double burst, Clock clock, long maxKeys) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.clock = clock;
    // A bucket idle for a full refill is full again: forgetting it then changes nothing.
    long refillMillis = (long) Math.ceil(burst / perSecond * 1000) + 1000;
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(maxKeys)
            .expireAfterAccess(Duration.ofMillis(refillMillis))
            .build();
  }

  /** Takes one token for {@code key}; false when its bucket is empty. */
  public boolean tryAcquire(String key) {
    boolean[] ok = {false};
    long now = clock.millis() * 1_000_000L;
    buckets
        .asMap()
        .compute(
            key,
            (k, b) -> {
              double tokens = tokens(b, now);
              if (tokens >= 1) {
                ok[0] = true;
                tokens -= 1;
              }
              return new Bucket(tokens, now);
            });
    return ok[0];
  }

  /** Whether {@code key} has a token left, without taking it. */
  public boolean hasToken(String key) {
    return tokens(buckets.getIfPresent(key), clock.millis() * 1_000_000L) >= 1;
  }

  private double tokens(Bucket b, long now) {
    return b == null ? burst : Math.min(burst, b.tokens() + (now - b.atNanos()) / 1e9 * perSecond);
  }
}
