package org.madani.node.federation.sig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/** Loads the http-signatures vectors from the classpath, as packaged by protocol-spec. */
final class Vectors {

  static final String ROOT = "/protocol-spec/vectors/http-signatures/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Vectors() {}

  static JsonNode load(String path) {
    try (InputStream in = Vectors.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IllegalStateException("vector not on classpath: " + ROOT + path);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON files of a vector directory except keys.json, read through the index file list. */
  static List<String> list(String dir) {
    try (InputStream in = Vectors.class.getResourceAsStream(ROOT + dir + "/index.json")) {
      if (in == null) {
        throw new IllegalStateException("no index.json in " + dir);
      }
      List<String> names = new ArrayList<>();
      JSON.readTree(in).get("files").forEach(n -> names.add(dir + "/" + n.asText()));
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, List<String>> headers(JsonNode pairs) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (JsonNode pair : pairs) {
      headers
          .computeIfAbsent(pair.get(0).asText(), k -> new ArrayList<>())
          .add(pair.get(1).asText());
    }
    return headers;
  }

  static HttpMessageView message(JsonNode m) {
    byte[] body = m.path("body").asText("").getBytes(StandardCharsets.UTF_8);
    if ("response".equals(m.path("kind").asText())) {
      return new HttpResponseView(m.get("status").asInt(), headers(m.get("headers")), body);
    }
    return new HttpRequestView(
        m.get("method").asText(),
        URI.create(m.get("targetUri").asText()),
        headers(m.get("headers")),
        body);
  }

  static HttpRequestView request(JsonNode m) {
    return (HttpRequestView) message(m);
  }

  static Clock clockAt(JsonNode vector) {
    return Clock.fixed(Instant.parse(vector.get("now").asText()), ZoneOffset.UTC);
  }

  static SignatureAlgorithm algorithm(JsonNode key) {
    return SignatureAlgorithm.fromWireName(key.get("algorithm").asText()).orElseThrow();
  }

  static Key publicKey(JsonNode key) {
    if (key.has("secretBase64")) {
      return new SecretKeySpec(
          Base64.getDecoder().decode(key.get("secretBase64").asText()), "HmacSHA256");
    }
    return Keys.publicKeyFromPem(key.get("publicKeyPem").asText());
  }

  static Key privateKey(JsonNode key) {
    if (key.has("secretBase64")) {
      return publicKey(key);
    }
    return Keys.privateKeyFromPem(key.get("privateKeyPem").asText());
  }

  /** A resolver over a keys.json {"keys": {id: {...}}}; the owner defaults to the key id. */
  static KeyResolver resolver(JsonNode keysFile) {
    JsonNode keys = keysFile.get("keys");
    return keyId -> {
      JsonNode k = keys.get(keyId);
      if (k == null) {
        return Optional.empty();
      }
      return Optional.of(
          VerificationKey.of(keyId, k.path("ownerId").asText(keyId), publicKey(k), algorithm(k)));
    };
  }

  static SigningKey signingKey(JsonNode keysFile, String keyId) {
    JsonNode k = keysFile.get("keys").get(keyId);
    return new SigningKey(keyId, algorithm(k), privateKey(k));
  }
}
