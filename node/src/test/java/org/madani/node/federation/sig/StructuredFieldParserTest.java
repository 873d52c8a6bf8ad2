package org.madani.node.federation.sig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.madani.node.federation.sig.StructuredFields.ByteSequence;
import org.madani.node.federation.sig.StructuredFields.InnerList;
import org.madani.node.federation.sig.StructuredFields.Item;
import org.madani.node.federation.sig.StructuredFields.Member;
import org.madani.node.federation.sig.StructuredFields.Token;

class StructuredFieldParserTest {

  @Test
  void parsesSignatureInputWithComponentParameters() {
    String value =
        "sig-b22=(\"@authority\" \"content-digest\" \"@query-param\";name=\"Pet\")"
            + ";created=1618884473;keyid=\"test-key-rsa-pss\";tag=\"header-example\"";
    Map<String, Member> dict = StructuredFieldParser.parseDictionary(value);
    InnerList list = assertInstanceOf(InnerList.class, dict.get("sig-b22"));
    assertEquals(3, list.items().size());
    assertEquals("@query-param", list.items().get(2).value());
    assertEquals("Pet", list.items().get(2).params().get("name").orElseThrow());
    assertEquals(1618884473L, list.params().get("created").orElseThrow());
    assertEquals("header-example", list.params().get("tag").orElseThrow());
    assertEquals(value, StructuredFields.serializeDictionary(dict));
  }

  @Test
  void parsesSeveralSignaturesAndByteSequences() {
    Map<String, Member> dict = StructuredFieldParser.parseDictionary("a=:AQID:,  b=:/w==:;x, c");
    assertArrayEquals(
        new byte[] {1, 2, 3}, ((ByteSequence) ((Item) dict.get("a")).value()).bytes());
    assertEquals(Boolean.TRUE, ((Item) dict.get("b")).params().get("x").orElseThrow());
    assertEquals(Boolean.TRUE, ((Item) dict.get("c")).value());
    assertEquals("a=:AQID:, b=:/w==:;x, c", StructuredFields.serializeDictionary(dict));
  }

  @Test
  void parsesEveryBareItemType() {
    assertEquals(-42L, StructuredFieldParser.parseItem("-42").value());
    assertEquals(new BigDecimal("4.5"), StructuredFieldParser.parseItem("4.5").value());
    assertEquals(
        "say \"hi\" \\o/", StructuredFieldParser.parseItem("\"say \\\"hi\\\" \\\\o/\"").value());
    assertEquals(new Token("text/html"), StructuredFieldParser.parseItem("text/html").value());
    assertEquals(Boolean.FALSE, StructuredFieldParser.parseItem("?0").value());
    assertEquals("\"say \\\"hi\\\"\"", StructuredFields.serialize(Item.of("say \"hi\"")));
  }

  @Test
  void repeatedKeyKeepsLastValue() {
    Map<String, Member> dict = StructuredFieldParser.parseDictionary("a=1, b=2, a=3");
    assertEquals(3L, ((Item) dict.get("a")).value());
    assertEquals("a", dict.keySet().iterator().next());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a=1,",
        "A=1",
        "a=(1 2",
        "a=\"unterminated",
        "a=\"bad\\q\"",
        "a=:not base64!:",
        "a=?2",
        "a=1234567890123456",
        "a=1.2345",
        "a=1 b=2",
        "a=\"tab\there\"",
        "a=(1,2)"
      })
  void rejectsInvalidInput(String value) {
    assertThrows(
        IllegalArgumentException.class, () -> StructuredFieldParser.parseDictionary(value));
  }
}
