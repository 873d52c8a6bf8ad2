package org.madani.node.federation.sig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes protocol-spec/vectors/http-signatures/madani. Runs only when asked: {@code mvn -pl node
 * test -Dtest=MadaniVectorGenerator -Dmadani.writeVectors=<dir>}. Keys are generated once and then
 * read back from keys.json, so regenerating keeps them.
 */
@EnabledIfSystemProperty(named = "madani.writeVectors", matches = ".+")
class MadaniVectorGenerator {

  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final String ALICE_KEY = "https://a.example/actors/alice#main-key";
  static final String ALICE = "https://a.example/actors/alice";
  static final String BOB_KEY = "https://m.example/users/bob#main-key";
  static final String BOB = "https://m.example/users/bob";
  static final URI INBOX = URI.create("https://b.example/actors/org/inbox");
  static final byte[] BODY =
      ("{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"https://a.example/activities/1\","
              + "\"type\":\"Follow\",\"actor\":\"https://a.example/actors/alice\",\"object\":\"https://b.example/actors/org\"}")
          .getBytes(StandardCharsets.UTF_8);

  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final SecureRandom random = new SecureRandom();

  @Test
  void write() throws IOException {
    Path dir = Path.of(System.getProperty("madani.writeVectors"));
    Files.createDirectories(dir);
    Path keysFile = dir.resolve("keys.json");
    if (!Files.exists(keysFile)) {
      writeKeys(keysFile);
    }
    JsonNode keys = json.readTree(keysFile.toFile());
    SigningKey alice = Vectors.signingKey(keys, ALICE_KEY);
    SigningKey bob = Vectors.signingKey(keys, BOB_KEY);
    SigningKey stranger =
        new SigningKey(
            ALICE_KEY, SignatureAlgorithm.ED25519, Keys.generateEd25519(random).getPrivate());
    SigningKey carol =
        new SigningKey(
            "https://c.example/actors/carol#main-key",
            SignatureAlgorithm.ED25519,
            Keys.generateEd25519(random).getPrivate());
    Clock now = Clock.fixed(NOW, ZoneOffset.UTC);
    Clock twoHoursAgo = Clock.fixed(NOW.minus(Duration.ofHours(2)), ZoneOffset.UTC);
    HttpRequestView post =
        HttpRequestView.of(
            "POST", INBOX, Map.of("Content-Type", "application/activity+json"), BODY);
    HttpRequestView tampered = null;

    List<String> files = new ArrayList<>();
    write(
        dir,
        files,
        "rfc9421-ed25519-post-valid",
        "rfc9421",
        "Ed25519 RFC 9421 POST to an inbox: @method @target-uri @authority date content-digest, created, keyid, alg.",
        new Rfc9421Signer(alice, now).signRequest(post),
        null);
    write(
        dir,
        files,
        "cavage-rsa-sha256-post-valid",
        "cavage",
        "Mastodon-shaped draft-cavage POST: rsa-sha256, headers=\"(request-target) host date digest\".",
        new CavageSigner(bob, now).signRequest(post),
        null);
    write(
        dir,
        files,
        "cavage-hs2019-ed25519-post-valid",
        "cavage",
        "draft-cavage POST with algorithm=\"hs2019\" and an Ed25519 key; the algorithm comes from the key.",
        new CavageSigner(alice, now).signRequest(post),
        null);
    write(
        dir,
        files,
        "rfc9421-forged-signature",
        "rfc9421",
        "Signed by another key that claims alice's keyid.",
        new Rfc9421Signer(stranger, now).signRequest(post),
        "BAD_SIGNATURE");
    tampered = new Rfc9421Signer(alice, now).signRequest(post).withBody(BODY_ALTERED());
    write(
        dir,
        files,
        "rfc9421-digest-mismatch",
        "rfc9421",
        "Valid signature over Content-Digest, but the body was changed afterwards.",
        tampered,
        "DIGEST_MISMATCH");
    tampered = new CavageSigner(bob, now).signRequest(post).withBody(BODY_ALTERED());
    write(
        dir,
        files,
        "cavage-digest-mismatch",
        "cavage",
        "Valid signature over Digest, but the body was changed afterwards.",
        tampered,
        "DIGEST_MISMATCH");
    HttpRequestView withDigest =
        post.withHeader("Host", "b.example")
            .withHeader("Date", HttpDate.format(NOW))
            .withHeader("Digest", Digests.digestHeader(BODY));
    write(
        dir,
        files,
        "cavage-missing-digest-coverage",
        "cavage",
        "A body, but the signature covers only (request-target) host date: the body is not bound.",
        withDigest.withHeader(
            "Signature",
            new CavageSigner(bob, now)
                .signatureHeader(withDigest, List.of("(request-target)", "host", "date"))),
        "MISSING_COMPONENT");
    HttpRequestView withContentDigest =
        post.withHeader("Date", HttpDate.format(NOW))
            .withHeader("Content-Digest", Digests.contentDigestHeader(BODY, "sha-256"));
    write(
        dir,
        files,
        "rfc9421-missing-digest-coverage",
        "rfc9421",
        "A body, but the signature does not cover content-digest.",
        new Rfc9421Signer(alice, now)
            .sign(
                withContentDigest,
                SignatureParameters.of(
                    List.of("@method", "@target-uri", "@authority", "date"), NOW))
            .applyTo(withContentDigest),
        "MISSING_COMPONENT");
    write(
        dir,
        files,
        "cavage-stale-date",
        "cavage",
        "Signed two hours before now: a replay outside the one-hour window.",
        new CavageSigner(bob, twoHoursAgo).signRequest(post),
        "CLOCK_SKEW");
    write(
        dir,
        files,
        "rfc9421-stale-created",
        "rfc9421",
        "created and Date two hours before now: a replay outside the one-hour window.",
        new Rfc9421Signer(alice, twoHoursAgo).signRequest(post),
        "CLOCK_SKEW");
    HttpRequestView dated = withContentDigest;
    write(
        dir,
        files,
        "rfc9421-expired",
        "rfc9421",
        "expires lies ten minutes before now (beyond the five-minute skew).",
        new Rfc9421Signer(alice, now)
            .sign(
                dated,
                SignatureParameters.of(
                        List.of("@method", "@target-uri", "@authority", "date", "content-digest"),
                        NOW.minusSeconds(900))
                    .withExpires(NOW.minusSeconds(600)))
            .applyTo(dated),
        "EXPIRED");
    write(
        dir,
        files,
        "rfc9421-unknown-key",
        "rfc9421",
        "A well-formed signature by a key the verifier cannot resolve.",
        new Rfc9421Signer(carol, now).signRequest(post),
        "UNKNOWN_KEY");
    write(
        dir,
        files,
        "rfc9421-wrong-algorithm",
        "rfc9421",
        "alg=\"rsa-v1_5-sha256\" with alice's keyid, whose key is Ed25519 only.",
        new Rfc9421Signer(
                new SigningKey(
                    ALICE_KEY, SignatureAlgorithm.RSA_V1_5_SHA256, privateOf(keys, BOB_KEY)),
                now)
            .signRequest(post),
        "ALGORITHM_MISMATCH");
    write(
        dir,
        files,
        "cavage-wrong-algorithm",
        "cavage",
        "algorithm=\"rsa-sha256\" with alice's keyId, whose key is Ed25519 only.",
        new CavageSigner(
                new SigningKey(
                    ALICE_KEY, SignatureAlgorithm.RSA_V1_5_SHA256, privateOf(keys, BOB_KEY)),
                now)
            .signRequest(post),
        "ALGORITHM_MISMATCH");

    ObjectNode index = json.createObjectNode();
    ArrayNode list = index.putArray("files");
    files.stream().sorted().forEach(list::add);
    json.writeValue(dir.resolve("index.json").toFile(), index);
  }

