package org.madani.node.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Who may see an entry. PUBLIC: anyone. NETWORK: followers and trusted nodes only. PRIVATE: only
 * the named recipients.
 */
public enum Visibility {
  PUBLIC,
  NETWORK,
  PRIVATE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Visibility> fromWire(String s) {
    if (s == null) return Optional.empty();
    for (Visibility v : values()) {
      if (v.wireName().equals(s)) return Optional.of(v);
    }
    return Optional.empty();
  }
}
