package org.madani.node.federation.sig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.madani.node.federation.sig.StructuredFields.InnerList;
import org.madani.node.federation.sig.StructuredFields.Item;
import org.madani.node.federation.sig.Verification.Reason;
import org.madani.node.federation.sig.Verification.Rejected;
import org.madani.node.federation.sig.Verification.Verified;

/** RFC 9421 Appendix B vectors: base, verification, deterministic signing, and altered copies. */
class Rfc9421VectorTest {

  private static final JsonNode KEYS = Vectors.load("rfc9421/keys.json");

  static Stream<String> vectors() {
    return Vectors.list("rfc9421").stream();
  }

  /** Vectors whose signature covers at least one header field (B.2.1 covers none). */
  static Stream<String> vectorsCoveringAHeader() {
    return vectors()
        .filter(
            f ->
                signatureParams(Vectors.load(f)).items().stream()
                    .anyMatch(i -> !((String) i.value()).startsWith("@")));
  }

  /** Vectors whose signature covers the request method. */
  static Stream<String> vectorsCoveringMethod() {
    return vectors()
        .filter(f -> Vectors.load(f).get("signatureInput").asText().contains("\"@method\""));
  }

  private static HttpMessageView signed(JsonNode v) {
    HttpMessageView m = Vectors.message(v.get("message"));
    String input = v.get("signatureInput").asText();
    String sig = v.get("signature").asText();
    return switch (m) {
      case HttpRequestView r -> r.withHeader("Signature-Input", input).withHeader("Signature", sig);
      case HttpResponseView r ->
          r.withHeader("Signature-Input", input).withHeader("Signature", sig);
    };
  }

  private static Verification verify(HttpMessageView message, Clock clock) {
    Rfc9421Verifier verifier =
        new Rfc9421Verifier(Vectors.resolver(KEYS), SignaturePolicy.timeOnly(clock));
    return switch (message) {
      case HttpRequestView r -> verifier.verify(r);
      case HttpResponseView r -> verifier.verify(r);
    };
  }

