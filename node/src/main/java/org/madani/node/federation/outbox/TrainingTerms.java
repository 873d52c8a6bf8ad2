package org.madani.node.federation.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.madani.node.federation.actor.Localized;

/**
 * The wire terms of a training (protocol-spec/data-model.md §6.3): its sessions as ActivityStreams
 * schedules ({@code startTime}, {@code endTime}, a {@code location} Place and/or {@code
 * onlineUrl}), the first start and last end on the object itself (so software that knows only
 * {@code Event} shows when it begins), and capacity and registration mode also under the terms
 * Mobilizon reads ({@code maximumAttendeeCapacity}, {@code joinMode}). Stateless.
 */
final class TrainingTerms {

  private TrainingTerms() {}

  static void add(ObjectMapper json, JsonNode d, Map<String, JsonNode> terms) {
    ArrayNode sessions = json.createArrayNode();
    String first = null;
    String last = null;
    java.time.Instant firstAt = null;
    java.time.Instant lastAt = null;
    for (JsonNode s : d.path("sessions")) {
      ObjectNode w = sessions.addObject();
      w.put("startTime", s.path("startTime").asText());
      w.put("endTime", s.path("endTime").asText());
      if (s.has("place")) w.set("location", place(json, s.get("place")));
      if (s.hasNonNull("onlineUrl")) w.put("onlineUrl", s.get("onlineUrl").asText());
      java.time.Instant start = instant(s.path("startTime").asText());
      java.time.Instant end = instant(s.path("endTime").asText());
      if (start != null && (firstAt == null || start.isBefore(firstAt))) {
        firstAt = start;
        first = s.path("startTime").asText();
      }
      if (end != null && (lastAt == null || end.isAfter(lastAt))) {
        lastAt = end;
        last = s.path("endTime").asText();
      }
    }
    terms.put("sessions", sessions);
    if (first != null) terms.put("startTime", json.getNodeFactory().textNode(first));
    if (last != null) terms.put("endTime", json.getNodeFactory().textNode(last));
    if (d.has("capacity")) terms.put("maximumAttendeeCapacity", d.get("capacity").deepCopy());
    terms.put(
        "joinMode",
        json.getNodeFactory()
            .textNode(
                switch (d.path("registration").asText("open")) {
                  case "approval" -> "restricted";
                  case "invite" -> "invite";
                  default -> "free";
                }));
  }

  private static ObjectNode place(ObjectMapper json, JsonNode p) {
    ObjectNode o = json.createObjectNode().put("type", "Place");
    putText(o, "name", p.get("name"));
    putText(o, "address", p.get("address"));
    if (p.has("region")) o.set("region", p.get("region").deepCopy());
    if (p.has("latitude")) o.set("latitude", p.get("latitude").deepCopy());
    if (p.has("longitude")) o.set("longitude", p.get("longitude").deepCopy());
    return o;
  }

  private static void putText(ObjectNode o, String term, JsonNode langMap) {
    if (langMap == null) return;
    String plain = Localized.plain(langMap);
    if (plain != null) o.put(term, plain);
    JsonNode map = Localized.map(langMap);
    if (map != null) o.set(term + "Map", map);
  }

  private static java.time.Instant instant(String s) {
    try {
      return java.time.OffsetDateTime.parse(s).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
