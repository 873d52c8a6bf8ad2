package org.madani.node.federation.delivery;

import java.util.Locale;

/** Where a delivery job stands: waiting (possibly leased), delivered, or given up. */
public enum DeliveryState {
  PENDING,
  DONE,
  DEAD;

  String storedName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static DeliveryState fromStored(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