  private static InnerList signatureParams(JsonNode v) {
    return (InnerList)
        StructuredFieldParser.parseDictionary(v.get("signatureInput").asText())
            .get(v.get("label").asText());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void signatureBaseMatchesPublished(String file) throws Exception {
    JsonNode v = Vectors.load(file);
    String base = SignatureBase.build(Vectors.message(v.get("message")), signatureParams(v));
    assertEquals(v.get("signatureBase").asText(), base);
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void publishedSignatureVerifies(String file) {
    JsonNode v = Vectors.load(file);
    Verification result = verify(signed(v), Vectors.clockAt(v));
    Verified ok = assertInstanceOf(Verified.class, result, () -> result.toString());
    assertEquals(v.get("keyId").asText(), ok.keyId());
    assertEquals(v.get("algorithm").asText(), ok.algorithm().wireName());
    assertEquals(v.get("label").asText(), ok.label());
    assertEquals(Instant.ofEpochSecond(1618884473), ok.createdAt());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void signingReproducesInputAndDeterministicSignatures(String file) {
    JsonNode v = Vectors.load(file);
    InnerList params = signatureParams(v);
    List<String> components = new ArrayList<>();
    for (Item item : params.items()) {
      components.add(
          item.params().isEmpty() ? (String) item.value() : StructuredFields.serialize(item));
    }
    Map<String, Object> p = params.params().values();
    SignatureParameters sp =
        new SignatureParameters(
            v.get("label").asText(),
            components,
            Instant.ofEpochSecond((Long) p.get("created")),
            null,
            (String) p.get("nonce"),
            (String) p.get("tag"),
            false);
    SigningKey key = Vectors.signingKey(KEYS, v.get("keyId").asText());
    HttpMessageView message = Vectors.message(v.get("message"));
    SignatureHeaders headers = new Rfc9421Signer(key, Vectors.clockAt(v)).sign(message, sp);

    assertEquals(v.get("signatureInput").asText(), headers.signatureInput());
    assertEquals(v.get("signatureBase").asText(), headers.signatureBase());
    if (v.get("deterministic").asBoolean()) {
      assertEquals(v.get("signature").asText(), headers.signature());
    } else {
      // Randomized: our signature differs but must verify.
      HttpMessageView ours =
          switch (message) {
            case HttpRequestView r -> headers.applyTo(r);
            case HttpResponseView r -> headers.applyTo(r);
          };
      assertInstanceOf(Verified.class, verify(ours, Vectors.clockAt(v)));
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void oneFlippedSignatureByteIsRejected(String file) {
    JsonNode v = Vectors.load(file);
    String label = v.get("label").asText();
    String sig = v.get("signature").asText();
    byte[] bytes = Base64.getDecoder().decode(sig.substring(label.length() + 2, sig.length() - 1));
    bytes[bytes.length / 2] ^= 0x01;
    String forged = label + "=:" + Base64.getEncoder().encodeToString(bytes) + ":";
    HttpMessageView m = Vectors.message(v.get("message"));
    HttpMessageView altered =
        switch (m) {
          case HttpRequestView r ->
              r.withHeader("Signature-Input", v.get("signatureInput").asText())
                  .withHeader("Signature", forged);
          case HttpResponseView r ->
              r.withHeader("Signature-Input", v.get("signatureInput").asText())
                  .withHeader("Signature", forged);
        };
    assertReason(Reason.BAD_SIGNATURE, verify(altered, Vectors.clockAt(v)));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void changedCreatedIsRejected(String file) {
    JsonNode v = Vectors.load(file);
    HttpMessageView m = signed(v);
    String input =
        v.get("signatureInput").asText().replace("created=1618884473", "created=1618884474");
    HttpMessageView altered = replace(m, "signature-input", input);
    assertReason(Reason.BAD_SIGNATURE, verify(altered, Vectors.clockAt(v)));
    // Far outside the window the time check rejects it before any cryptography.
    String stale =
        v.get("signatureInput").asText().replace("created=1618884473", "created=1600000000");
    assertReason(
        Reason.CLOCK_SKEW, verify(replace(m, "signature-input", stale), Vectors.clockAt(v)));
  }

  @ParameterizedTest
  @MethodSource("vectorsCoveringAHeader")
  void changedCoveredHeaderIsRejected(String file) {
    JsonNode v = Vectors.load(file);
    InnerList params = signatureParams(v);
    String field =
        params.items().stream()
            .map(i -> (String) i.value())
            .filter(n -> !n.startsWith("@"))
            .findFirst()
            .orElse(null);
    HttpMessageView m = signed(v);
    String value = m.header(field).orElseThrow();
    String changed = field.equals("date") ? value.replace("02:07:55", "02:07:54") : value + "x";
    assertReason(Reason.BAD_SIGNATURE, verify(replace(m, field, changed), Vectors.clockAt(v)));
  }

  @ParameterizedTest
  @MethodSource("vectorsCoveringMethod")
  void changedMethodIsRejected(String file) {
    JsonNode v = Vectors.load(file);
    HttpRequestView r = (HttpRequestView) signed(v);
    assertReason(Reason.BAD_SIGNATURE, verify(r.withMethod("PUT"), Vectors.clockAt(v)));
  }

  @Test
  void changedBodyUnderCoveredDigestIsRejected() {
    JsonNode v = Vectors.load("rfc9421/b2_3-full-rsa-pss.json");
    HttpRequestView r = (HttpRequestView) signed(v);
    assertInstanceOf(Verified.class, verify(r, Vectors.clockAt(v)));
    assertReason(
        Reason.DIGEST_MISMATCH,
        verify(
            r.withBody("{\"hello\": \"werld\"}".getBytes(StandardCharsets.UTF_8)),
            Vectors.clockAt(v)));
    // Changing the digest field instead breaks the signature itself.
    String otherDigest =
        Digests.contentDigestHeader(
            "{\"hello\": \"werld\"}".getBytes(StandardCharsets.UTF_8), "sha-512");
    assertReason(
        Reason.BAD_SIGNATURE,
        verify(r.withReplacedHeader("Content-Digest", otherDigest), Vectors.clockAt(v)));
  }

  @Test
  void algorithmParameterMustAgreeWithKey() {
    JsonNode v = Vectors.load("rfc9421/b2_6-ed25519.json");
    HttpMessageView m = signed(v);
    String input = v.get("signatureInput").asText() + ";alg=\"rsa-v1_5-sha256\"";
    assertReason(
        Reason.ALGORITHM_MISMATCH,
        verify(replace(m, "signature-input", input), Vectors.clockAt(v)));
  }

  @Test
  void unknownKeyIsRejected() {
    JsonNode v = Vectors.load("rfc9421/b2_6-ed25519.json");
    String input = v.get("signatureInput").asText().replace("test-key-ed25519", "test-key-nobody");
    assertReason(
        Reason.UNKNOWN_KEY,
        verify(replace(signed(v), "signature-input", input), Vectors.clockAt(v)));
  }

  @Test
  void anyOneValidSignatureSuffices() {
    JsonNode bad = Vectors.load("rfc9421/b2_5-hmac-sha256.json");
    JsonNode good = Vectors.load("rfc9421/b2_6-ed25519.json");
    HttpRequestView r = (HttpRequestView) Vectors.message(good.get("message"));
    String badSig = bad.get("signature").asText().replace("pxcQ", "pxcR");
    r =
        r.withHeader(
                "Signature-Input",
                bad.get("signatureInput").asText() + ", " + good.get("signatureInput").asText())
            .withHeader("Signature", badSig + ", " + good.get("signature").asText());
    Verified ok = assertInstanceOf(Verified.class, verify(r, Vectors.clockAt(good)));
    assertEquals("sig-b26", ok.label());
  }

  @Test
  void missingSignatureIsNamed() {
    JsonNode v = Vectors.load("rfc9421/b2_6-ed25519.json");
    assertReason(
        Reason.MISSING_SIGNATURE, verify(Vectors.message(v.get("message")), Vectors.clockAt(v)));
  }

  @Test
  void rsaPkcs1KeyOfB11MatchesItsPublicKey() {
    Key pub =
        Keys.publicKeyFromPem(KEYS.get("keys").get("test-key-rsa").get("publicKeyPem").asText());
    SigningKey key = Vectors.signingKey(KEYS, "test-key-rsa");
    byte[] data = "B.1.1".getBytes(StandardCharsets.UTF_8);
    assertEquals(true, SignatureAlgorithm.RSA_V1_5_SHA256.verify(pub, data, key.sign(data)));
    assertArrayEquals(key.sign(data), key.sign(data), "rsa-v1_5 is deterministic");
  }

  static void assertReason(Reason expected, Verification actual) {
    Rejected r =
        assertInstanceOf(
            Rejected.class, actual, () -> "expected " + expected + " but was " + actual);
    assertEquals(expected, r.reason(), r.detail());
  }

  private static HttpMessageView replace(HttpMessageView m, String name, String value) {
    Map<String, List<String>> headers = new LinkedHashMap<>(m.headers());
    headers.put(name, List.of(value));
    return switch (m) {
      case HttpRequestView r -> new HttpRequestView(r.method(), r.targetUri(), headers, r.body());
      case HttpResponseView r -> new HttpResponseView(r.status(), headers, r.body());
    };
  }

  static Clock fixed(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }
}
