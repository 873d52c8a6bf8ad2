package org.madani.node.federation.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
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

  /**
   * The tree is written in canonical form directly; the reference implementation (which parses
   * text) must agree byte for byte, on the vectors and on generated documents with every kind of
   * escape, non-BMP characters, Arabic and numbers of every magnitude.
   */
  @Test
  void directFormIsTheReferenceForm() throws Exception {
    for (String file : ProofVectors.list("jcs")) {
      JsonNode v = ProofVectors.load(file);
      if (!v.has("input")) continue;
      JsonNode parsed = ProofVectors.JSON.readTree(v.get("input").asText());
      assertEquals(Jcs.referenceString(parsed), Jcs.canonicalString(parsed), file);
    }
    java.util.Random random = new java.util.Random(8785);
    for (int i = 0; i < 2000; i++) {
      JsonNode doc = randomNode(random, 0);
      assertEquals(Jcs.referenceString(doc), Jcs.canonicalString(doc), doc.toString());
    }
  }

  private static JsonNode randomNode(java.util.Random r, int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    int kind = depth > 3 ? 2 + r.nextInt(5) : r.nextInt(7);
    switch (kind) {
      case 0 -> {
        ObjectNode o = f.objectNode();
        for (int i = r.nextInt(6); i > 0; i--) o.set(randomText(r), randomNode(r, depth + 1));
        return o;
      }
      case 1 -> {
        var a = f.arrayNode();
        for (int i = r.nextInt(5); i > 0; i--) a.add(randomNode(r, depth + 1));
        return a;
      }
      case 2 -> {
        return f.textNode(randomText(r));
      }
      case 3 -> {
        return switch (r.nextInt(4)) {
          case 0 -> f.numberNode(r.nextLong());
          case 1 -> f.numberNode(r.nextInt(2000) - 1000);
          case 2 -> f.numberNode(r.nextDouble() * Math.pow(10, r.nextInt(60) - 30));
          default -> f.numberNode(Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL));
        };
      }
      case 4 -> {
        return f.booleanNode(r.nextBoolean());
      }
      case 5 -> {
        return f.nullNode();
      }
      default -> {
        return f.numberNode(
            new java.math.BigDecimal(r.nextInt(100000)).movePointLeft(r.nextInt(8)));
      }
    }
  }

  private static String randomText(java.util.Random r) {
    String[] pieces = {
      "a",
      "Z",
      "ب",
      "مدني",
      "\"",
      "\\",
      "/",
      "\n",
      "\t",
      "\b",
      "\f",
      "\r",
      "\u0000",
      "\u001f",
      "\u007f",
      "\u2028",
      "\u200f",
      "€",
      "\uD83D\uDE00",
      "\uFB33",
      " ",
      "é"
    };
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(6); i > 0; i--) b.append(pieces[r.nextInt(pieces.length)]);
    return b.toString();
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

  @Test
  void aContextSharedByTwoDocumentsIsCanonicalizedAsEachAlone() throws Exception {
    JsonNode context =
        ProofVectors.JSON.readTree(
            "[\"https://www.w3.org/ns/activitystreams\",{\"z\":\"ز\",\"a\":{\"@id\":\"x:a\"}}]");
    ObjectNode config =
        JsonNodeFactory.instance.objectNode().put("type", "DataIntegrityProof").put("!", 1);
    config.set("@context", context);
    ObjectNode document = JsonNodeFactory.instance.objectNode().put("name", "\"مقالة\"\n");
    document.set("@context", context);
    ObjectNode other = JsonNodeFactory.instance.objectNode().put("id", "x:1");
    other.set("@context", context.deepCopy());
    ObjectNode bare = JsonNodeFactory.instance.objectNode().put("id", "x:2");

    byte[][] together = Jcs.canonicalizeSharingContext(config, document, other, bare);

    assertEquals(Jcs.canonicalString(config), new String(together[0], StandardCharsets.UTF_8));
    assertEquals(Jcs.canonicalString(document), new String(together[1], StandardCharsets.UTF_8));
    assertEquals(Jcs.canonicalString(other), new String(together[2], StandardCharsets.UTF_8));
    assertEquals(Jcs.canonicalString(bare), new String(together[3], StandardCharsets.UTF_8));
    assertEquals(Jcs.referenceString(config), Jcs.canonicalString(config));
  }
}
