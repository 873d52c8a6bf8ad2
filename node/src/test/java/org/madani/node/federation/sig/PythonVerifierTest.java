package org.madani.node.federation.sig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node's signatures verify outside the node: protocol-spec/tools/madani_vectors.py, a second
 * implementation in Python ({@code cryptography} and its own JCS, no code of ours), checks (1) the
 * committed node-made vectors (object-proofs/madani, http-signatures/madani), each to its stated
 * outcome, and (2) an object proof and an RFC 9421 request signed right now by {@link ObjectProofs}
 * and {@link Rfc9421Signer} with a fresh key, beside a tampered copy of each that it must refuse.
 * Needs {@code python3} with {@code cryptography} (Debian python3-cryptography; .ci/run installs
 * it).
 */
class PythonVerifierTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SPEC = Path.of("..", "protocol-spec");
  private static final String ACTOR = "https://node.example/orgs/sawa";
  private static final String KEY_ID = ACTOR + "#ed25519-1";
  private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");

  @TempDir Path dir;

  @Test
  void committedNodeVectorsVerifyInPython() throws Exception {
    Result r =
        python(
            SPEC.resolve("vectors/object-proofs"), SPEC.resolve("vectors/http-signatures/madani"));
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("29 checked, 0 failed");
  }

  /**
   * The inbox's origin rules, written a second time in Python from federation.md §6, decide every
   * case of vectors/inbox-origin as the file states (OriginDecisionVectorTest checks the node).
   */
  @Test
  void originDecisionsAgreeInPython() throws Exception {
    Result r = run("origin", SPEC.resolve("vectors/inbox-origin/origin-decisions.json"));
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("39 checked, 0 failed");
  }

  @Test
  void freshlySignedDocumentsVerifyInPython_andTamperedOnesDoNot() throws Exception {
    KeyPair pair = Keys.generateEd25519(new SecureRandom());
    SigningKey key = new SigningKey(KEY_ID, SignatureAlgorithm.ED25519, pair.getPrivate());
    ObjectNode keys = JSON.createObjectNode();
    keys.putObject("keys")
        .putObject(KEY_ID)
        .put("ownerId", ACTOR)
        .put("type", "Multikey")
        .put("algorithm", "ed25519")
        .put("publicKeyMultibase", Keys.toMultibase(pair.getPublic()))
        .put("publicKeyPem", Keys.toPem(pair.getPublic()));
    write("keys.json", keys);

    ObjectNode event = JSON.createObjectNode();
    event.putArray("@context").add("https://www.w3.org/ns/activitystreams");
    event
        .put("id", ACTOR + "/entries/01NODE")
        .put("type", "Event")
        .put("attributedTo", ACTOR)
        .put("name", "لقاءٌ تشاوريّ ‏(٢٠٢٦)")
        .put("startTime", "2026-04-01T10:00:00+03:00")
        .put("version", 2)
        .put("latitude", 36.2021);
    event.putObject("nameMap").put("ar", "لقاءٌ تشاوريّ").put("en", "Consultation");
    ObjectNode signed = ObjectProofs.sign(event, key, NOW);
    write("event-valid.json", objectCase(signed, "valid"));
    ObjectNode tampered = signed.deepCopy();
    ((ObjectNode) tampered.get("nameMap")).put("en", "Consultation (edited)");
    write("event-tampered.json", objectCase(tampered, "BAD_SIGNATURE"));

    byte[] body =
        "{\"type\":\"Follow\",\"actor\":\"https://node.example/orgs/sawa\",\"object\":\"https://py.example/orgs/x\"}"
            .getBytes(StandardCharsets.UTF_8);
    HttpRequestView request =
        HttpRequestView.of(
            "POST",
            URI.create("https://py.example/inbox"),
            Map.of("Content-Type", "application/activity+json"),
            body);
    HttpRequestView signedRequest =
        new Rfc9421Signer(key, Clock.fixed(NOW, ZoneOffset.UTC)).signRequest(request);
    write(
        "rfc9421-valid.json",
        requestCase(signedRequest, new String(body, StandardCharsets.UTF_8), "valid"));
    HttpRequestView forged =
        signedRequest.withReplacedHeader("Date", "Sun, 01 Mar 2026 09:31:00 GMT");
    write(
        "rfc9421-date-changed.json",
        requestCase(forged, new String(body, StandardCharsets.UTF_8), "BAD_SIGNATURE"));

    Result r = python(dir);
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output()).contains("4 checked, 0 failed");
  }

  private static ObjectNode objectCase(ObjectNode document, String expected) {
    ObjectNode c = JSON.createObjectNode().put("name", "node-made");
    c.set("document", document);
    if (expected.equals("valid")) c.put("expected", "valid");
    else c.putObject("expected").put("rejected", expected);
    return c;
  }

  private static ObjectNode requestCase(HttpRequestView request, String body, String expected) {
    ObjectNode c =
        JSON.createObjectNode()
            .put("name", "node-made")
            .put("scheme", "rfc9421")
            .put("now", NOW.toString());
    c.putObject("policy")
        .put("name", "federation")
        .put("maxClockSkewSeconds", 300)
        .put("maxAgeSeconds", 3600);
    ObjectNode r =
        c.putObject("request")
            .put("method", request.method())
            .put("targetUri", request.targetUri().toString());
    ArrayNode headers = r.putArray("headers");
    request
        .headers()
        .forEach(
            (name, values) ->
                values.forEach(v -> headers.addArray().add(name.toLowerCase()).add(v)));
    r.put("body", body);
    if (expected.equals("valid")) c.put("expected", "valid");
    else c.putObject("expected").put("rejected", expected);
    return c;
  }

  private void write(String name, ObjectNode value) throws IOException {
    Files.writeString(
        dir.resolve(name), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
  }

  record Result(int exit, String output) {}

  private static Result python(Path... dirs) throws Exception {
    return run("verify", dirs);
  }

  private static Result run(String verb, Path... dirs) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of("python3", SPEC.resolve("tools/madani_vectors.py").toString(), verb));
    for (Path d : dirs) command.add(d.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }
}
