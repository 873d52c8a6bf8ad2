package org.madani.node.federation.fetch;

import java.util.Objects;

/**
 * A remote fetch (or an address check) that failed in a named way. Futures returned by {@link
 * AddressGuard} and {@link GuardedFetcher} fail with this type only.
 *
 * <p>The message is safe to log and to show: it names the reason and, at most, the URL the caller
 * asked for. It never carries resolved IP addresses or response bodies.
 *
 * <p>Immutable; no stack trace is captured, because these are expected outcomes, not bugs.
 */
public final class FetchException extends RuntimeException {

  /** Why a fetch failed. */
  public enum Reason {
    /** Not http(s), or plain http outside development mode. */
    BAD_SCHEME,
    /** The host is, or resolves to, an address we must not talk to; or it is an odd IP literal. */
    FORBIDDEN_ADDRESS,
    /** The host name did not resolve (may be temporary). */
    UNRESOLVABLE,
    /** The TCP or TLS connection failed or was reset (may be temporary). */
    CONNECTION_FAILED,
    /** Connect timeout or overall deadline passed. */
    TIMEOUT,
    /** The server answered with a status we do not accept; see {@link #status()}. */
    HTTP_STATUS,
    /** More redirects than allowed. */
    TOO_MANY_REDIRECTS,
    /** The body is larger than the cap (announced or streamed). */
    TOO_LARGE,
    /** The JSON exceeds nesting depth or value length limits. */
    TOO_DEEP,
    /** The response is not declared as JSON. */
    NOT_JSON,
    /** The URL is a JSON-LD context we hold locally; contexts are never fetched. */
    KNOWN_CONTEXT,
    /**
     * The node's trust settings refuse the host (blocked, or not on the allowlist); nothing was
     * sent.
     */
    REFUSED_BY_POLICY,
    /** Unusable URL or redirect target, or a body that is not one well-formed JSON object. */
    MALFORMED
  }

  private final Reason reason;
  private final int status;

  private FetchException(Reason reason, int status, String message, Throwable cause) {
    super(message, cause, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.status = status;
  }

  public static FetchException of(Reason reason, String message) {
    return new FetchException(reason, 0, message, null);
  }

  public static FetchException of(Reason reason, String message, Throwable cause) {
    return new FetchException(reason, 0, message, cause);
  }

  public static FetchException httpStatus(int status, String message) {
    return new FetchException(Reason.HTTP_STATUS, status, message, null);
  }

  public Reason reason() {
    return reason;
  }

  /** The HTTP status for {@link Reason#HTTP_STATUS}; 0 otherwise. */
  public int status() {
    return status;
  }

  /**
   * Whether trying again later may succeed: network trouble, timeouts, 408, 429 and 5xx. A refused
   * address, a bad document or a 4xx will fail the same way again.
   */
  public boolean retryable() {
    return switch (reason) {
      case UNRESOLVABLE, CONNECTION_FAILED, TIMEOUT -> true;
      case HTTP_STATUS -> status == 408 || status == 429 || status >= 500;
      default -> false;
    };
  }
}
