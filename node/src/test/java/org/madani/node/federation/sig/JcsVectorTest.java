package org.madani.node.federation.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 8785 examples and our Arabic case, from protocol-spec/vectors/object-proofs/jcs. */
class JcsVectorTest {

  static Stream<String> textCases() {
    return ProofVectors.list("jcs").stream().filter(f -> ProofVectors.load(f).has("input"));
  }

  @ParameterizedTest
  @MethodSource("textCases")
  void canonicalFormIsAsPublished(String file) throws Exception {
    JsonNode v = ProofVectors.load(file);
    JsonNode parsed = ProofVectors.JSON.readTree(v.get("input").asText());
    assertEquals(v.get("canonical").asText(), Jcs.canonicalString(parsed), file);
    if (v.has("canonicalUtf8Hex")) {
      assertEquals(
          v.get("canonicalUtf8Hex").asText(), ProofVectors.hex(Jcs.canonicalize(parsed)), file);
    }
  }

  @Test
  void appendixBNumbers() {
    JsonNode v = ProofVectors.load("jcs/rfc8785-appendix-b-numbers.json");
    assertEquals(24, v.get("numbers").size());
    for (JsonNode n : v.get("numbers")) {
      double d = Double.longBitsToDouble(Long.parseUnsignedLong(n.get("ieee754").asText(), 16));
      assertEquals(
          n.get("canonical").asText(),
          Jcs.canonicalString(DoubleNode.valueOf(d)),
          n.get("ieee754").asText());
      // Inside a document too, where the number is not the whole text.
      ObjectNode doc = JsonNodeFactory.instance.objectNode();
      doc.put("n", d);
      assertEquals("{\"n\":" + n.get("canonical").asText() + "}", Jcs.canonicalString(doc));
    }
    for (JsonNode n : v.get("rejected")) {
      double d = Double.longBitsToDouble(Long.parseUnsignedLong(n.get("ieee754").asText(), 16));
      assertThrows(
          IllegalArgumentException.class, () -> Jcs.canonicalString(DoubleNode.valueOf(d)));
    }
  }

  @Test
  void loneSurrogateIsRefused() {
    ObjectNode doc = JsonNodeFactory.instance.objectNode().put("s", "a\uD800b");
    assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(doc));
    ObjectNode key = JsonNodeFactory.instance.objectNode().put("\uDC00", "x");
    assertThrows(IllegalArgumentException.class, () -> Jcs.canonicalize(key));
  }

  @Test
  void propertyOrderAndWhitespaceDoNotMatter() throws Exception {
    JsonNode a = ProofVectors.JSON.readTree("{ \"b\" : [1, {\"y\":1,\"x\":2}], \"a\": \"ب\" }");
    JsonNode b = ProofVectors.JSON.readTree("{\"a\":\"\\u0628\",\"b\":[1.0,{\"x\":2,\"y\":1}]}");
    assertEquals(Jcs.canonicalString(a), Jcs.canonicalString(b));
    assertEquals("{\"a\":\"ب\",\"b\":[1,{\"x\":2,\"y\":1}]}", Jcs.canonicalString(a));
  }
}
