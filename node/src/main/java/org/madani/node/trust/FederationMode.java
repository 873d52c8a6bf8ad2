package org.madani.node.trust;

import java.util.Locale;

/** open: everyone but the blocked. allowlist: only nodes listed as allowed or trusted. */
public enum FederationMode {
  OPEN,
  ALLOWLIST;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FederationMode parse(String s) {
    if (s == null) throw new IllegalArgumentException("no mode");
    return FederationMode.valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
