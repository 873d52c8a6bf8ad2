package org.madani.node.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {

  @ParameterizedTest
  @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"})
  void field_defusesWhatASpreadsheetWouldRunAsAFormula(String text) {
    String out = Csv.field(text);
    String unquoted =
        out.startsWith("\"") ? out.substring(1, out.length() - 1).replace("\"\"", "\"") : out;
    assertThat(unquoted).isEqualTo("'" + text);
  }

  @Test
  void field_leavesNumbersAndPlainTextAlone() {
    assertThat(Csv.field(-3)).isEqualTo("-3");
    assertThat(Csv.field("شبكة سوا")).isEqualTo("شبكة سوا");
    assertThat(Csv.field(null)).isEmpty();
  }

  @Test
  void row_quotesSeparatorsQuotesAndLineBreaks_andEndsInCrlf() {
    assertThat(Csv.row(Arrays.asList("a,b", "say \"hi\"", "two\nlines", null, 7)))
        .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,7\r\n");
    assertThat(Csv.row(List.of("x"))).isEqualTo("x\r\n");
  }
}
