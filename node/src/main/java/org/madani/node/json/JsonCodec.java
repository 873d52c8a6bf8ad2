package org.madani.node.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.madani.node.model.Problem;

/**
 * Parses untrusted JSON with hard bounds: nesting depth, string and number lengths, and duplicate
 * keys rejected (a duplicate key lets two parsers see two different documents, which a signature or
 * schema check would then not cover).
 */
public final class JsonCodec {

  private final ObjectMapper mapper;

  public JsonCodec(int maxDepth) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(maxDepth)
                    .maxStringLength(1_000_000)
                    .maxNumberLength(64)
                    .maxNameLength(1_000)
                    .build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.mapper =
        JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** Parses a request body that must be one JSON object, or throws a 400 problem. */
  public ObjectNode parseObject(byte[] body) {
    if (body == null || body.length == 0) {
      throw Problem.badRequest("The request body is empty; a JSON object is expected.");
    }
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (StreamConstraintsException e) {
      throw Problem.of(
              400,
              "json-limits",
              "JSON exceeds limits",
              "The JSON document is nested too deeply or has an over-long value.")
          .exception();
    } catch (IOException e) {
      throw Problem.of(
              400,
              "malformed-json",
              "Malformed JSON",
              "The request body is not well-formed JSON: " + safeMessage(e))
          .exception();
    }
    if (node == null || !node.isObject()) {
      throw Problem.badRequest("A JSON object is expected.");
    }
    return (ObjectNode) node;
  }

  public byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String safeMessage(IOException e) {
    // Jackson's original message names the location but never echoes more than a short token.
    String m =
        e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
            ? jpe.getOriginalMessage()
            : "unreadable";
    if (m == null) return "unreadable";
    return m.length() > 200 ? m.substring(0, 200) : m;
  }
}
