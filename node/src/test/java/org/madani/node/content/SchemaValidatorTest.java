package org.madani.node.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quick check ({@code Flag} output) that every document passes first gives the same verdict as
 * the full one ({@code Basic} output, with error locations), on protocol-spec's valid and invalid
 * examples and on entries broken in the ways a client breaks them.
 */
class SchemaValidatorTest {

  static final SchemaValidator SCHEMAS = ProtocolExamplesTest.SCHEMAS;

  static Stream<Path> examples() throws Exception {
    return Stream.concat(ProtocolExamplesTest.valid(), ProtocolExamplesTest.invalid());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theQuickVerdictIsTheFullOne(Path file) throws IOException {
    JsonNode doc = ProtocolExamplesTest.JSON.readTree(Files.readAllBytes(file));
    String schema = ProtocolExamplesTest.schemaFor(file);
    Object value = SchemaValidator.vertx(doc);
    assertThat(SCHEMAS.valid(schema, value))
        .as(file.getFileName().toString())
        .isEqualTo(SCHEMAS.validInFull(schema, value));
  }

  @Test
  void brokenEntriesAreRefusedByBothWithTheirErrors() throws IOException {
    for (JsonNode broken : brokenEntries()) {
      Object value = SchemaValidator.vertx(broken);
      assertThat(SCHEMAS.valid("entry.schema.json", value)).as(broken.toString()).isFalse();
      assertThat(SCHEMAS.validInFull("entry.schema.json", value)).as(broken.toString()).isFalse();
      assertThat(SCHEMAS.validate("entry.schema.json", broken))
          .as(broken.toString())
          .isNotEmpty()
          .allSatisfy(v -> assertThat(v.keywordLocation()).isNotEmpty());
    }
  }

  private static List<JsonNode> brokenEntries() throws IOException {
    ObjectNode good =
        (ObjectNode)
            ProtocolExamplesTest.JSON.readTree(
                "{\"kind\":\"article\",\"title\":{\"ar\":\"مقالة\",\"en\":\"Article\"}}");
    assertThat(SCHEMAS.validate("entry.schema.json", good)).isEmpty();
    List<JsonNode> out = new ArrayList<>();
    out.add(good.deepCopy().put("unknownField", 1)); // unevaluatedProperties
    out.add(good.deepCopy().put("title", 5)); // type
    ObjectNode noTitle = good.deepCopy();
    noTitle.remove("title");
    out.add(noTitle); // required, behind the kind's if/then
    out.add(good.deepCopy().put("kind", "poem")); // enum
    out.add(good.deepCopy().put("visibility", "everyone"));
    return out;
  }
}
