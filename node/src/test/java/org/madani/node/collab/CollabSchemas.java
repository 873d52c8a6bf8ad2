package org.madani.node.collab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The collaboration schemas of protocol-spec/schemas/collab, from the classpath, for checking
 * documents in tests.
 */
final class CollabSchemas {

  static final String BASE = "https://madani.network/schemas/collab/";
  static final List<String> FILES =
      List.of(
          "proof.schema.json",
          "invite.schema.json",
          "answer.schema.json",
          "join.schema.json",
          "participants.schema.json",
          "offer.schema.json",
          "question.schema.json",
          "reply.schema.json",
          "attestation.schema.json",
          "correction.schema.json",
          "revocation.schema.json",
          "dispute.schema.json");

  private final SchemaRepository repository =
      SchemaRepository.create(
          new JsonSchemaOptions()
              .setDraft(Draft.DRAFT202012)
              .setBaseUri(BASE)
              .setOutputFormat(OutputFormat.Basic));

  CollabSchemas() {
    for (String f : FILES) repository.dereference(BASE + f, JsonSchema.of(load(f)));
  }

  /** Fails the test, naming the errors, unless {@code document} is valid against {@code file}. */
  void assertValid(String file, JsonNode document) {
    OutputUnit out =
        repository.validator(BASE + file).validate(new JsonObject(document.toString()));
    assertThat(out.getValid()).as(file + ": " + out.getErrors() + " in " + document).isTrue();
  }

  boolean valid(String file, JsonNode document) {
    return Boolean.TRUE.equals(
        repository.validator(BASE + file).validate(new JsonObject(document.toString())).getValid());
  }

  private static JsonObject load(String file) {
    try (InputStream in =
        CollabSchemas.class.getResourceAsStream("/protocol-spec/schemas/collab/" + file)) {
      if (in == null) throw new IllegalStateException("missing " + file);
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
