package org.madani.node.model;

/** The circuit breaker's state for one host; see {@link CircuitBreaker}. */
public enum BreakerState {
  /** Deliveries flow normally. */
  CLOSED,
  /** Too many consecutive failures: the host's jobs wait and are not attempted. */
  OPEN,
  /** The open period is over: one probe job may go; its outcome closes or re-opens the breaker. */
  HALF_OPEN
}
