package org.madani.node.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.madani.node.model.ProblemException;

class StrictUtf8Test {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "7b2261223a22c0af227d", // overlong '/'
        "7b2261223a22eda080227d", // encoded surrogate U+D800
        "7b2261223a22e282227d", // sequence cut short
        "7b2261223a22efbfbd80227d", // a real U+FFFD, then a stray continuation byte
        "7b2261223a22f4908080227d" // beyond U+10FFFF
      })
  void malformedUtf8IsRefusedNotRepaired(String hex) {
    byte[] body = HexFormat.of().parseHex(hex);
    assertThatThrownBy(() -> StrictUtf8.decode(body))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.problem().status()).isEqualTo(400));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":\"plain\"}", "{\"a\":\"ا\uFFFD€😀\"}"})
  void wellFormedTextComesBackAsSent(String text) {
    assertThat(StrictUtf8.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
  }

  @org.junit.jupiter.api.Test
  void nulIsRefused() {
    assertThatThrownBy(() -> StrictUtf8.decode("{\"a\":\"\0\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ProblemException.class);
  }
}
