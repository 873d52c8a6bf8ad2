package org.madani.node.trust;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.madani.node.cli.RevokeKeyCommand;
import org.madani.node.federation.sig.CavageSigner;
import org.madani.node.federation.sig.HttpRequestView;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.ObjectProofs;
import org.madani.node.federation.sig.Rfc9421Signer;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SigningKey;
import picocli.CommandLine;

/**
 * Keys over time between real nodes (protocol-spec/keys.md): A rotates and its follower B believes
 * the new key because the old one signed the change; a third party swapping an actor's key is
 * refused and flagged for B's admin (WireMock plays it); A revokes a compromised key with its
 * offline recovery key and what was signed with it afterwards stops verifying at B.
 */
class KeyRotationIT {

  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static WireMockServer hostile;
  static final Duration WAIT = Duration.ofSeconds(30);

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false);
    b = TestNode.start(dir.resolve("b"), "baa", false);
    hostile = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    hostile.start();
  }

  @AfterAll
  static void stop() {
    for (TestNode n : new TestNode[] {a, b}) if (n != null) n.close();
    if (hostile != null) hostile.stop();
  }

  static String actor(TestNode n) {
    return n.base() + "/orgs/" + n.handle();
  }

  static String publish(TestNode n, String titleEn) throws Exception {
    var r =
        n.api(
            "POST",
            n.entriesPath(),
            "{\"kind\":\"article\",\"title\":{\"ar\":\"مقالة\",\"en\":\"" + titleEn + "\"}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return TestNode.json(r).get("url").asText();
  }

  static JsonNode received(TestNode node, String from, String objectId) throws Exception {
    JsonNode items =
        TestNode.json(
                node.api(
                    "GET",
                    "/api/v1/organizations/"
                        + node.handle()
                        + "/received?actor="
                        + URLEncoder.encode(from, StandardCharsets.UTF_8),
                    null))
            .get("items");
    for (JsonNode i : items) if (i.get("id").asText().equals(objectId)) return i;
    return null;
  }

  static long pinned(TestNode n, String keyId, String condition) throws Exception {
    return n.count("SELECT COUNT(*) FROM remote_key WHERE key_id = '" + keyId + "'" + condition);
  }

  /** Pending key changes of {@code actor} (the tests share node B). */
  static List<JsonNode> keyChanges(TestNode n, String actor) throws Exception {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (JsonNode f :
        TestNode.json(n.api("GET", "/api/v1/trust/key-changes?status=pending", null))
            .get("items")) {
      if (f.get("actor").asText().equals(actor)) out.add(f);
    }
    return out;
  }

  @Test
  void rotationSignedByTheOldKeyIsAccepted_andRevocationStopsLaterSignatures() throws Exception {
    String alef = actor(a);
    var follow =
        b.api("POST", "/api/v1/organizations/baa/following", "{\"actor\":\"" + alef + "\"}");
    assertThat(follow.statusCode()).as(follow.body()).isEqualTo(202);
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(
                            b.api(
                                "GET", "/api/v1/organizations/baa/following?state=accepted", null))
                        .get("items")
                        .size()
                    == 1);
    // Trust on first use: B pinned A's signing and recovery keys.
    assertThat(pinned(b, alef + "#ed25519-1", "")).isEqualTo(1);
    assertThat(pinned(b, alef + "#recovery-1", " AND purpose = 'recovery'")).isEqualTo(1);
    String first = publish(a, "Signed with the first key");
    await().atMost(WAIT).until(() -> received(b, alef, first) != null);

    // (1) Rotation: the Update announcing ed25519-2 is signed with ed25519-1, which B pinned.
    var rotated = a.api("POST", "/api/v1/organizations/alef/keys/rotate", null);
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    assertThat(TestNode.json(rotated).get("oldKey").asText()).isEqualTo(alef + "#ed25519-1");
    assertThat(TestNode.json(rotated).get("newKey").asText()).isEqualTo(alef + "#ed25519-2");
    JsonNode doc = TestNode.json(a.get("/orgs/alef", "Accept", "application/activity+json"));
    assertThat(doc.get("assertionMethod")).hasSize(2);
    assertThat(doc.get("proof")).as("proof set: current key and the key in its overlap").hasSize(2);
    await().atMost(WAIT).until(() -> pinned(b, alef + "#ed25519-2", "") == 1);
    // The old key keeps verifying during the overlap: its end is recorded, not a revocation.
    assertThat(
            pinned(
                b,
                alef + "#ed25519-1",
                " AND expires_at > CURRENT_TIMESTAMP AND revoked_at IS NULL"))
        .isEqualTo(1);
    assertThat(keyChanges(b, alef)).isEmpty();
    String second = publish(a, "Signed with the second key");
    JsonNode got = await().atMost(WAIT).until(() -> received(b, alef, second), n -> n != null);
    assertThat(got.at("/object/proof/verificationMethod").asText()).isEqualTo(alef + "#ed25519-2");
    assertThat(received(b, alef, first))
        .as("signed with the old key before the rotation")
        .isNotNull();

    // (3) Revocation: ed25519-2 is declared compromised since T; the entry A signed after T goes.
    Instant secondSigned = Instant.parse(got.at("/object/proof/created").asText());
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(secondSigned));
    Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String third = publish(a, "Signed after the leak");
    await().atMost(WAIT).until(() -> received(b, alef, third) != null);
    Path aKeys = dir.resolve("a").resolve("keys");
    SigningKey stolen =
        new SigningKey(
            alef + "#ed25519-2",
            SignatureAlgorithm.ED25519,
            Keys.privateKeyFromPem(Files.readString(aKeys.resolve("alef-ed25519-2.pem"))));
    SigningKey stolenRsa =
        new SigningKey(
            alef + "#main-key",
            SignatureAlgorithm.RSA_V1_5_SHA256,
            Keys.privateKeyFromPem(Files.readString(aKeys.resolve("alef-main-key.pem"))));

    int port = a.base().getPort();
    a.stop();
    int exit =
        new CommandLine(new RevokeKeyCommand())
            .execute(
                "--data-dir",
                dir.resolve("a").toString(),
                "--port",
                String.valueOf(port),
                "--handle",
                "alef",
                "--key",
                "ed25519-2",
                "--since",
                since.toString(),
                "--recovery-key",
                a.recoveryKeyFile().toString());
    assertThat(exit).isZero();
    a.restart();

    // B verified the statement with the recovery key it pinned, and pinned the replacement it
    // names.
    await()
        .atMost(WAIT)
        .until(
            () ->
                pinned(b, alef + "#ed25519-2", " AND revoked_at IS NOT NULL") == 1
                    && pinned(b, alef + "#ed25519-3", "") == 1);
    assertThat(keyChanges(b, alef)).isEmpty();
    await().atMost(WAIT).until(() -> received(b, alef, third) == null);
    assertThat(received(b, alef, second)).as("signed before T").isNotNull();
    assertThat(received(b, alef, first)).isNotNull();

    // Later signatures with the revoked key: an HTTP signature by it is refused outright …
    long next = a.count("SELECT MAX(log_seq) FROM outbox") + 1;
    ObjectNode forged = forgedCreate(alef, next, stolen);
    assertThat(post(b, rfc9421(b, forged.toString(), stolen)).statusCode()).isEqualTo(401);
    // … and a log item whose proof is by it, carried by a request the thief could still sign with
    // the RSA key, is refused too: a present proof must hold (issue 11), and one made with a key
    // after its revocation does not. Nothing is stored; A's genuine item with that number wins.
    ObjectNode forged2 = forgedCreate(alef, next, stolen);
    long inboxBefore = b.count("SELECT COUNT(*) FROM inbox");
    assertThat(post(b, cavage(b, forged2.toString(), stolenRsa)).statusCode()).isEqualTo(403);
    assertThat(b.count("SELECT COUNT(*) FROM inbox")).isEqualTo(inboxBefore);
    String fourth = publish(a, "Signed with the replacement key");
    JsonNode genuine = await().atMost(WAIT).until(() -> received(b, alef, fourth), n -> n != null);
    assertThat(genuine.at("/object/proof/verificationMethod").asText())
        .isEqualTo(alef + "#ed25519-3");
    assertThat(received(b, alef, forged.at("/object/id").asText())).isNull();
    assertThat(received(b, alef, forged2.at("/object/id").asText())).isNull();
    assertThat(
            b.count(
                "SELECT COUNT(*) FROM mirror_item WHERE document LIKE '%"
                    + forged2.at("/object/id").asText()
                    + "%'"))
        .isZero();
  }

  @Test
  void keySwapByAThirdParty_isRefusedAndFlaggedForTheAdmin() throws Exception {
    SecureRandom random = new SecureRandom();
    KeyPair original = Keys.generateEd25519(random);
    KeyPair swapped = Keys.generateEd25519(random);
    String mallory = "http://127.0.0.1:" + hostile.port() + "/users/mallory";
    serveActor(mallory, mallory + "#ed", original);

    // First contact: B pins mallory's key.
    assertThat(post(b, rfc9421(b, follow(mallory), signer(mallory + "#ed", original))).statusCode())
        .isEqualTo(202);
    assertThat(pinned(b, mallory + "#ed", "")).isEqualTo(1);

    // Someone else now answers for mallory's address, with a new key under a new id: refused,
    // flagged.
    serveActor(mallory, mallory + "#ed2", swapped);
    var refused = post(b, rfc9421(b, follow(mallory), signer(mallory + "#ed2", swapped)));
    assertThat(refused.statusCode()).isEqualTo(401);
    // The problem says what is happening, so the peer's operator knows to ask our admin.
    assertThat(refused.body()).contains("key-change-pending", "administrator");
    assertThat(pinned(b, mallory + "#ed2", "")).isZero();
    // … or new key material under the known id: the refetch after the bad signature is not
    // believed.
    serveActor(mallory, mallory + "#ed", swapped);
    refused = post(b, rfc9421(b, follow(mallory), signer(mallory + "#ed", swapped)));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("key-change-pending");
    assertThat(post(b, rfc9421(b, follow(mallory), signer(mallory + "#ed", original))).statusCode())
        .as("the pinned key still works")
        .isEqualTo(202);

    List<JsonNode> flags = keyChanges(b, mallory);
    assertThat(flags)
        .extracting(f -> f.get("keyId").asText())
        .contains(mallory + "#ed2", mallory + "#ed");
    assertThat(flags)
        .allMatch(
            f ->
                f.get("actor").asText().equals(mallory)
                    && f.get("status").asText().equals("pending"));

    // The admin checked with mallory by other means and accepts the new key: it is pinned.
    serveActor(mallory, mallory + "#ed2", swapped);
    long id = 0;
    for (JsonNode f : flags)
      if (f.get("keyId").asText().equals(mallory + "#ed2")) id = f.get("id").asLong();
    var accepted = b.api("POST", "/api/v1/trust/key-changes/" + id + "/accept", null);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(TestNode.json(accepted).get("status").asText()).isEqualTo("accepted");
    assertThat(b.api("POST", "/api/v1/trust/key-changes/" + id + "/reject", null).statusCode())
        .isEqualTo(409);
    assertThat(post(b, rfc9421(b, follow(mallory), signer(mallory + "#ed2", swapped))).statusCode())
        .isEqualTo(202);
  }

  // --- hostile peer and forged items ---

  static void serveActor(String id, String keyId, KeyPair key) {
    ObjectNode actor = TestNode.JSON.createObjectNode();
    actor
        .putArray("@context")
        .add("https://www.w3.org/ns/activitystreams")
        .add("https://w3id.org/security/multikey/v1");
    actor
        .put("id", id)
        .put("type", "Person")
        .put("preferredUsername", "mallory")
        .put("inbox", id + "/inbox");
    actor
        .putArray("assertionMethod")
        .addObject()
        .put("id", keyId)
        .put("type", "Multikey")
        .put("controller", id)
        .put("publicKeyMultibase", Keys.toMultibase(key.getPublic()));
    hostile.stubFor(
        get(urlPathEqualTo(URI.create(id).getPath()))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/activity+json")
                    .withBody(actor.toString())));
  }

  static String follow(String from) {
    return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\""
        + from
        + "/follows/"
        + UUID.randomUUID()
        + "\",\"type\":\"Follow\",\"actor\":\""
        + from
        + "\",\"object\":\""
        + actor(b)
        + "\"}";
  }

  static SigningKey signer(String keyId, KeyPair key) {
    return new SigningKey(keyId, SignatureAlgorithm.ED25519, key.getPrivate());
  }

  /** A public log item of {@code actor} as a thief holding its key would make it, signed now. */
  static ObjectNode forgedCreate(String actor, long sequence, SigningKey key) {
    Instant now = Instant.now();
    ObjectNode object = TestNode.JSON.createObjectNode();
    object
        .put("id", actor + "/entries/FORGED" + UUID.randomUUID().toString().substring(0, 8))
        .put("type", "Article")
        .put("attributedTo", actor)
        .put("name", "مزوّر");
    object.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
    object.putArray("cc").add(actor + "/followers");
    ObjectNode activity = TestNode.JSON.createObjectNode();
    activity
        .putArray("@context")
        .add("https://www.w3.org/ns/activitystreams")
        .add("https://madani.network/ns/v1.jsonld");
    activity
        .put("id", actor + "/activities/" + UUID.randomUUID())
        .put("type", "Create")
        .put("actor", actor)
        .put("published", now.toString())
        .put("sequence", sequence);
    activity.set("to", object.get("to").deepCopy());
    activity.set("cc", object.get("cc").deepCopy());
    activity.set("object", ObjectProofs.sign(object, key, now));
    return ObjectProofs.sign(activity, key, now);
  }

  static HttpRequestView unsigned(TestNode target, String body) {
    return HttpRequestView.of(
        "POST",
        URI.create(target.base() + "/orgs/" + target.handle() + "/inbox"),
        Map.of(
            "host", target.base().getRawAuthority(), "content-type", "application/activity+json"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  static HttpRequestView rfc9421(TestNode target, String body, SigningKey key) {
    return new Rfc9421Signer(key, Clock.systemUTC()).signRequest(unsigned(target, body));
  }

  static HttpRequestView cavage(TestNode target, String body, SigningKey key) {
    return new CavageSigner(key, Clock.systemUTC()).signRequest(unsigned(target, body));
  }

  static HttpResponse<String> post(TestNode target, HttpRequestView signed) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(target.local().resolve(signed.targetUri().getRawPath()));
    signed
        .headers()
        .forEach(
            (name, values) -> {
              if (!List.of("host", "content-length").contains(name))
                values.forEach(v -> r.header(name, v));
            });
    return target.send(r.POST(HttpRequest.BodyPublishers.ofByteArray(signed.body())).build());
  }
}