  private static byte[] BODY_ALTERED() {
    return new String(BODY, StandardCharsets.UTF_8)
        .replace("Follow", "Block")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static java.security.PrivateKey privateOf(JsonNode keys, String keyId) {
    return (java.security.PrivateKey) Vectors.privateKey(keys.get("keys").get(keyId));
  }

  private void writeKeys(Path file) throws IOException {
    KeyPair ed = Keys.generateEd25519(random);
    KeyPair rsa = Keys.generateRsa2048(random);
    ObjectNode root = json.createObjectNode();
    root.put(
        "note", "Test keys for these vectors only; published, so never trust them anywhere else.");
    ObjectNode keys = root.putObject("keys");
    ObjectNode a = keys.putObject(ALICE_KEY);
    a.put("ownerId", ALICE);
    a.put("algorithm", "ed25519");
    a.put("publicKeyPem", Keys.toPem(ed.getPublic()));
    a.put("publicKeyMultibase", Keys.toMultibase(ed.getPublic()));
    a.put("privateKeyPem", Keys.toPem(ed.getPrivate()));
    ObjectNode b = keys.putObject(BOB_KEY);
    b.put("ownerId", BOB);
    b.put("algorithm", "rsa-v1_5-sha256");
    b.put("publicKeyPem", Keys.toPem(rsa.getPublic()));
    b.put("privateKeyPem", Keys.toPem(rsa.getPrivate()));
    json.writeValue(file.toFile(), root);
  }

  private void write(
      Path dir,
      List<String> files,
      String name,
      String scheme,
      String description,
      HttpRequestView request,
      String rejected)
      throws IOException {
    ObjectNode v = json.createObjectNode();
    v.put("name", name);
    v.put("description", description);
    v.put("scheme", scheme);
    v.put("now", NOW.toString());
    ObjectNode policy = v.putObject("policy");
    policy.put("name", "federation");
    policy.put("maxClockSkewSeconds", SignaturePolicy.DEFAULT_SKEW.toSeconds());
    policy.put("maxAgeSeconds", SignaturePolicy.DEFAULT_MAX_AGE.toSeconds());
    ObjectNode r = v.putObject("request");
    r.put("method", request.method());
    r.put("targetUri", request.targetUri().toString());
    ArrayNode headers = r.putArray("headers");
    request
        .headers()
        .forEach((k, values) -> values.forEach(value -> headers.addArray().add(k).add(value)));
    r.put("body", new String(request.body(), StandardCharsets.UTF_8));
    if (rejected == null) {
      v.put("expected", "valid");
    } else {
      v.putObject("expected").put("rejected", rejected);
    }
    json.writeValue(dir.resolve(name + ".json").toFile(), v);
    files.add(name + ".json");
  }
}
