package org.madani.node.spaces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.madani.node.spaces.SpaceCrypto.PostContext;
import org.madani.node.spaces.SpaceCrypto.Sealed;

/**
 * A post on the wire (spaces.md §5): the {@code SpacePost} activity's object. Everything a
 * non-member sees of a post is here: ids, epoch, author, and bytes it cannot open.
 */
public record SpaceEnvelope(
    String postId,
    String spaceId,
    int epoch,
    String author,
    byte[] nonce,
    byte[] ciphertext,
    String signatureKey,
    byte[] signature) {

  public static final String TYPE = "SpaceMessage";

  /**
   * Largest ciphertext accepted: 150 KiB of sealed JSON (text and small files) plus the tag; fits
   * the 256 KiB inbox.
   */
  public static final int MAX_CIPHERTEXT = 150 * 1024 + 16;

  public PostContext context() {
    return new PostContext(spaceId, epoch, author, postId);
  }

  public Sealed sealed() {
    return new Sealed(nonce, ciphertext);
  }

  public ObjectNode toJson(ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    o.put("id", postId);
    o.put("type", TYPE);
    o.put("space", spaceId);
    o.put("epoch", epoch);
    o.put("attributedTo", author);
    o.put("nonce", SpaceKeys.encode(nonce));
    o.put("ciphertext", SpaceKeys.encode(ciphertext));
    o.put("signatureKey", signatureKey);
    o.put("signature", SpaceKeys.encode(signature));
    return o;
  }

  /** Parses a received envelope; empty when a field is missing, mistyped or out of bounds. */
  public static Optional<SpaceEnvelope> parse(JsonNode o) {
    if (o == null || !o.isObject() || !TYPE.equals(o.path("type").asText()))
      return Optional.empty();
    for (String f :
        new String[] {
          "id", "space", "attributedTo", "nonce", "ciphertext", "signatureKey", "signature"
        }) {
      if (!o.path(f).isTextual() || o.path(f).asText().isEmpty()) return Optional.empty();
    }
    if (!o.path("epoch").canConvertToInt() || o.path("epoch").asInt() < 1) return Optional.empty();
    if (o.path("ciphertext").asText().length() > MAX_CIPHERTEXT * 4 / 3 + 4)
      return Optional.empty();
    try {
      SpaceEnvelope e =
          new SpaceEnvelope(
              o.path("id").asText(),
              o.path("space").asText(),
              o.path("epoch").asInt(),
              o.path("attributedTo").asText(),
              SpaceKeys.decode(o.path("nonce").asText()),
              SpaceKeys.decode(o.path("ciphertext").asText()),
              o.path("signatureKey").asText(),
              SpaceKeys.decode(o.path("signature").asText()));
      if (e.nonce().length != SpaceCrypto.NONCE_BYTES
          || e.signature().length != 64
          || e.ciphertext().length > MAX_CIPHERTEXT) {
        return Optional.empty();
      }
      return Optional.of(e);
    } catch (IllegalArgumentException bad) {
      return Optional.empty();
    }
  }
}
