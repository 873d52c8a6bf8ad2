package org.madani.node.federation.delivery;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How many requests may be in flight to each host, adapted to how the host answers (additive
 * increase, multiplicative decrease, as TCP does): a host that answers quickly gets one more slot
 * each time it has answered a full window quickly, up to {@code max}; a slow answer takes one slot
 * away; a 429, a 503 or a transport failure halves the limit (the refused job itself waits for the
 * answer's {@code Retry-After}, see {@link RetryPolicy}).
 *
 * <p>Memory only: after a restart every host starts again at {@code start}, which is safe.
 *
 * <p>Thread-safety: none; confined to the delivery worker's event loop.
 */
final class HostLimits {

  /** Hosts remembered at most; past it, those back at the starting limit are forgotten. */
  private static final int MAX_HOSTS = 10_000;

  private final int start;
  private final int max;
  private final Duration slow;
  private final Map<String, int[]> limits =
      new HashMap<>(); // host -> {limit, quick answers in this window}

  /**
   * @param start the limit of a host not seen yet
   * @param max the most requests in flight to one host
   * @param slow an answer taking at least this long counts as slow
   */
  HostLimits(int start, int max, Duration slow) {
    if (start < 1 || max < start) throw new IllegalArgumentException("need 1 <= start <= max");
    this.start = start;
    this.max = max;
    this.slow = slow;
  }

  int limit(String host) {
    int[] l = limits.get(host);
    return l == null ? start : l[0];
  }

  /** A 2xx or a permanent refusal: the host is up; how long it took decides the next limit. */
  void answered(String host, Duration took) {
    int[] l = entry(host);
    if (took.compareTo(slow) >= 0) {
      l[0] = Math.max(1, l[0] - 1);
      l[1] = 0;
    } else if (++l[1] >= l[0]) {
      l[0] = Math.min(max, l[0] + 1);
      l[1] = 0;
    }
  }

  /** The host is overloaded or unreachable: halve its limit. */
  void throttled(String host) {
    int[] l = entry(host);
    l[0] = Math.max(1, l[0] / 2);
    l[1] = 0;
  }

  private int[] entry(String host) {
    if (limits.size() >= MAX_HOSTS && !limits.containsKey(host)) {
      limits.values().removeIf(l -> l[0] == start);
    }
    return limits.computeIfAbsent(host, h -> new int[] {start, 0});
  }
}
