package org.madani.node.federation.inbox;

/**
 * Decides, after a request's signature has been verified, whether its sender may be heard now (its
 * rate allowance). Asked with the verified key owner, never with the key id a request merely
 * claims: a forged request naming another peer's key must not spend that peer's allowance.
 * Implementations answer from memory and do not block (called on event loops).
 */
@FunctionalInterface
public interface SenderGate {

  /** Whether an activity verified as sent by {@code actor} is accepted now. */
  boolean admit(String actor);

  /** Admits everyone (CLI paths and tests without limits). */
  SenderGate OPEN = actor -> true;
}
