package org.madani.node.account;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an admin browser session lives: it ends after {@code idle} without requests, and at the
 * latest {@code absolute} after login, whatever the activity (a stolen cookie stops working).
 */
public record SessionPolicy(Duration idle, Duration absolute) {

  public SessionPolicy {
    Objects.requireNonNull(idle, "idle");
    Objects.requireNonNull(absolute, "absolute");
    if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
      throw new IllegalArgumentException("need 0 < idle <= absolute");
    }
  }

  public static SessionPolicy defaults() {
    return new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12));
  }
}
