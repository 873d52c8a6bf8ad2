package org.madani.node.federation.actor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code alsoKnownAs} of an actor document, as a moved actor's followers and its old node read
 * it.
 */
public final class ActorAliases {

  private ActorAliases() {}

  /**
   * The actor ids a document lists in {@code alsoKnownAs} (a string or an array); none if
   * unreadable.
   */
  public static List<String> of(ObjectMapper json, String document) {
    List<String> out = new ArrayList<>();
    try {
      JsonNode aka = json.readTree(document).get("alsoKnownAs");
      if (aka == null) return out;
      if (aka.isTextual()) out.add(aka.asText());
      for (JsonNode n : aka) if (n.isTextual()) out.add(n.asText());
    } catch (IOException e) {
      return out;
    }
    return out;
  }
}
