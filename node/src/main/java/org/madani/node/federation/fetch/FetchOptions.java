package org.madani.node.federation.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and headers for one {@link GuardedFetcher#getJson} call. Immutable; start from {@link
 * #defaults()} or {@link #webFinger()} and change with the {@code with*} methods.
 *
 * @param accept the {@code Accept} header
 * @param maxBytes largest body accepted, counted while streaming
 * @param connectTimeout TCP (and TLS) connect limit per hop
 * @param timeout deadline for the whole fetch: resolution, all hops, and the body
 * @param maxRedirects redirects followed before giving up (each re-checked by the guard)
 * @param signer signs each hop for authorized fetch; {@link GetSigner#NONE} by default
 */
public record FetchOptions(
    String accept,
    long maxBytes,
    Duration connectTimeout,
    Duration timeout,
    int maxRedirects,
    GetSigner signer) {

  public static final String ACTIVITY_JSON =
      "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
  public static final String JRD_JSON = "application/jrd+json, application/json";
  public static final long DEFAULT_MAX_BYTES = 1024 * 1024;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_REDIRECTS = 3;

  public FetchOptions {
    Objects.requireNonNull(accept, "accept");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(signer, "signer");
    if (accept.isBlank() || accept.indexOf('\r') >= 0 || accept.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("bad Accept header");
    }
    if (maxBytes < 1) throw new IllegalArgumentException("maxBytes " + maxBytes);
    if (connectTimeout.toMillis() < 1)
      throw new IllegalArgumentException("connectTimeout " + connectTimeout);
    if (timeout.toMillis() < 1) throw new IllegalArgumentException("timeout " + timeout);
    if (maxRedirects < 0 || maxRedirects > 10)
      throw new IllegalArgumentException("maxRedirects " + maxRedirects);
  }

  /** ActivityPub objects: actors, keys, activities, collections. */
  public static FetchOptions defaults() {
    return new FetchOptions(
        ACTIVITY_JSON,
        DEFAULT_MAX_BYTES,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_TIMEOUT,
        DEFAULT_MAX_REDIRECTS,
        GetSigner.NONE);
  }

  /** WebFinger (RFC 7033) answers, which are JRD rather than ActivityStreams. */
  public static FetchOptions webFinger() {
    return defaults().withAccept(JRD_JSON);
  }

  public FetchOptions withAccept(String value) {
    return new FetchOptions(value, maxBytes, connectTimeout, timeout, maxRedirects, signer);
  }

  public FetchOptions withMaxBytes(long value) {
    return new FetchOptions(accept, value, connectTimeout, timeout, maxRedirects, signer);
  }

  public FetchOptions withTimeouts(Duration connect, Duration overall) {
    return new FetchOptions(accept, maxBytes, connect, overall, maxRedirects, signer);
  }

  public FetchOptions withMaxRedirects(int value) {
    return new FetchOptions(accept, maxBytes, connectTimeout, timeout, value, signer);
  }

  public FetchOptions withSigner(GetSigner value) {
    return new FetchOptions(accept, maxBytes, connectTimeout, timeout, maxRedirects, value);
  }
}
