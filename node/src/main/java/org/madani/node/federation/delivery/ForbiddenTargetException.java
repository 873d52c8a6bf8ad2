package org.madani.node.federation.delivery;

/** Thrown (as a failed future) by a {@link TargetGuard} for an address we must never contact. */
public final class ForbiddenTargetException extends RuntimeException {

  /**
   * @param reason safe to store and show to admins, e.g. "private address"; no IP addresses
   */
  public ForbiddenTargetException(String reason) {
    super(reason, null, false, false);
  }
}
