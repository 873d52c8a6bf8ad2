package org.madani.node.federation.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.madani.node.federation.sig.Rfc9421VectorTest.assertReason;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.madani.node.federation.sig.Verification.Reason;
import org.madani.node.federation.sig.Verification.Verified;

/** draft-cavage-http-signatures-12 Appendix C vectors, and altered copies of them. */
class CavageVectorTest {

  private static final JsonNode KEYS = Vectors.load("cavage/keys.json");

  static Stream<String> vectors() {
    return Vectors.list("cavage").stream();
  }

  private static List<String> headers(JsonNode v) {
    List<String> out = new ArrayList<>();
    v.get("headers").forEach(h -> out.add(h.asText()));
    return out;
  }

  private static Verification verify(HttpRequestView request, JsonNode v) {
    return new CavageVerifier(Vectors.resolver(KEYS), SignaturePolicy.timeOnly(Vectors.clockAt(v)))
        .verify(request);
  }

  private static HttpRequestView signed(JsonNode v) {
    return Vectors.request(v.get("request"))
        .withHeader("Signature", v.get("signatureHeader").asText());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void signingStringMatchesPublished(String file) throws Exception {
    JsonNode v = Vectors.load(file);
    List<String> headers = headers(v);
    String s =
        CavageSignatureHeader.signingString(
            Vectors.request(v.get("request")),
            headers.isEmpty() ? List.of("date") : headers,
            null,
            null);
    assertEquals(v.get("signingString").asText(), s);
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void signingReproducesPublishedHeader(String file) {
    JsonNode v = Vectors.load(file);
    CavageSigner signer = new CavageSigner(Vectors.signingKey(KEYS, "Test"), Vectors.clockAt(v));
    assertEquals(
        v.get("signatureHeader").asText(),
        signer.signatureHeader(Vectors.request(v.get("request")), headers(v)));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void publishedSignatureVerifiesInBothFields(String file) {
    JsonNode v = Vectors.load(file);
    Verified viaSignature = assertInstanceOf(Verified.class, verify(signed(v), v));
    assertEquals("signature", viaSignature.label());
    assertEquals(SignatureAlgorithm.RSA_V1_5_SHA256, viaSignature.algorithm());
    HttpRequestView viaAuth =
        Vectors.request(v.get("request"))
            .withHeader("Authorization", v.get("authorizationHeader").asText());
    assertEquals("authorization", assertInstanceOf(Verified.class, verify(viaAuth, v)).label());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void alteredCopiesFail(String file) {
    JsonNode v = Vectors.load(file);
    HttpRequestView r = signed(v);
    assertReason(
        Reason.BAD_SIGNATURE,
        verify(r.withReplacedHeader("Date", "Sun, 05 Jan 2014 21:31:41 GMT"), v));
    String header = v.get("signatureHeader").asText();
    int at = header.indexOf("signature=\"") + 11;
    byte[] sig = Base64.getDecoder().decode(header.substring(at, header.length() - 1));
    sig[3] ^= 0x40;
    String forged = header.substring(0, at) + Base64.getEncoder().encodeToString(sig) + "\"";
    assertReason(Reason.BAD_SIGNATURE, verify(r.withReplacedHeader("Signature", forged), v));
    assertReason(
        Reason.CLOCK_SKEW,
        verify(r.withReplacedHeader("Date", "Sun, 05 Jan 2014 23:31:40 GMT"), v));
    assertReason(
        Reason.UNKNOWN_KEY,
        verify(
            r.withReplacedHeader("Signature", header.replace("keyId=\"Test\"", "keyId=\"Other\"")),
            v));
  }

  @Test
  void basicTestFailsWhenMethodOrHostChanges() {
    JsonNode v = Vectors.load("cavage/c2-basic.json");
    HttpRequestView r = signed(v);
    assertReason(Reason.BAD_SIGNATURE, verify(r.withMethod("PUT"), v));
    assertReason(Reason.BAD_SIGNATURE, verify(r.withReplacedHeader("Host", "example.org"), v));
  }

  @Test
  void allHeadersTestChecksTheDigestAgainstTheBody() {
    JsonNode v = Vectors.load("cavage/c3-all-headers.json");
    HttpRequestView r = signed(v);
    assertReason(
        Reason.DIGEST_MISMATCH,
        verify(r.withBody("{\"hello\": \"w0rld\"}".getBytes(StandardCharsets.UTF_8)), v));
    assertReason(
        Reason.BAD_SIGNATURE,
        verify(
            r.withReplacedHeader(
                "Digest",
                Digests.digestHeader("{\"hello\": \"w0rld\"}".getBytes(StandardCharsets.UTF_8))),
            v));
  }

  @Test
  void federationPolicyRefusesTheDateOnlySignature() {
    JsonNode v = Vectors.load("cavage/c1-default.json");
    Verification result =
        new CavageVerifier(Vectors.resolver(KEYS), SignaturePolicy.federation(Vectors.clockAt(v)))
            .verify(signed(v));
    assertReason(Reason.MISSING_COMPONENT, result);
  }

  @Test
  void rsaSha256WithAnEd25519KeyIsAnAlgorithmMismatch() {
    JsonNode v = Vectors.load("cavage/c2-basic.json");
    JsonNode ed = Vectors.load("rfc9421/keys.json").get("keys").get("test-key-ed25519");
    KeyResolver resolver =
        keyId ->
            java.util.Optional.of(
                VerificationKey.of(
                    keyId, "owner", Vectors.publicKey(ed), SignatureAlgorithm.ED25519));
    Verification result =
        new CavageVerifier(resolver, SignaturePolicy.timeOnly(Vectors.clockAt(v)))
            .verify(signed(v));
    assertReason(Reason.ALGORITHM_MISMATCH, result);
  }
}
