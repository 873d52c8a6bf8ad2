package org.madani.node.federation.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the delivery worker. Tests shorten the intervals; time itself comes from the injected
 * {@link java.time.Clock}, so no test has to wait for a real backoff.
 *
 * @param pollInterval how often the worker looks for due jobs without being woken up
 * @param concurrency requests in flight at once, over all hosts
 * @param perHostConcurrency requests in flight at once to a host not seen yet (small instances are
 *     fragile); it grows for hosts that answer quickly ({@link HostLimits})
 * @param perHostMax the most requests in flight at once to one host
 * @param lease how long a taken job belongs to this worker; after that it is due again (covers a
 *     crash). Must exceed connect + request timeout with room for signing and recording.
 * @param connectTimeout TCP/TLS connect timeout
 * @param requestTimeout idle timeout of the request: no bytes for this long fails it
 * @param responseBodyLimit bytes of a response body kept (to spot signature rejections); the rest
 *     is discarded as it arrives
 * @param retry backoff and give-up rules
 * @param breaker per-host circuit breaker rules
 */
public record DeliveryOptions(
    Duration pollInterval,
    int concurrency,
    int perHostConcurrency,
    int perHostMax,
    Duration lease,
    Duration connectTimeout,
    Duration requestTimeout,
    int responseBodyLimit,
    RetryPolicy retry,
    CircuitBreaker breaker) {

  public DeliveryOptions {
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(breaker, "breaker");
    if (pollInterval.toMillis() < 1) throw new IllegalArgumentException("pollInterval < 1 ms");
    if (concurrency < 1 || perHostConcurrency < 1)
      throw new IllegalArgumentException("concurrency < 1");
    if (perHostConcurrency > concurrency)
      throw new IllegalArgumentException("perHostConcurrency > concurrency");
    if (perHostMax < perHostConcurrency || perHostMax > concurrency) {
      throw new IllegalArgumentException("need perHostConcurrency <= perHostMax <= concurrency");
    }
    if (connectTimeout.toMillis() < 1 || requestTimeout.toMillis() < 1)
      throw new IllegalArgumentException("timeouts < 1 ms");
    if (lease.compareTo(connectTimeout.plus(requestTimeout)) <= 0) {
      // A lease shorter than one request would let a second worker send the same job meanwhile.
      throw new IllegalArgumentException("lease must exceed connectTimeout + requestTimeout");
    }
    if (responseBodyLimit < 0) throw new IllegalArgumentException("responseBodyLimit < 0");
  }

  /**
   * Poll every 5 s, 256 in flight (4 per host at first, up to 32 for hosts that answer quickly), 2
   * min lease, 10 s connect, 30 s idle, 4 KiB body.
   */
  public static DeliveryOptions defaults() {
    return new DeliveryOptions(
        Duration.ofSeconds(5),
        256,
        4,
        32,
        Duration.ofMinutes(2),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        4096,
        RetryPolicy.defaults(),
        CircuitBreaker.defaults());
  }

  public DeliveryOptions withPollInterval(Duration d) {
    return new DeliveryOptions(
        d,
        concurrency,
        perHostConcurrency,
        perHostMax,
        lease,
        connectTimeout,
        requestTimeout,
        responseBodyLimit,
        retry,
        breaker);
  }

  /** A fixed limit per host: {@code perHost} at first and at most. */
  public DeliveryOptions withConcurrency(int global, int perHost) {
    return withConcurrency(global, perHost, perHost);
  }

  /** {@code perHostStart} for a new host, adapting up to {@code perHostMax}. */
  public DeliveryOptions withConcurrency(int global, int perHostStart, int perHostMax) {
    return new DeliveryOptions(
        pollInterval,
        global,
        perHostStart,
        perHostMax,
        lease,
        connectTimeout,
        requestTimeout,
        responseBodyLimit,
        retry,
        breaker);
  }

  /** Sets lease and timeouts together, since they constrain each other. */
  public DeliveryOptions withTimeouts(Duration lease, Duration connect, Duration request) {
    return new DeliveryOptions(
        pollInterval,
        concurrency,
        perHostConcurrency,
        perHostMax,
        lease,
        connect,
        request,
        responseBodyLimit,
        retry,
        breaker);
  }

  public DeliveryOptions withRetry(RetryPolicy r) {
    return new DeliveryOptions(
        pollInterval,
        concurrency,
        perHostConcurrency,
        perHostMax,
        lease,
        connectTimeout,
        requestTimeout,
        responseBodyLimit,
        r,
        breaker);
  }

  public DeliveryOptions withBreaker(CircuitBreaker b) {
    return new DeliveryOptions(
        pollInterval,
        concurrency,
        perHostConcurrency,
        perHostMax,
        lease,
        connectTimeout,
        requestTimeout,
        responseBodyLimit,
        retry,
        b);
  }
}
