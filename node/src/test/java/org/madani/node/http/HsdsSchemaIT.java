package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;

/**
 * The HSDS export of the demo node (the example organization and its entries) validates, with no
 * error, against Open Referral's own compiled HSDS 3.0 {@code organization} schema (JSON Schema
 * Draft 7), vendored in src/test/resources/hsds with its licence.
 */
class HsdsSchemaIT {

  @TempDir Path dir;

  @Test
  void demoExportValidatesAgainstTheOfficialHsdsSchema() throws Exception {
    JsonObject schema;
    try (InputStream in = getClass().getResourceAsStream("/hsds/organization.json")) {
      schema = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    Validator validator =
        Validator.create(
            JsonSchema.of(schema),
            new JsonSchemaOptions()
                .setDraft(Draft.DRAFT7)
                .setBaseUri("https://specs.openreferral.org/hsds/3.0/")
                .setOutputFormat(OutputFormat.Basic));
    try (TestNode node = TestNode.start(dir, "sawa", true)) {
      // The export reads the directory, which indexes the demo entries shortly after start.
      JsonNode export =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> {
                    HttpResponse<String> r = node.api("GET", "/api/v1/export/hsds.json", null);
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    return TestNode.json(r);
                  },
                  e -> e.findValues("services").stream().anyMatch(s -> s.size() > 0));
      assertThat(export.path("organizations").size()).isGreaterThan(0);
      List<String> errors = new ArrayList<>();
      int services = 0;
      for (JsonNode org : export.path("organizations")) {
        services += org.path("services").size();
        OutputUnit result = validator.validate(new JsonObject(org.toString()));
        if (!Boolean.TRUE.equals(result.getValid()))
          collect(org.path("name").asText(), result, errors);
      }
      assertThat(services)
          .as("the demo's projects and offers are exported as services")
          .isGreaterThan(0);
      assertThat(errors).isEmpty();
    }
  }

  private static void collect(String where, OutputUnit unit, List<String> out) {
    if (unit.getError() != null)
      out.add(where + " " + unit.getInstanceLocation() + ": " + unit.getError());
    if (unit.getErrors() != null) unit.getErrors().forEach(e -> collect(where, e, out));
  }
}
