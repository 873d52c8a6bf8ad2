package org.madani.node.model;

import java.util.Locale;
import java.util.Optional;

/** The kinds of entry an organization publishes (protocol-spec/data-model.md). */
public enum EntryKind {
  EVENT,
  PROJECT,
  CAMPAIGN,
  REPORT,
  ARTICLE,
  OFFER,
  NEED,
  /** A course held in sessions, with capacity and registration (issue 16). */
  TRAINING;

  /** The lower-case name used on the wire and in schemas. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<EntryKind> fromWire(String s) {
    if (s == null) return Optional.empty();
    for (EntryKind k : values()) {
      if (k.wireName().equals(s)) return Optional.of(k);
    }
    return Optional.empty();
  }
}
