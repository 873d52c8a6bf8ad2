package org.madani.node.federation.delivery;

/**
 * What one recorded delivery attempt came to, for counters. Reported only after the outcome's
 * transaction committed; an attempt whose lease was lost meanwhile is not reported.
 */
public enum DeliveryOutcome {
  /** The inbox accepted the activity (2xx). */
  DELIVERED,
  /** The attempt failed and the job is due again later. */
  FAILED,
  /** The job was given up: refused for good, forbidden target, or retries exhausted. */
  DEAD
}
