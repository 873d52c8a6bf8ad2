package org.madani.node.federation.delivery;

import java.time.Duration;
import org.madani.node.model.SignatureScheme;

/** How one delivery attempt ended, before any decision about the job. */
sealed interface Attempt {

  /** The peer accepted the activity (2xx) with this signature scheme. */
  record Delivered(int status, SignatureScheme scheme) implements Attempt {}

  /**
   * The peer answered with a non-2xx status. {@code retryAfter} is null unless given on 429/503;
   * {@code signatureRejected} when the answer says our signature was not accepted.
   */
  record Refused(int status, Duration retryAfter, boolean signatureRejected, String reason)
      implements Attempt {}

  /** No usable answer: connection refused or reset, DNS failure, timeout. */
  record Unreachable(String reason) implements Attempt {}

  /** The {@link TargetGuard} forbids the address: never retried. */
  record Forbidden(String reason) implements Attempt {}

  /** Our side failed before sending (e.g. signing): retried, and the peer's health is untouched. */
  record LocalFailure(String reason) implements Attempt {}
}
