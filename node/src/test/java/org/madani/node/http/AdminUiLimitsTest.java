package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.madani.node.content.ImageSanitizer;

/**
 * The limits the admin UI shows beside its fields (admin-ui/src/js/limits.js) are the schema's:
 * each figure is read from the schema file its comment names, so a schema change cannot leave the
 * UI promising something else.
 */
class AdminUiLimitsTest {

  static JsonNode schema(String file) throws Exception {
    try (InputStream in =
        AdminUiLimitsTest.class.getResourceAsStream("/protocol-spec/schemas/" + file)) {
      return new ObjectMapper().readTree(in);
    }
  }

  static Map<String, Long> limits() throws Exception {
    try (InputStream in = AdminUiLimitsTest.class.getResourceAsStream("/admin-ui/js/limits.js")) {
      String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Map<String, Long> out = new LinkedHashMap<>();
      Matcher m = Pattern.compile("(\\w+): (\\d+),").matcher(js);
      while (m.find()) out.put(m.group(1), Long.parseLong(m.group(2)));
      return out;
    }
  }

  @Test
  void everyLimitIsTheSchemas() throws Exception {
    Map<String, Long> l = limits();
    JsonNode common = schema("common.schema.json").get("$defs");
    JsonNode base = schema("entry-base.schema.json").get("properties");
    JsonNode profile = schema("profile.schema.json");
    assertThat(l.get("shortText"))
        .isEqualTo(common.at("/shortLangMap/additionalProperties/maxLength").asLong());
    assertThat(l.get("longText"))
        .isEqualTo(common.at("/langMap/additionalProperties/maxLength").asLong());
    assertThat(l.get("url")).isEqualTo(common.at("/httpsUrl/maxLength").asLong());
    assertThat(l.get("links")).isEqualTo(common.at("/links/maxItems").asLong());
    assertThat(l.get("tag")).isEqualTo(base.at("/tags/items/maxLength").asLong());
    assertThat(l.get("tags")).isEqualTo(base.at("/tags/maxItems").asLong());
    assertThat(l.get("sectors")).isEqualTo(base.at("/sectors/maxItems").asLong());
    assertThat(l.get("regions")).isEqualTo(base.at("/regions/maxItems").asLong());
    assertThat(l.get("partner"))
        .isEqualTo(
            schema("entry-project.schema.json")
                .at("/properties/partners/items/maxLength")
                .asLong());
    assertThat(l.get("contacts")).isEqualTo(profile.at("/properties/contacts/maxItems").asLong());
    assertThat(l.get("contactValue"))
        .isEqualTo(profile.at("/$defs/contact/properties/value/maxLength").asLong());
    assertThat(l.get("imageBytes")).isEqualTo((long) ImageSanitizer.MAX_BYTES);
    assertThat(l.get("resourceBytes"))
        .isEqualTo((long) org.madani.node.collab.resource.Resources.MAX_BYTES);
    assertThat(l.get("attachments"))
        .isEqualTo(
            schema("entry-article.schema.json").at("/properties/attachments/maxItems").asLong());
  }
}
