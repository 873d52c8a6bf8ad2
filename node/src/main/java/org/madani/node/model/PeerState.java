package org.madani.node.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What we know about one peer host, as stored in {@code peer_host}.
 *
 * @param host lower-case host, with {@code :port} when not the default
 * @param consecutiveFailures failed attempts since the last time the host answered properly
 * @param lastSuccess last delivery the host accepted (2xx), or null
 * @param lastFailure last failed attempt (connection error, timeout, 5xx, 408, 429), or null
 * @param breakerOpenUntil null when closed; in the future while open; in the past when half-open
 * @param signatureScheme the scheme the host last accepted, or null when not known
 */
public record PeerState(
    String host,
    int consecutiveFailures,
    Instant lastSuccess,
    Instant lastFailure,
    Instant breakerOpenUntil,
    SignatureScheme signatureScheme) {

  public PeerState {
    Objects.requireNonNull(host, "host");
    if (consecutiveFailures < 0) throw new IllegalArgumentException("consecutiveFailures < 0");
  }

  /** A host we have not talked to yet. */
  public static PeerState unknown(String host) {
    return new PeerState(host, 0, null, null, null, null);
  }

  public PeerState withSignatureScheme(SignatureScheme scheme) {
    return new PeerState(
        host, consecutiveFailures, lastSuccess, lastFailure, breakerOpenUntil, scheme);
  }
}
