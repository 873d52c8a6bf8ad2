package org.madani.node.federation.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.madani.node.federation.sig.Verification.Reason;
import org.madani.node.federation.sig.Verification.Verified;

/**
 * Our own signed-request vectors: each file names its expected outcome under the federation policy.
 */
class MadaniVectorTest {

  private static final JsonNode KEYS = Vectors.load("madani/keys.json");

  static Stream<String> vectors() {
    return Vectors.list("madani").stream();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void outcomeIsAsStated(String file) {
    JsonNode v = Vectors.load(file);
    Clock clock = Vectors.clockAt(v);
    JsonNode p = v.get("policy");
    SignaturePolicy defaults = SignaturePolicy.federation(clock);
    SignaturePolicy policy =
        new SignaturePolicy(
            defaults.requiredAlways(),
            defaults.requiredWithBody(),
            Duration.ofSeconds(p.get("maxClockSkewSeconds").asLong()),
            Duration.ofSeconds(p.get("maxAgeSeconds").asLong()),
            clock);
    HttpRequestView request = Vectors.request(v.get("request"));
    KeyResolver resolver = Vectors.resolver(KEYS);
    Verification result =
        switch (v.get("scheme").asText()) {
          case "rfc9421" -> new Rfc9421Verifier(resolver, policy).verify(request);
          case "cavage" -> new CavageVerifier(resolver, policy).verify(request);
          default -> throw new IllegalArgumentException(v.get("scheme").asText());
        };
    JsonNode expected = v.get("expected");
    if (expected.isTextual()) {
      assertEquals("valid", expected.asText());
      Verified ok = assertInstanceOf(Verified.class, result, result::toString);
      String keyId = ok.keyId();
      assertEquals(KEYS.get("keys").get(keyId).get("ownerId").asText(), ok.ownerId());
    } else {
      Rfc9421VectorTest.assertReason(Reason.valueOf(expected.get("rejected").asText()), result);
    }
  }
}
