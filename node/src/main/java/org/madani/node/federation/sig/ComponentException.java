package org.madani.node.federation.sig;

/** A covered component that cannot be produced from the message; carries the rejection reason. */
final class ComponentException extends Exception {

  private final Verification.Reason reason;

  ComponentException(Verification.Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  Verification.Reason reason() {
    return reason;
  }
}
