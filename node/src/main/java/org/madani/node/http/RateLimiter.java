package org.madani.node.http;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (a peer host): {@code burst} requests at once, refilled at {@code perSecond}.
 * Bounded memory: beyond 10,000 keys the table is reset. Thread-safe.
 */
public final class RateLimiter {

  private record Bucket(double tokens, long atNanos) {}

  private final double perSecond;
  private final double burst;
  private final Clock clock;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimiter(double perSecond, double burst, Clock clock) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.clock = clock;
  }

  public boolean tryAcquire(String key) {
    if (buckets.size() > 10_000) buckets.clear();
    long now = clock.millis() * 1_000_000L;
    boolean[] ok = {false};
    buckets.compute(key, (k, b) -> {
      double tokens = b == null ? burst : Math.min(burst, b.tokens() + (now - b.atNanos()) / 1e9 * perSecond);
      if (tokens >= 1) {
        ok[0] = true;
        tokens -= 1;
      }
      return new Bucket(tokens, now);
    });
    return ok[0];
  }
}
