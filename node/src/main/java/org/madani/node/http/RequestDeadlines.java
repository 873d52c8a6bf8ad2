package org.madani.node.http;

import java.time.Duration;
import java.util.Map;

/**
 * How long a client may take to send a request: its header block within {@code headers} of the
 * connection opening (or of the previous response, on a kept-alive connection), and its body at no
 * less than {@code minBodyBytesPerSecond} on average once {@code bodyGrace} has passed. The idle
 * timeout alone does not bound a slow client, because every byte resets it.
 *
 * <p>Set with {@code MADANI_HEADER_TIMEOUT_SECONDS} and {@code MADANI_MIN_BODY_RATE} (bytes per
 * second).
 */
public record RequestDeadlines(Duration headers, Duration bodyGrace, int minBodyBytesPerSecond) {

  public static final RequestDeadlines DEFAULTS =
      new RequestDeadlines(Duration.ofSeconds(5), Duration.ofSeconds(5), 1024);

  public RequestDeadlines {
    if (headers.isNegative()
        || headers.isZero()
        || bodyGrace.isNegative()
        || minBodyBytesPerSecond < 1) {
      throw new IllegalArgumentException("request deadlines must be positive");
    }
  }

  /**
   * The defaults, overridden by {@code MADANI_HEADER_TIMEOUT_SECONDS} and {@code
   * MADANI_MIN_BODY_RATE}.
   */
  public static RequestDeadlines fromEnv(Map<String, String> env) {
    Duration headers = DEFAULTS.headers();
    int rate = DEFAULTS.minBodyBytesPerSecond();
    try {
      if (env.get("MADANI_HEADER_TIMEOUT_SECONDS") != null) {
        headers =
            Duration.ofSeconds(Long.parseLong(env.get("MADANI_HEADER_TIMEOUT_SECONDS").trim()));
      }
      if (env.get("MADANI_MIN_BODY_RATE") != null) {
        rate = Integer.parseInt(env.get("MADANI_MIN_BODY_RATE").trim());
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "MADANI_HEADER_TIMEOUT_SECONDS and MADANI_MIN_BODY_RATE must be whole numbers");
    }
    return new RequestDeadlines(headers, DEFAULTS.bodyGrace(), rate);
  }
}
