package org.madani.node.federation.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.madani.node.federation.sig.Rfc9421VectorTest.assertReason;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.madani.node.federation.sig.Verification.Reason;
import org.madani.node.federation.sig.Verification.Verified;

/** Round trips through both signers and verifiers under the federation policy. */
class Rfc9421VerifierTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final KeyPair ED = Keys.generateEd25519(new SecureRandom());
  private static final String KEY_ID = "https://a.example/actors/alice#main-key";
  private static final KeyResolver KEYS =
      id ->
          id.equals(KEY_ID)
              ? Optional.of(
                  VerificationKey.of(
                      KEY_ID,
                      "https://a.example/actors/alice",
                      ED.getPublic(),
                      SignatureAlgorithm.ED25519))
              : Optional.empty();
  private static final HttpRequestView POST =
      HttpRequestView.of(
          "POST",
          URI.create("https://b.example/inbox"),
          Map.of("Content-Type", "application/activity+json"),
          "{\"type\":\"Follow\"}".getBytes(StandardCharsets.UTF_8));

  private final SigningKey key =
      new SigningKey(KEY_ID, SignatureAlgorithm.ED25519, ED.getPrivate());

  @Test
  void signedRequestVerifiesAndNamesTheOwner() {
    HttpRequestView signed = new Rfc9421Signer(key, CLOCK).signRequest(POST);
    assertTrue(signed.header("content-digest").isPresent());
    assertEquals("Sun, 01 Jun 2025 12:00:00 GMT", signed.header("date").orElseThrow());
    Verified ok =
        assertInstanceOf(
            Verified.class,
            new Rfc9421Verifier(KEYS, SignaturePolicy.federation(CLOCK)).verify(signed));
    assertEquals("https://a.example/actors/alice", ok.ownerId());
    assertEquals(NOW, ok.createdAt());
    assertEquals(SignatureAlgorithm.ED25519, ok.algorithm());
  }

  @Test
  void clockWindowIsEnforcedBothWays() {
    HttpRequestView signed = new Rfc9421Signer(key, CLOCK).signRequest(POST);
    Clock later = Clock.fixed(NOW.plus(Duration.ofMinutes(64)), ZoneOffset.UTC);
    assertInstanceOf(
        Verified.class,
        new Rfc9421Verifier(KEYS, SignaturePolicy.federation(later)).verify(signed));
    Clock tooLate = Clock.fixed(NOW.plus(Duration.ofMinutes(66)), ZoneOffset.UTC);
    assertReason(
        Reason.CLOCK_SKEW,
        new Rfc9421Verifier(KEYS, SignaturePolicy.federation(tooLate)).verify(signed));
    Clock earlier = Clock.fixed(NOW.minus(Duration.ofMinutes(6)), ZoneOffset.UTC);
    assertReason(
        Reason.CLOCK_SKEW,
        new Rfc9421Verifier(KEYS, SignaturePolicy.federation(earlier)).verify(signed));
  }

  @Test
  void federationPolicyRequiresMethodPathAuthorityAndDigest() {
    HttpRequestView dated =
        POST.withHeader("Date", "Sun, 01 Jun 2025 12:00:00 GMT")
            .withHeader("Content-Digest", Digests.contentDigestHeader(POST.body(), "sha-256"));
    Rfc9421Verifier verifier = new Rfc9421Verifier(KEYS, SignaturePolicy.federation(CLOCK));
    for (List<String> covered :
        List.of(
            List.of("@target-uri", "@authority", "date", "content-digest"),
            List.of("@method", "@authority", "date", "content-digest"),
            List.of("@method", "@path", "date", "content-digest"),
            List.of("@method", "@target-uri", "date"))) {
      HttpRequestView r =
          new Rfc9421Signer(key, CLOCK)
              .sign(dated, SignatureParameters.of(covered, NOW))
              .applyTo(dated);
      assertReason(Reason.MISSING_COMPONENT, verifier.verify(r));
    }
    HttpRequestView ok =
        new Rfc9421Signer(key, CLOCK)
            .sign(
                dated,
                SignatureParameters.of(
                    List.of("@method", "@path", "@authority", "content-digest"), NOW))
            .applyTo(dated);
    assertInstanceOf(Verified.class, verifier.verify(ok), "created alone dates the signature");
  }

  @Test
  void cavageRoundTripWithEd25519AndRsa() {
    HttpRequestView ed = new CavageSigner(key, CLOCK).signRequest(POST);
    assertTrue(ed.header("signature").orElseThrow().contains("algorithm=\"hs2019\""));
    assertInstanceOf(
        Verified.class, new CavageVerifier(KEYS, SignaturePolicy.federation(CLOCK)).verify(ed));

    KeyPair rsa = Keys.generateRsa2048(new SecureRandom());
    SigningKey rsaKey =
        new SigningKey(
            "https://m.example/users/bob#main-key",
            SignatureAlgorithm.RSA_V1_5_SHA256,
            rsa.getPrivate());
    HttpRequestView signed = new CavageSigner(rsaKey, CLOCK).signRequest(POST);
    assertTrue(
        signed
            .header("signature")
            .orElseThrow()
            .contains("headers=\"(request-target) host date digest\""));
    KeyResolver bob =
        id ->
            Optional.of(
                VerificationKey.of(
                    id,
                    "https://m.example/users/bob",
                    rsa.getPublic(),
                    SignatureAlgorithm.RSA_V1_5_SHA256));
    assertInstanceOf(
        Verified.class, new CavageVerifier(bob, SignaturePolicy.federation(CLOCK)).verify(signed));
    // Mastodon signs with rsa-sha256 but may announce hs2019; both verify with an RSA key.
    HttpRequestView hs2019 =
        signed.withReplacedHeader(
            "Signature", signed.header("signature").orElseThrow().replace("rsa-sha256", "hs2019"));
    assertInstanceOf(
        Verified.class, new CavageVerifier(bob, SignaturePolicy.federation(CLOCK)).verify(hs2019));
  }

  @Test
  void expiredSignatureIsRejected() {
    HttpRequestView dated =
        POST.withHeader("Date", "Sun, 01 Jun 2025 11:59:00 GMT")
            .withHeader("Content-Digest", Digests.contentDigestHeader(POST.body(), "sha-256"));
    SignatureParameters p =
        SignatureParameters.of(
                List.of("@method", "@target-uri", "date", "content-digest"), NOW.minusSeconds(600))
            .withExpires(NOW.minusSeconds(301));
    HttpRequestView r = new Rfc9421Signer(key, CLOCK).sign(dated, p).applyTo(dated);
    assertReason(
        Reason.EXPIRED, new Rfc9421Verifier(KEYS, SignaturePolicy.federation(CLOCK)).verify(r));
  }

  @Test
  void malformedFieldsAreRejectedNotThrown() {
    Rfc9421Verifier verifier = new Rfc9421Verifier(KEYS, SignaturePolicy.federation(CLOCK));
    assertReason(
        Reason.MALFORMED,
        verifier.verify(
            POST.withHeader("Signature-Input", "sig1=(").withHeader("Signature", "sig1=:AA==:")));
    assertReason(
        Reason.MALFORMED,
        verifier.verify(POST.withHeader("Signature-Input", "sig1=(\"@method\");created=1")));
    assertReason(
        Reason.MALFORMED,
        verifier.verify(
            POST.withHeader("Signature-Input", "sig1=(\"@method\");created=\"x\";keyid=\"k\"")
                .withHeader("Signature", "sig1=:AA==:")));
    assertReason(
        Reason.MISSING_SIGNATURE,
        new CavageVerifier(KEYS, SignaturePolicy.federation(CLOCK)).verify(POST));
    assertReason(
        Reason.MALFORMED,
        new CavageVerifier(KEYS, SignaturePolicy.federation(CLOCK))
            .verify(POST.withHeader("Signature", "keyId=\"a\",keyId=\"b\",signature=\"AA==\"")));
  }
}
