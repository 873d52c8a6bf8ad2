package org.madani.node.trust;

import java.util.Locale;

/**
 * How this node stands towards a remote node or organization. Stored levels are BLOCKED, LIMITED
 * (organizations only), ALLOWED and TRUSTED; no row means UNKNOWN. FOLLOWED is never stored: it is
 * derived from the follow table when an organization of ours follows the actor.
 */
public enum TrustLevel {
  BLOCKED,
  LIMITED,
  UNKNOWN,
  FOLLOWED,
  ALLOWED,
  TRUSTED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; throws IllegalArgumentException for anything else. */
  public static TrustLevel parse(String s) {
    if (s == null) throw new IllegalArgumentException("no level");
    return TrustLevel.valueOf(s.trim().toUpperCase(Locale.ROOT));
  }

  /** Whether an admin may set this level on a node ({@code unknown} removes the row). */
  public boolean settableOnNode() {
    return this == BLOCKED || this == ALLOWED || this == TRUSTED || this == UNKNOWN;
  }

  /** Whether an admin may set this level on an organization. */
  public boolean settableOnActor() {
    return this != FOLLOWED;
  }
}
