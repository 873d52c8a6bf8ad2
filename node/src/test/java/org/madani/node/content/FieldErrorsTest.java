package org.madani.node.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each schema failure becomes one error on its field, with a code and params a UI can word. */
class FieldErrorsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final SchemaValidator SCHEMAS = new SchemaValidator(JSON);

  static List<Map<String, Object>> errors(String file, String doc) throws Exception {
    return FieldErrors.of(SCHEMAS.validate(file, JSON.readTree(doc)));
  }

  @Test
  void emptyTitle_andHugeTitle_getDifferentCodes() throws Exception {
    String base = "{\"kind\":\"article\",\"title\":{\"ar\":\"%s\"}}";
    assertThat(errors("entry.schema.json", base.formatted("")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e).containsEntry("pointer", "/title/ar").containsEntry("code", "empty");
            });
    assertThat(errors("entry.schema.json", base.formatted("x".repeat(100_000))))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e).containsEntry("pointer", "/title/ar").containsEntry("code", "tooLong");
              assertThat(e.get("params")).isEqualTo(Map.of("actual", 100_000L, "limit", 300L));
            });
  }

  @Test
  void eventWithoutPlaceOrLink_namesBothFields_andValidFieldsAreNotReportedUnknown()
      throws Exception {
    var errs =
        errors(
            "entry.schema.json",
            "{\"kind\":\"event\",\"title\":{\"ar\":\"\"},\"startTime\":\"2027-01-01T10:00:00Z\",\"timeZone\":\"UTC\"}");
    assertThat(errs)
        .extracting(e -> e.get("pointer") + " " + e.get("code"))
        .containsExactlyInAnyOrder("/title/ar empty", "/place requiredOneOf");
    assertThat(errs)
        .filteredOn(e -> e.get("code").equals("requiredOneOf"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.get("params"))
                    .isEqualTo(Map.of("fields", List.of("place", "onlineUrl"))));
  }

  @Test
  void missingRequired_badFormat_badChoice_duplicate_unknownField() throws Exception {
    assertThat(errors("entry.schema.json", "{\"kind\":\"report\",\"title\":{\"en\":\"x\"}}"))
        .extracting(e -> e.get("pointer") + " " + e.get("code"))
        .containsExactly("/period required");
    var errs =
        errors(
            "entry.schema.json",
            "{\"kind\":\"need\",\"title\":{},\"category\":\"zzz\",\"tags\":[\"a\",\"a\"],"
                + "\"links\":[{\"url\":\"ftp://x\"}]}");
    assertThat(errs)
        .extracting(e -> e.get("pointer") + " " + e.get("code"))
        .containsExactlyInAnyOrder(
            "/title empty", "/category choice", "/tags duplicate", "/links/0/url format");
    assertThat(errs)
        .filteredOn(e -> e.get("code").equals("format"))
        .singleElement()
        .satisfies(e -> assertThat(e.get("params")).isEqualTo(Map.of("kind", "httpsUrl")));
    assertThat(
            errors(
                "entry.schema.json",
                "{\"kind\":\"need\",\"title\":{\"en\":\"x\"},\"category\":\"other\",\"foo\":1}"))
        .extracting(e -> e.get("pointer") + " " + e.get("code"))
        .containsExactly("/foo unknownField");
    assertThat(
            errors(
                "profile.schema.json", "{\"name\":{\"en\":\"x\"},\"foo\":1,\"foundingYear\":1800}"))
        .extracting(e -> e.get("pointer") + " " + e.get("code"))
        .containsExactlyInAnyOrder("/foo unknownField", "/foundingYear tooSmall");
  }
}
