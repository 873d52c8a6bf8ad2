package org.madani.node.collab.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.Organization;
import org.madani.node.store.EntryRepository;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.RemoteObjectRepository;

/**
 * Reads what a project seeks partners for (entry-project {@code seeksPartners}, collab.md §4) from
 * the project's document: this node's own entry, or the object received from its origin. A received
 * document is bounded as it is read (at most 20 sectors, 50 regions and 20 skills of 100
 * characters), as the origin's schema says. Stateless; runs inside the caller's transaction.
 */
final class SeekingProjects {

  static final int MAX_SKILL = 100;

  private final ObjectMapper json;
  private final OrganizationRepository orgs;
  private final EntryRepository entries;
  private final RemoteObjectRepository objects;

  SeekingProjects(
      ObjectMapper json,
      OrganizationRepository orgs,
      EntryRepository entries,
      RemoteObjectRepository objects) {
    this.json = json;
    this.orgs = orgs;
    this.entries = entries;
    this.objects = objects;
  }

  /** The projects among {@code projects} that seek partners, with what they seek. */
  List<MatchRanker.Seeking> seeking(Connection c, List<DirectoryEntry> projects)
      throws SQLException {
    List<MatchRanker.Seeking> out = new ArrayList<>();
    for (DirectoryEntry p : projects) {
      JsonNode spec = document(c, p).map(d -> d.get("seeksPartners")).orElse(null);
      if (spec == null || !spec.isObject() || spec.isEmpty()) continue;
      out.add(
          new MatchRanker.Seeking(
              p,
              strings(spec.get("sectors"), 20),
              strings(spec.get("regions"), 50),
              strings(spec.get("skills"), 20)));
    }
    return out;
  }

  private Optional<JsonNode> document(Connection c, DirectoryEntry p) throws SQLException {
    if (p.local()) {
      // own entries' ids are their public URLs: {base}/orgs/{handle}/entries/{id}
      String[] parts = URI.create(p.id()).getPath().split("/");
      if (parts.length < 5 || !"orgs".equals(parts[1]) || !"entries".equals(parts[3])) {
        return Optional.empty();
      }
      Optional<Organization> org = orgs.findByHandle(c, parts[2]);
      if (org.isEmpty()) return Optional.empty();
      return entries.find(c, org.get().id(), parts[4]).map(e -> (JsonNode) e.document());
    }
    var row = objects.find(c, p.id());
    if (row.isEmpty() || row.get().document() == null) return Optional.empty();
    try {
      return Optional.of(json.readTree(row.get().document()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static List<String> strings(JsonNode list, int max) {
    List<String> out = new ArrayList<>();
    if (list == null || !list.isArray()) return out;
    for (JsonNode v : list) {
      if (out.size() >= max) break;
      String s = v.isTextual() ? v.asText().strip() : "";
      if (!s.isEmpty() && s.length() <= MAX_SKILL && !out.contains(s)) out.add(s);
    }
    return out;
  }
}
