package org.madani.node.federation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.madani.node.federation.sig.Digests;
import org.madani.node.federation.sig.HttpRequestView;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.ObjectProofs;
import org.madani.node.federation.sig.Rfc9421Signer;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SignatureParameters;
import org.madani.node.federation.sig.SigningKey;

/**
 * A hostile peer (eve, played by WireMock serving only her actor document) tries what issue 11
 * found against a real node's inbox over loopback HTTP: forged attribution in every shape, Updates
 * that re-attribute or invent objects, expired signatures, mis-encoded text, look-alike media
 * types, false proofs and made-up taxonomy terms. Each is refused with a 4xx problem, nothing is
 * stored, and the node stays ready; the honest forms of the same activities are accepted.
 */
class HostilePeerIT {

  @TempDir static Path dir;
  static WireMockServer peer;
  static TestNode node;
  static KeyPair ed;
  static KeyPair intruder;
  static String eve;
  static final String ALICE = "https://alice.example/users/alice";

  @BeforeAll
  static void start() throws Exception {
    SecureRandom random = new SecureRandom();
    ed = Keys.generateEd25519(random);
    intruder = Keys.generateEd25519(random);
    peer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    peer.start();
    eve = "http://127.0.0.1:" + peer.port() + "/users/eve";
    ObjectNode actor = TestNode.JSON.createObjectNode();
    actor
        .putArray("@context")
        .add("https://www.w3.org/ns/activitystreams")
        .add("https://w3id.org/security/v1");
    actor
        .put("id", eve)
        .put("type", "Person")
        .put("preferredUsername", "eve")
        .put("inbox", eve + "/inbox");
    actor
        .putArray("assertionMethod")
        .addObject()
        .put("id", eve + "#ed")
        .put("type", "Multikey")
        .put("controller", eve)
        .put("publicKeyMultibase", Keys.toMultibase(ed.getPublic()));
    peer.stubFor(
        get(urlPathEqualTo("/users/eve"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/activity+json")
                    .withBody(actor.toString())));
    node = TestNode.start(dir.resolve("n"), "sawa", false);
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
    if (peer != null) peer.stop();
  }

  /**
   * After every attack: no 5xx was ever answered (checked per request) and the node is still ready.
   */
  @AfterEach
  void nodeStaysHealthy() throws Exception {
    assertThat(node.get("/readyz").statusCode()).isEqualTo(200);
  }

  String orgActor() {
    return node.base() + "/orgs/" + node.handle();
  }

  /** A Create(Note) from eve addressed to the node's organization, so the node keeps it. */
  ObjectNode note(String objectId) {
    ObjectNode o = TestNode.JSON.createObjectNode();
    o.put("id", objectId).put("type", "Note").put("attributedTo", eve).put("content", "hello");
    o.putArray("to").add(orgActor());
    return o;
  }

  ObjectNode activity(String type, ObjectNode object) {
    ObjectNode a = TestNode.JSON.createObjectNode();
    a.put("@context", "https://www.w3.org/ns/activitystreams");
    a.put("id", eve + "/activities/" + UUID.randomUUID()).put("type", type).put("actor", eve);
    a.set("object", object);
    a.putArray("to").add(orgActor());
    return a;
  }

  String newObjectId() {
    return eve + "/notes/" + UUID.randomUUID();
  }

  HttpRequestView unsigned(byte[] body, String contentType) {
    return HttpRequestView.of(
        "POST",
        URI.create(orgActor() + "/inbox"),
        Map.of("host", node.base().getRawAuthority(), "content-type", contentType),
        body);
  }

  HttpRequestView signed(byte[] body, String contentType) {
    return new Rfc9421Signer(
            new SigningKey(eve + "#ed", SignatureAlgorithm.ED25519, ed.getPrivate()),
            Clock.systemUTC())
        .signRequest(unsigned(body, contentType));
  }

  HttpRequestView signed(ObjectNode activity) {
    return signed(
        activity.toString().getBytes(StandardCharsets.UTF_8), "application/activity+json");
  }

  HttpResponse<String> post(HttpRequestView signed) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(node.local().resolve(signed.targetUri().getRawPath()));
    signed
        .headers()
        .forEach(
            (name, values) -> {
              if (!List.of("host", "content-length").contains(name))
                values.forEach(v -> b.header(name, v));
            });
    HttpResponse<String> r =
        node.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(signed.body())).build());
    assertThat(r.statusCode()).as("never a 5xx: " + r.body()).isLessThan(500);
    return r;
  }

  long stored() throws Exception {
    return node.count("SELECT COUNT(*) FROM inbox");
  }

  long objects(String id) throws Exception {
    return node.count(
        "SELECT COUNT(*) FROM remote_object WHERE id = '" + id.replace("'", "''") + "'");
  }

  void assertRefused(HttpRequestView request, int status) throws Exception {
    long before = stored();
    HttpResponse<String> r = post(request);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(stored()).isEqualTo(before);
  }

  void assertAccepted(HttpRequestView request) throws Exception {
    HttpResponse<String> r = post(request);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  // --- 1. forged attribution in every shape ---

  @Test
  void attributionToAnotherActor_inAnyShape_isRefused() throws Exception {
    List<Object> shapes = new ArrayList<>();
    shapes.add(TestNode.JSON.createArrayNode().add(eve).add(ALICE));
    shapes.add(TestNode.JSON.createArrayNode().add(ALICE).add(eve));
    shapes.add(
        TestNode.JSON.createArrayNode().add(TestNode.JSON.createObjectNode().put("id", ALICE)));
    shapes.add(
        TestNode.JSON
            .createArrayNode()
            .add(eve)
            .add(TestNode.JSON.createObjectNode().put("type", "Person").put("id", ALICE)));
    shapes.add(TestNode.JSON.createObjectNode().put("id", ALICE).put("type", "Person"));
    shapes.add(TestNode.JSON.getNodeFactory().textNode(ALICE));
    for (Object shape : shapes) {
      ObjectNode o = note(newObjectId());
      o.set("attributedTo", (com.fasterxml.jackson.databind.JsonNode) shape);
      assertRefused(signed(activity("Create", o)), 403);
      assertRefused(signed(activity("Update", o)), 403);
    }
    // shapes that name nobody are malformed, not a loophole
    for (String bad : List.of("[]", "[{\"type\":\"Person\"}]", "42", "[[\"" + eve + "\"]]")) {
      ObjectNode o = note(newObjectId());
      o.set("attributedTo", TestNode.JSON.readTree(bad));
      assertRefused(signed(activity("Create", o)), 400);
    }
    // the honest array form is accepted
    ObjectNode o = note(newObjectId());
    o.set(
        "attributedTo",
        TestNode.JSON
            .createArrayNode()
            .add(eve)
            .add(TestNode.JSON.createObjectNode().put("id", eve)));
    assertAccepted(signed(activity("Create", o)));
  }

  // --- 2. Update: no re-attribution, no Update of an object never seen ---

  @Test
  void update_cannotReattributeAnObject() throws Exception {
    String id = newObjectId();
    assertAccepted(signed(activity("Create", note(id))));
    await().atMost(Duration.ofSeconds(60)).until(() -> objects(id) == 1);

    ObjectNode reattributed = note(id).put("attributedTo", ALICE).put("content", "now alice's");
    assertRefused(signed(activity("Update", reattributed)), 403);
    assertThat(node.count("SELECT COUNT(*) FROM remote_object WHERE actor = '" + ALICE + "'"))
        .isZero();
  }

  @Test
  void updateOfAnObjectNeverSeen_isNotStoredAsItsCreate() throws Exception {
    String unseen = newObjectId();
    ObjectNode update = activity("Update", note(unseen).put("content", "never created"));
    assertAccepted(signed(update));
    String activityId = update.get("id").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                node.count(
                        "SELECT COUNT(*) FROM inbox WHERE state <> 'pending' AND activity_id = '"
                            + activityId
                            + "'")
                    == 1);
    assertThat(objects(unseen))
        .as("an Update of an unseen object is not stored as its Create")
        .isZero();
  }

  // --- 3. expiry without added skew ---

  @Test
  void signatureExpiredAMinuteAgo_isRefused() throws Exception {
    Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
    byte[] body =
        activity("Create", note(newObjectId())).toString().getBytes(StandardCharsets.UTF_8);
    HttpRequestView r =
        unsigned(body, "application/activity+json")
            .withHeader(
                "Date",
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    created.atZone(java.time.ZoneOffset.UTC)))
            .withHeader("Content-Digest", Digests.contentDigestHeader(body, "sha-256"));
    SignatureParameters params =
        SignatureParameters.of(
                List.of("@method", "@target-uri", "@authority", "date", "content-digest"), created)
            .withExpires(created.plusSeconds(60));
    HttpRequestView expired =
        new Rfc9421Signer(
                new SigningKey(eve + "#ed", SignatureAlgorithm.ED25519, ed.getPrivate()),
                Clock.systemUTC())
            .sign(r, params)
            .applyTo(r);
    assertRefused(expired, 401);
    // the same, expiring in a minute, is fine
    HttpRequestView fresh =
        new Rfc9421Signer(
                new SigningKey(eve + "#ed", SignatureAlgorithm.ED25519, ed.getPrivate()),
                Clock.systemUTC())
            .sign(r, params.withExpires(Instant.now().plusSeconds(60)))
            .applyTo(r);
    assertAccepted(fresh);
  }

  // --- 4. malformed text ---

  @Test
  void malformedUtf8_surrogates_andUtf16_areRefused() throws Exception {
    String json = activity("Create", note(newObjectId()).put("content", "MARK")).toString();
    int at = json.indexOf("MARK");
    byte[] head = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
    byte[] tail = json.substring(at + 4).getBytes(StandardCharsets.UTF_8);
    for (byte[] evil :
        List.of(
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82})) {
      byte[] body = new byte[head.length + evil.length + tail.length];
      System.arraycopy(head, 0, body, 0, head.length);
      System.arraycopy(evil, 0, body, head.length, evil.length);
      System.arraycopy(tail, 0, body, head.length + evil.length, tail.length);
      assertRefused(signed(body, "application/activity+json"), 400);
    }
    // UTF-16 with a byte order mark, big and little endian, and UTF-8 with one
    String plain = activity("Create", note(newObjectId())).toString();
    assertRefused(
        signed(plain.getBytes(StandardCharsets.UTF_16), "application/activity+json"), 400);
    byte[] le = plain.getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[le.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(le, 0, withBom, 2, le.length);
    assertRefused(signed(withBom, "application/activity+json"), 400);
    assertRefused(
        signed(("\uFEFF" + plain).getBytes(StandardCharsets.UTF_8), "application/activity+json"),
        400);
    // a lone surrogate through a JSON escape
    String escaped = json.replace("MARK", "\\ud800x");
    assertRefused(
        signed(escaped.getBytes(StandardCharsets.UTF_8), "application/activity+json"), 400);
    // well-formed Arabic and an emoji pass
    assertAccepted(
        signed(
            json.replace("MARK", "مرحبا 🌿").getBytes(StandardCharsets.UTF_8),
            "application/activity+json"));
  }

  // --- 5. media types compared exactly ---

  @Test
  void lookAlikeMediaTypes_areRefused_exactOnesAccepted() throws Exception {
    for (String type :
        List.of(
            "application/activity+jsonx",
            "application/activity+json-seq",
            "application/jsonp",
            "application/ld+json",
            "application/ld+json; profile=\"https://example.org/not-as\"",
            "application/activity+json; charset=utf-16",
            "text/plain",
            "application/activity+json;;x")) {
      byte[] body =
          activity("Create", note(newObjectId())).toString().getBytes(StandardCharsets.UTF_8);
      assertRefused(signed(body, type), 415);
    }
    for (String type :
        List.of(
            "application/activity+json",
            "Application/Activity+JSON; charset=UTF-8",
            "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"",
            "application/ld+json;profile=\"https://www.w3.org/ns/activitystreams https://example.org/x\"")) {
      byte[] body =
          activity("Create", note(newObjectId())).toString().getBytes(StandardCharsets.UTF_8);
      assertAccepted(signed(body, type));
    }
  }

  // --- 6. embedded proofs must hold ---

  ObjectNode proven(ObjectNode object, KeyPair key, String keyId) {
    return ObjectProofs.sign(
        object,
        new SigningKey(keyId, SignatureAlgorithm.ED25519, key.getPrivate()),
        Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  @Test
  void falselyProvenObjectsAndActivities_areRefused() throws Exception {
    // tampered after signing
    ObjectNode tampered = proven(note(newObjectId()), ed, eve + "#ed");
    tampered.put("content", "changed after signing");
    assertRefused(signed(activity("Create", tampered)), 403);
    // another purpose
    ObjectNode auth = proven(note(newObjectId()), ed, eve + "#ed");
    ((ObjectNode) auth.get("proof")).put("proofPurpose", "authentication");
    assertRefused(signed(activity("Create", auth)), 403);
    // an unknown cryptosuite
    ObjectNode suite = proven(note(newObjectId()), ed, eve + "#ed");
    ((ObjectNode) suite.get("proof")).put("cryptosuite", "eddsa-rdfc-2022");
    assertRefused(signed(activity("Create", suite)), 403);
    // a key that is not the author's
    assertRefused(
        signed(activity("Create", proven(note(newObjectId()), intruder, eve + "#ed"))), 403);
    assertRefused(
        signed(activity("Create", proven(note(newObjectId()), intruder, ALICE + "#main-key"))),
        403);
    // a false proof on the activity itself
    ObjectNode outer = proven(activity("Create", note(newObjectId())), ed, eve + "#ed");
    outer.put("published", "2026-01-01T00:00:00Z");
    assertRefused(signed(outer), 403);
    // proofs that hold are accepted, on the object and on the activity
    assertAccepted(signed(activity("Create", proven(note(newObjectId()), ed, eve + "#ed"))));
    assertAccepted(
        signed(
            proven(
                activity("Create", proven(note(newObjectId()), ed, eve + "#ed")),
                ed,
                eve + "#ed")));
  }

  // --- 16. received content against the shared taxonomies ---

  @Test
  void madeUpSectorsAndRegions_areRefused_knownOnesAccepted() throws Exception {
    ObjectNode sector = note(newObjectId());
    sector.putArray("sectors").add("health").add("weapons-procurement");
    assertRefused(signed(activity("Create", sector)), 422);
    ObjectNode region = note(newObjectId());
    region.putArray("regions").add("atlantis");
    assertRefused(signed(activity("Create", region)), 422);
    ObjectNode place = note(newObjectId());
    place.putObject("location").put("type", "Place").put("region", "el-dorado");
    assertRefused(signed(activity("Create", place)), 422);
    ObjectNode shape = note(newObjectId());
    shape.putArray("sectors").addObject().put("id", "health");
    assertRefused(signed(activity("Create", shape)), 422);
    ObjectNode ok = note(newObjectId());
    ok.putArray("sectors").add("health").add("education");
    assertAccepted(signed(activity("Create", ok)));
  }
}
