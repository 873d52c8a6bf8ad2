package org.madani.node.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates documents against the JSON Schemas of protocol-spec, read from the classpath ({@code
 * /protocol-spec/schemas/}). No schema is ever fetched over the network: every file is dereferenced
 * into one repository by its {@code $id} before use.
 *
 * <p>Thread-safety: validators are created once and used from any thread.
 */
public final class SchemaValidator {

  public static final String BASE = "https://madani.network/schemas/";

  /** Every schema file of protocol-spec/schemas, so that cross-file $refs resolve locally. */
  static final List<String> FILES =
      List.of(
          "common.schema.json",
          "profile.schema.json",
          "entry.schema.json",
          "entry-base.schema.json",
          "entry-event.schema.json",
          "entry-project.schema.json",
          "entry-campaign.schema.json",
          "entry-report.schema.json",
          "entry-article.schema.json",
          "entry-offer.schema.json",
          "entry-need.schema.json",
          "entry-training.schema.json");

  /**
   * One validation failure: where in the document, and what. {@code keywordLocation} and {@code
   * absoluteKeywordLocation} say which schema keyword failed (empty when unknown); {@link
   * FieldErrors} turns them into machine codes a user interface can word in its own language.
   */
  public record Violation(
      String pointer, String message, String keywordLocation, String absoluteKeywordLocation) {
    public Violation(String pointer, String message) {
      this(pointer, message, "", "");
    }
  }

  private final SchemaRepository repository;
  private final Map<String, Validator> validators = new ConcurrentHashMap<>();

  /**
   * The same schemas with the {@code Flag} output: valid or not, stopping at the first failure and
   * building no error locations (which cost a URL per keyword visited with {@code Basic}). Every
   * document is checked with these first; only a refused one is checked again for its errors.
   */
  private final Map<String, Validator> quick = new ConcurrentHashMap<>();

  private final JsonSchemaOptions quickOptions;

  /**
   * @param json unused: kept so every caller builds it the same way
   */
  public SchemaValidator(ObjectMapper json) {
    JsonSchemaOptions options =
        new JsonSchemaOptions()
            .setDraft(Draft.DRAFT202012)
            .setBaseUri(BASE)
            .setOutputFormat(OutputFormat.Basic);
    this.repository = SchemaRepository.create(options);
    this.quickOptions =
        new JsonSchemaOptions()
            .setDraft(Draft.DRAFT202012)
            .setBaseUri(BASE)
            .setOutputFormat(OutputFormat.Flag);
    for (String file : FILES) {
      repository.dereference(BASE + file, JsonSchema.of(load(file)));
    }
  }

  /** Returns the violations of {@code document} against schema {@code file}; empty when valid. */
  public List<Violation> validate(String file, JsonNode document) {
    Object value = vertx(document);
    if (valid(file, value)) return List.of();
    Validator v = validators.computeIfAbsent(file, f -> repository.validator(BASE + f));
    OutputUnit result = v.validate(value);
    if (Boolean.TRUE.equals(result.getValid())) {
      return List.of();
    }
    List<Violation> out = new ArrayList<>();
    collect(result, out);
    if (out.isEmpty()) {
      out.add(new Violation("", "does not match " + file));
    }
    return out;
  }

  /** The quick verdict alone (see {@link #quick}). */
  boolean valid(String file, Object vertxValue) {
    Validator v = quick.computeIfAbsent(file, f -> repository.validator(BASE + f, quickOptions));
    return Boolean.TRUE.equals(v.validate(vertxValue).getValid());
  }

  /** The full verdict alone, with every error located. */
  boolean validInFull(String file, Object vertxValue) {
    Validator v = validators.computeIfAbsent(file, f -> repository.validator(BASE + f));
    return Boolean.TRUE.equals(v.validate(vertxValue).getValid());
  }

  private static void collect(OutputUnit unit, List<Violation> out) {
    if (unit.getError() != null) {
      String loc = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation();
      if (loc.startsWith("#")) loc = loc.substring(1);
      out.add(
          new Violation(
              loc,
              unit.getError(),
              nullToEmpty(unit.getKeywordLocation()),
              nullToEmpty(unit.getAbsoluteKeywordLocation())));
    }
    if (unit.getErrors() != null) {
      for (OutputUnit e : unit.getErrors()) collect(e, out);
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /**
   * The Jackson tree as the Vert.x values the validator reads, walked once (was: written out and
   * read back as maps by {@code convertValue}, a third of an import's validation).
   */
  static Object vertx(JsonNode n) {
    return switch (n.getNodeType()) {
      case OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>(Math.max(4, n.size() * 2));
        for (Map.Entry<String, JsonNode> kv : n.properties())
          m.put(kv.getKey(), vertx(kv.getValue()));
        yield new JsonObject(m);
      }
      case ARRAY -> {
        List<Object> l = new ArrayList<>(n.size());
        for (JsonNode e : n) l.add(vertx(e));
        yield new JsonArray(l);
      }
      case STRING -> n.textValue();
      case NUMBER -> n.numberValue();
      case BOOLEAN -> n.booleanValue();
      case BINARY, POJO -> n.asText();
      case NULL, MISSING -> null;
    };
  }

  private static JsonObject load(String file) {
    String path = "/protocol-spec/schemas/" + file;
    try (InputStream in = SchemaValidator.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("schema missing from classpath: " + path);
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
