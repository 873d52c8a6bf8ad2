package org.madani.node.federation.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.madani.node.federation.sig.ProofVerification.Rejected;
import org.madani.node.federation.sig.ProofVerification.Verified;

/** Our signed Madani objects: each file names its expected outcome. */
class ObjectProofVectorTest {

  private static final JsonNode KEYS = ProofVectors.load("madani/keys.json");

  static Stream<String> vectors() {
    return ProofVectors.list("madani").stream();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void outcomeIsAsStated(String file) {
    JsonNode v = ProofVectors.load(file);
    ObjectNode document = (ObjectNode) v.get("document");
    ActivityVerification result =
        ObjectProofs.verifyWithEmbedded(
            document, ProofVectors.keys(KEYS), ProofVectors.statuses(KEYS));
    assertOutcome(v.get("expected"), result.activity(), file);
    if (v.has("expectedObject")) {
      assertOutcome(v.get("expectedObject"), result.object().orElseThrow(), file + " (object)");
    } else {
      assertTrue(result.object().isEmpty(), file);
    }
  }

  private static void assertOutcome(JsonNode expected, ProofVerification result, String what) {
    if (expected.isTextual()) {
      assertEquals("valid", expected.asText());
      Verified ok = assertInstanceOf(Verified.class, result, () -> what + ": " + result);
      assertEquals(
          KEYS.at("/keys/" + ok.keyId().replace("~", "~0").replace("/", "~1") + "/ownerId")
              .asText(),
          ok.ownerId(),
          what);
    } else {
      Rejected no = assertInstanceOf(Rejected.class, result, () -> what + ": " + result);
      assertEquals(
          expected.get("rejected").asText(), no.reason().name(), () -> what + ": " + no.detail());
    }
  }

  /** Relayed copy: the Event taken out of the Create verifies on its own, with no network. */
  @Test
  void embeddedEventVerifiesWhenRelayedAlone() {
    ObjectNode create =
        (ObjectNode) ProofVectors.load("madani/create-event-valid.json").get("document");
    ObjectNode event = (ObjectNode) create.get("object");
    Verified ok =
        assertInstanceOf(
            Verified.class,
            ObjectProofs.verify(event, ProofVectors.keys(KEYS), ProofVectors.statuses(KEYS)));
    assertEquals(Instant.parse("2025-06-01T12:00:00Z"), ok.created());
    assertEquals(ProofVectors.load("madani/event-valid.json").get("document"), event);
  }

  /**
   * Regenerating must not be needed to trust the files: re-signing reproduces them (Ed25519 is
   * deterministic).
   */
  @Test
  void signingReproducesTheCommittedEvent() {
    ObjectNode signed = (ObjectNode) ProofVectors.load("madani/event-valid.json").get("document");
    ObjectNode unsigned = ObjectProofs.unsecured(signed);
    JsonNode proof = signed.get("proof");
    String keyId = proof.get("verificationMethod").asText();
    ObjectNode again =
        ObjectProofs.sign(
            unsigned,
            ProofVectors.signingKey(KEYS, keyId),
            Instant.parse(proof.get("created").asText()));
    assertEquals(signed, again);
  }
}
