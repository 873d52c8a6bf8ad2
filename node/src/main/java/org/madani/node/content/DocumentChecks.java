package org.madani.node.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Schema and taxonomy checks shared by profile and entry changes, as problem-ready error lists. */
public final class DocumentChecks {

  private final SchemaValidator schemas;
  private final Taxonomies taxonomies;

  public DocumentChecks(SchemaValidator schemas, Taxonomies taxonomies) {
    this.schemas = schemas;
    this.taxonomies = taxonomies;
  }

  public List<Map<String, String>> violations(String schemaFile, JsonNode doc) {
    List<Map<String, String>> out = new ArrayList<>();
    for (SchemaValidator.Violation v : schemas.validate(schemaFile, doc)) {
      out.add(Map.of("pointer", v.pointer(), "message", v.message()));
    }
    return out;
  }

  /** Every sector and region id must exist in the shared taxonomies. */
  public List<Map<String, String>> taxonomyViolations(JsonNode doc) {
    List<Map<String, String>> out = new ArrayList<>();
    int i = 0;
    for (JsonNode s : doc.path("sectors")) {
      if (taxonomies.sector(s.asText()).isEmpty()) {
        out.add(Map.of("pointer", "/sectors/" + i, "message", "unknown sector '" + s.asText() + "'"));
      }
      i++;
    }
    i = 0;
    for (JsonNode r : doc.path("regions")) {
      if (taxonomies.region(r.asText()).isEmpty()) {
        out.add(Map.of("pointer", "/regions/" + i, "message", "unknown region '" + r.asText() + "'"));
      }
      i++;
    }
    JsonNode placeRegion = doc.path("place").path("region");
    if (placeRegion.isTextual() && taxonomies.region(placeRegion.asText()).isEmpty()) {
      out.add(Map.of("pointer", "/place/region", "message", "unknown region '" + placeRegion.asText() + "'"));
    }
    return out;
  }
}
