package org.madani.node.model;

import java.util.Locale;

/** Where a delivery job stands: waiting (possibly leased), delivered, or given up. */
public enum DeliveryState {
  PENDING,
  DONE,
  DEAD;

  public String storedName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DeliveryState fromStored(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
