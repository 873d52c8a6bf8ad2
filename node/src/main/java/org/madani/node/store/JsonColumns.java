package org.madani.node.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON documents stored as text columns: written as given, read back as objects. */
final class JsonColumns {

  private final ObjectMapper json;

  JsonColumns(ObjectMapper json) {
    this.json = json;
  }

  String write(ObjectNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A stored document; one that is not a JSON object means the database was changed by hand. */
  ObjectNode read(String s, String what) {
    try {
      return (ObjectNode) json.readTree(s);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("stored " + what + " is not a JSON object", e);
    }
  }
}
