package org.madani.node.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.madani.node.content.Taxonomies;
import org.madani.node.json.StrictUtf8;
import org.madani.node.model.ProblemException;

/**
 * Lone surrogates are refused wherever they are, also when the text an activity was parsed from is
 * given (and tells where escapes may be).
 */
class ReceivedActivityChecksTest {

  static final ObjectMapper JSON = new ObjectMapper();
  final ReceivedActivityChecks checks = new ReceivedActivityChecks(new Taxonomies(JSON));

  static final String CLEAN =
      "{\"@context\":[\"https://www.w3.org/ns/activitystreams\",{\"t\":\"x\"}],\"type\":\"Create\","
          + "\"object\":{\"type\":\"Article\",\"name\":\"مقالة \\\\uD800 \\u00e9 \\uD83D\\uDE00\"}}";

  @Test
  void loneSurrogateEscapesAreRefusedWithOrWithoutTheText() throws Exception {
    assertThatCode(() -> checks.content(JSON.readTree(CLEAN), CLEAN)).doesNotThrowAnyException();
    assertThatCode(() -> checks.content(JSON.readTree(CLEAN))).doesNotThrowAnyException();
    for (String bad :
        new String[] {
          CLEAN.replace("{\"t\":\"x\"}", "{\"t\":\"\\uDC00\"}"),
          CLEAN.replace("\"name\"", "\"n\\ud800ame\""),
          CLEAN.replace("\\uD83D\\uDE00", "\\uDE00\\uD83D")
        }) {
      assertThat(bad).isNotEqualTo(CLEAN);
      JsonNode tree = JSON.readTree(bad);
      assertThatThrownBy(() -> checks.content(tree, bad))
          .as(bad)
          .isInstanceOf(ProblemException.class)
          .hasMessageContaining("surrogate");
      assertThatThrownBy(() -> checks.content(tree)).isInstanceOf(ProblemException.class);
    }
  }

  @Test
  void surrogateEscapesAreFoundInText() {
    assertThat(StrictUtf8.mayEscapeSurrogate("{\"a\":\"\\u0041\\\\\"}")).isFalse();
    assertThat(StrictUtf8.mayEscapeSurrogate("{\"a\":\"\\uDbff\"}")).isTrue();
    assertThat(StrictUtf8.mayEscapeSurrogate("{\"a\":\"\\ud800\"}")).isTrue();
    assertThat(StrictUtf8.mayEscapeSurrogate("{\"a\":\"\\ud7ff\"}")).isFalse();
    assertThat(StrictUtf8.mayEscapeSurrogate("\\ud")).isFalse();
  }
}
