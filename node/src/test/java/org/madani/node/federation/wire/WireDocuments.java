package org.madani.node.federation.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Which protocol-spec schema covers a document seen on the wire, and its validation. The schema is
 * chosen by where the document was sent (a response) or by its activity type (a POSTed body), never
 * by trying every schema until one passes. Loads every file of protocol-spec/schemas into one
 * repository by its {@code $id}, so cross-file references resolve without any network.
 */
final class WireDocuments {

  static final String BASE = "https://madani.network/schemas/";

  private final SchemaRepository repository;

  WireDocuments(Path schemaDir) throws IOException {
    repository =
        SchemaRepository.create(
            new JsonSchemaOptions()
                .setDraft(Draft.DRAFT202012)
                .setBaseUri(BASE)
                .setOutputFormat(OutputFormat.Basic));
    try (Stream<Path> files = Files.list(schemaDir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".schema.json")).sorted().toList()) {
        repository.dereference(
            BASE + f.getFileName(), JsonSchema.of(new JsonObject(Files.readString(f))));
      }
    }
  }

  static boolean isJson(String mediaType) {
    if (mediaType == null) return false;
    String t = mediaType.toLowerCase(Locale.ROOT);
    return t.contains("json");
  }

  /** The schema of a body POSTed to an inbox: one per activity type; null when none covers it. */
  String forRequest(String uri, JsonNode doc) {
    if (!path(uri).endsWith("/inbox")) return null;
    return activity(doc);
  }

  private static String activity(JsonNode doc) {
    String type = doc.path("type").asText("");
    return type.matches("[A-Z][A-Za-z]{1,30}")
        ? "activity-" + type.toLowerCase(Locale.ROOT) + ".schema.json"
        : null;
  }

  /** The schema of a response, by the path it answers; problem documents by their media type. */
  String forResponse(String uri, String mediaType, JsonNode doc) {
    if (mediaType != null
        && mediaType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
      return "problem.schema.json";
    }
    String path = path(uri);
    String query = uri.contains("?") ? uri.substring(uri.indexOf('?') + 1) : "";
    if (path.matches("/orgs/[^/]+")) return "actor.schema.json";
    if (path.matches("/orgs/[^/]+/entries/[^/]+")) return "object.schema.json";
    if (path.matches("/orgs/[^/]+/outbox")) {
      return query.isEmpty()
          ? "ordered-collection.schema.json"
          : "ordered-collection-page.schema.json";
    }
    if (path.matches("/orgs/[^/]+/(followers|following)")) return "collection.schema.json";
    if (path.matches("/orgs/[^/]+/log") || path.equals("/mirror/log")) {
      return path.equals("/mirror/log") ? "mirror-page.schema.json" : "log-page.schema.json";
    }
    if (path.matches("/orgs/[^/]+/activities/[^/]+")) return activity(doc);
    if (path.matches("/feeds/.+\\.json")) return "json-feed.schema.json";
    return switch (path) {
      case "/mirror" -> "mirror-index.schema.json";
      case "/discovery/peers.json" -> "peers.schema.json";
      case "/.well-known/webfinger" -> "webfinger.schema.json";
      case "/.well-known/nodeinfo" -> "nodeinfo-links.schema.json";
      case "/nodeinfo/2.1" -> "nodeinfo.schema.json";
      case "/trust/lists/blocks.json", "/trust/lists/allows.json" -> "trust-list.schema.json";
      case "/reports.json" -> "report.schema.json";
      default -> null;
    };
  }

  /** The violations of {@code doc} against {@code schema}; empty when valid. */
  List<String> validate(String schema, JsonNode doc) {
    List<String> out = new ArrayList<>();
    try {
      Object value = doc.isArray() ? new JsonArray(doc.toString()) : new JsonObject(doc.toString());
      OutputUnit result = repository.validator(BASE + schema).validate(value);
      if (!Boolean.TRUE.equals(result.getValid())) collect(result, out);
      if (out.isEmpty() && !Boolean.TRUE.equals(result.getValid())) out.add("invalid");
    } catch (RuntimeException e) {
      out.add("cannot validate: " + e.getMessage());
    }
    return out;
  }

  private static void collect(OutputUnit unit, List<String> out) {
    if (unit.getError() != null) {
      out.add(
          unit.getInstanceLocation() + " (" + unit.getKeywordLocation() + "): " + unit.getError());
    }
    if (unit.getErrors() != null) unit.getErrors().forEach(e -> collect(e, out));
  }

  private static String path(String uri) {
    int q = uri.indexOf('?');
    return q < 0 ? uri : uri.substring(0, q);
  }
}
