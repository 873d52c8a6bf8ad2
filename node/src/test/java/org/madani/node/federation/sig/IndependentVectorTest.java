package org.madani.node.federation.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vectors made outside the node: protocol-spec/tools/madani_vectors.py signs them with Python's
 * {@code cryptography} and its own JCS, from the specifications alone (files under
 * protocol-spec/vectors/independent). Each verifies here, with the node's own verifiers, to the
 * outcome the file states: the valid ones verify, the tampered ones fail for the stated reason.
 */
class IndependentVectorTest {

  private static final String ROOT = "/protocol-spec/vectors/independent/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode KEYS = load("keys.json");

  static Stream<String> objectProofs() {
    return files("object-proofs/");
  }

  static Stream<String> httpSignatures() {
    return files("http-signatures/");
  }

  @ParameterizedTest
  @MethodSource("objectProofs")
  void objectProofOutcomeIsAsStated(String file) {
    JsonNode v = load(file);
    ActivityVerification result =
        ObjectProofs.verifyWithEmbedded(
            (ObjectNode) v.get("document"), ProofVectors.keys(KEYS), ProofVectors.statuses(KEYS));
    assertProof(v.get("expected"), result.activity(), file);
    if (v.has("expectedObject")) {
      assertProof(v.get("expectedObject"), result.object().orElseThrow(), file + " (object)");
    } else {
      assertTrue(result.object().isEmpty(), file);
    }
  }

  @ParameterizedTest
  @MethodSource("httpSignatures")
  void httpSignatureOutcomeIsAsStated(String file) {
    JsonNode v = load(file);
    JsonNode p = v.get("policy");
    SignaturePolicy defaults = SignaturePolicy.federation(Vectors.clockAt(v));
    SignaturePolicy policy =
        new SignaturePolicy(
            defaults.requiredAlways(),
            defaults.requiredWithBody(),
            Duration.ofSeconds(p.get("maxClockSkewSeconds").asLong()),
            Duration.ofSeconds(p.get("maxAgeSeconds").asLong()),
            Vectors.clockAt(v));
    Verification result =
        new Rfc9421Verifier(Vectors.resolver(KEYS), policy)
            .verify(Vectors.request(v.get("request")));
    JsonNode expected = v.get("expected");
    if (expected.isTextual()) {
      assertEquals("valid", expected.asText());
      Verification.Verified ok =
          assertInstanceOf(Verification.Verified.class, result, result::toString);
      assertEquals(KEYS.at("/keys").get(ok.keyId()).get("ownerId").asText(), ok.ownerId());
    } else {
      Rfc9421VectorTest.assertReason(
          Verification.Reason.valueOf(expected.get("rejected").asText()), result);
    }
  }

  private static void assertProof(JsonNode expected, ProofVerification result, String what) {
    if (expected.isTextual()) {
      assertEquals("valid", expected.asText());
      ProofVerification.Verified ok =
          assertInstanceOf(ProofVerification.Verified.class, result, () -> what + ": " + result);
      assertEquals(KEYS.get("keys").get(ok.keyId()).get("ownerId").asText(), ok.ownerId(), what);
    } else {
      ProofVerification.Rejected no =
          assertInstanceOf(ProofVerification.Rejected.class, result, () -> what + ": " + result);
      assertEquals(
          expected.get("rejected").asText(), no.reason().name(), () -> what + ": " + no.detail());
    }
  }

  private static Stream<String> files(String prefix) {
    List<String> out = new ArrayList<>();
    load("index.json")
        .get("files")
        .forEach(
            f -> {
              if (f.asText().startsWith(prefix)) out.add(f.asText());
            });
    assertTrue(out.size() >= 2, "index.json lists the " + prefix + " cases");
    return out.stream();
  }

  private static JsonNode load(String path) {
    try (InputStream in = IndependentVectorTest.class.getResourceAsStream(ROOT + path)) {
      if (in == null) throw new IllegalStateException("vector not on classpath: " + ROOT + path);
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
