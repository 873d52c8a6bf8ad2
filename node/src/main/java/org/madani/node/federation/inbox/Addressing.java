package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.madani.node.federation.ActivityStreams;

/** Who an activity or object is addressed to. Pure functions over the received JSON. */
final class Addressing {

  private Addressing() {}

  /** All addressees of an activity or object (to, cc, bto, bcc, audience). */
  static List<String> addressees(JsonNode... nodes) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : nodes) {
      if (n == null) continue;
      for (String field : List.of("to", "cc", "bto", "bcc", "audience")) {
        JsonNode v = n.get(field);
        if (v == null) continue;
        if (v.isTextual()) out.add(v.asText());
        else
          v.forEach(
              x -> {
                String id = InboxService.idOf(x);
                if (id != null) out.add(id);
              });
      }
    }
    return out;
  }

  static boolean isPublic(List<String> addressees) {
    return addressees.stream().anyMatch(ActivityStreams.PUBLIC_ALIASES::contains);
  }
}
