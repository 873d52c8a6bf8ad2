package org.madani.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.Organization;
import org.madani.node.model.Urls;

/**
 * The HSDS 3.0 shape of the directory export ({@code /api/v1/export/hsds.json}; export.md), apart
 * from the routes that authorize and page through the directory ({@link ExportRoutes}).
 */
final class HsdsDocument {

  private final JsonCodec json;
  private final Urls urls;
  private final org.madani.node.content.Taxonomies taxonomies;

  /**
   * @param taxonomies names and describes the sector and region terms (may be null: ids only)
   */
  HsdsDocument(JsonCodec json, Urls urls, org.madani.node.content.Taxonomies taxonomies) {
    this.json = json;
    this.urls = urls;
    this.taxonomies = taxonomies;
  }

  /**
   * HSDS 3.x: one {@code organization} per organization with its {@code services} (project and
   * offer entries: what it provides), {@code phones}, {@code locations} (public address contacts)
   * and {@code attributes} (sectors). Identifiers are UUIDs derived from Madani ids (name-based, so
   * the same thing keeps its id across exports); the Madani id is kept in {@code uri}/{@code url}.
   */
  ObjectNode hsds(List<Organization> hosted, List<DirectoryEntry> entries, String scope) {
    ObjectNode out = json.mapper().createObjectNode();
    out.put("hsds_version", "3.0");
    out.put("source", urls.root());
    out.put("scope", scope);
    Map<String, ObjectNode> orgs = new LinkedHashMap<>();
    for (Organization o : hosted) {
      String id = urls.organization(o.handle());
      JsonNode p = o.profile();
      ObjectNode n = organization(id, ExportRoutes.langMap(p.path("name")));
      String description =
          p.path("summary").path("en").asText(p.path("summary").path("ar").asText(""));
      n.put("description", description);
      if (!ExportRoutes.website(p).isEmpty()) n.put("website", ExportRoutes.website(p));
      if (!ExportRoutes.contact(p, "email").isEmpty())
        n.put("email", ExportRoutes.contact(p, "email"));
      if (p.has("foundingYear")) n.put("year_incorporated", p.get("foundingYear").asInt());
      if (p.has("legalForm")) n.put("legal_status", p.get("legalForm").asText());
      if (p.path("logo").has("url")) n.put("logo", p.path("logo").path("url").asText());
      for (JsonNode c : p.path("contacts")) {
        // Hidden contacts never leave the node (data-model.md §5).
        if (!"public".equals(c.path("visibility").asText())) continue;
        String value = c.path("value").asText();
        if ("phone".equals(c.path("kind").asText())) {
          ((ArrayNode) n.get("phones"))
              .addObject()
              .put("id", uuid("phone " + id + " " + value))
              .put("organization_id", n.get("id").asText())
              .put("number", value);
        } else if ("address".equals(c.path("kind").asText())) {
          ObjectNode loc = ((ArrayNode) n.get("locations")).addObject();
          loc.put("id", uuid("location " + id + " " + value));
          loc.put("location_type", "physical");
          loc.put("organization_id", n.get("id").asText());
          loc.put("description", value);
        }
      }
      for (JsonNode s : p.path("sectors")) attribute(n, "sector", s.asText());
      orgs.put(id, n);
    }
    for (DirectoryEntry e : entries) {
      ObjectNode org =
          orgs.computeIfAbsent(
              e.orgId(),
              id -> {
                ObjectNode n = organization(id, e.orgName());
                n.put("description", "");
                return n;
              });
      if (!e.kind().equals("project") && !e.kind().equals("offer")) continue;
      ObjectNode s = ((ArrayNode) org.get("services")).addObject();
      s.put("id", uuid("service " + e.id()));
      s.put("organization_id", org.get("id").asText());
      s.put("name", e.title().getOrDefault("ar", e.title().getOrDefault("en", e.id())));
      if (e.title().containsKey("ar") && e.title().containsKey("en"))
        s.put("alternate_name", e.title().get("en"));
      s.put("description", e.summary().getOrDefault("ar", e.summary().getOrDefault("en", "")));
      if (e.id().startsWith("http")) s.put("url", e.id());
      s.put("status", "active");
      s.put("last_modified", e.updated().toString());
      ArrayNode langs = s.putArray("languages");
      for (String l : e.languages())
        langs.addObject().put("id", uuid("language " + e.id() + " " + l)).put("code", l);
      for (String sector : e.sectors()) attribute(s, "sector", sector);
    }
    ArrayNode list = out.putArray("organizations");
    orgs.values().forEach(list::add);
    return out;
  }

  private ObjectNode organization(String id, Map<String, String> name) {
    ObjectNode n = json.mapper().createObjectNode();
    n.put("id", uuid("organization " + id));
    n.put("name", name.getOrDefault("ar", name.getOrDefault("en", id)));
    if (name.containsKey("ar") && name.containsKey("en")) n.put("alternate_name", name.get("en"));
    n.put("uri", id);
    n.putArray("phones");
    n.putArray("locations");
    n.putArray("services");
    n.putArray("attributes");
    return n;
  }

  private void attribute(ObjectNode owner, String taxonomy, String term) {
    ArrayNode list =
        owner.has("attributes")
            ? (ArrayNode) owner.get("attributes")
            : owner.putArray("attributes");
    ObjectNode a = list.addObject();
    a.put("id", uuid("attribute " + owner.get("id").asText() + " " + term));
    a.put("link_id", owner.get("id").asText());
    a.put("taxonomy_term_id", uuid("term " + taxonomy + " " + term));
    a.put("value", term);
    // HSDS 3.0 requires a description on every taxonomy term: the term's label in both languages.
    var known =
        taxonomies == null
            ? java.util.Optional.<org.madani.node.content.Taxonomies.Term>empty()
            : "sector".equals(taxonomy) ? taxonomies.sector(term) : taxonomies.region(term);
    String name = known.map(t -> t.label("en")).orElse(term);
    String description = known.map(t -> t.label("ar") + " — " + t.label("en")).orElse(term);
    a.putObject("taxonomy_term")
        .put("id", uuid("term " + taxonomy + " " + term))
        .put("code", term)
        .put("name", name)
        .put("description", description)
        .put("taxonomy", "https://madani.network/taxonomies/" + taxonomy + "s");
  }

  static String uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
