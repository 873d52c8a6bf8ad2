package org.madani.node.collab.invite;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the id of a JSON-LD reference, given as a string or as an object with an {@code id}. */
final class Ids {
  private Ids() {}

  static String of(JsonNode n) {
    if (n == null) return null;
    if (n.isTextual()) return n.asText();
    if (n.isObject() && n.path("id").isTextual()) return n.get("id").asText();
    return null;
  }
}
