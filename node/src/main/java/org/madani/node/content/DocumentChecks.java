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

  /** One error per field (pointer, code, params, message): see {@link FieldErrors}. */
  public List<Map<String, Object>> violations(String schemaFile, JsonNode doc) {
    return FieldErrors.of(schemas.validate(schemaFile, doc));
  }

  /** Every sector and region id must exist in the shared taxonomies. */
  public List<Map<String, Object>> taxonomyViolations(JsonNode doc) {
    List<Map<String, Object>> out = new ArrayList<>();
    int i = 0;
    for (JsonNode s : doc.path("sectors")) {
      if (taxonomies.sector(s.asText()).isEmpty()) {
        out.add(
            FieldErrors.entry(
                "/sectors/" + i,
                "unknownTerm",
                Map.of("term", s.asText()),
                "unknown sector '" + s.asText() + "'"));
      }
      i++;
    }
    i = 0;
    for (JsonNode r : doc.path("regions")) {
      if (taxonomies.region(r.asText()).isEmpty()) {
        out.add(
            FieldErrors.entry(
                "/regions/" + i,
                "unknownTerm",
                Map.of("term", r.asText()),
                "unknown region '" + r.asText() + "'"));
      }
      i++;
    }
    // what a project seeks partners for names terms of the same taxonomies
    i = 0;
    for (JsonNode s : doc.path("seeksPartners").path("sectors")) {
      if (taxonomies.sector(s.asText()).isEmpty()) {
        out.add(
            FieldErrors.entry(
                "/seeksPartners/sectors/" + i,
                "unknownTerm",
                Map.of("term", s.asText()),
                "unknown sector '" + s.asText() + "'"));
      }
      i++;
    }
    i = 0;
    for (JsonNode r : doc.path("seeksPartners").path("regions")) {
      if (taxonomies.region(r.asText()).isEmpty()) {
        out.add(
            FieldErrors.entry(
                "/seeksPartners/regions/" + i,
                "unknownTerm",
                Map.of("term", r.asText()),
                "unknown region '" + r.asText() + "'"));
      }
      i++;
    }
    JsonNode placeRegion = doc.path("place").path("region");
    if (placeRegion.isTextual() && taxonomies.region(placeRegion.asText()).isEmpty()) {
      out.add(
          FieldErrors.entry(
              "/place/region",
              "unknownTerm",
              Map.of("term", placeRegion.asText()),
              "unknown region '" + placeRegion.asText() + "'"));
    }
    return out;
  }
}
