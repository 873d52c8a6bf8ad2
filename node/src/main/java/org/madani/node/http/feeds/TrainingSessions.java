package org.madani.node.http.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madani.node.model.DirectoryEntry;

/**
 * A training as calendar items: one per session (its own start, end, place and online link), each
 * with a UID of its own ({@code <entry>#session-<n>}) so calendars keep them apart and update each
 * in place. Stateless.
 */
public final class TrainingSessions {

  private TrainingSessions() {}

  public static List<DirectoryEntry> expand(DirectoryEntry training, JsonNode document) {
    String zone = document.path("timeZone").asText(null);
    try {
      if (zone != null) ZoneId.of(zone);
    } catch (DateTimeException e) {
      zone = null;
    }
    List<DirectoryEntry> out = new ArrayList<>();
    int n = 0;
    for (JsonNode s : document.path("sessions")) {
      n++;
      Instant start = instant(s.get("startTime"));
      if (start == null) continue;
      String online = s.path("onlineUrl").isTextual() ? s.get("onlineUrl").asText() : null;
      var schedule =
          new DirectoryEntry.Schedule(
              start, instant(s.get("endTime")), zone, place(s.path("place")), online);
      DirectoryEntry t = training;
      out.add(
          new DirectoryEntry(
              t.id() + "#session-" + n,
              t.kind(),
              t.audience(),
              t.title(),
              t.summary(),
              t.content(),
              t.keywords(),
              t.orgId(),
              t.orgName(),
              t.sectors(),
              t.regions(),
              t.languages(),
              start,
              t.updated(),
              t.viewers(),
              t.local(),
              t.provenance(),
              schedule));
    }
    return out;
  }

  private static Map<String, String> place(JsonNode p) {
    Set<String> langs = new LinkedHashSet<>();
    p.path("name").fieldNames().forEachRemaining(langs::add);
    p.path("address").fieldNames().forEachRemaining(langs::add);
    Map<String, String> out = new LinkedHashMap<>();
    for (String l : langs) {
      String name = p.path("name").path(l).asText("");
      String address = p.path("address").path(l).asText("");
      out.put(l, name.isEmpty() || address.isEmpty() ? name + address : name + ", " + address);
    }
    return out;
  }

  private static Instant instant(JsonNode n) {
    if (n == null || !n.isTextual()) return null;
    try {
      return OffsetDateTime.parse(n.asText()).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }
}
