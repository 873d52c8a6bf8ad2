package org.madani.node.federation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.madani.node.federation.sig.CavageSigner;
import org.madani.node.federation.sig.HttpRequestView;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.Rfc9421Signer;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SigningKey;

/**
 * A hostile or sloppy remote actor, played by WireMock (it serves only the actor document with its
 * keys), posting to a real node's inbox: what is properly signed is stored once; forged, replayed,
 * digest-mismatched, wrong-origin, unsigned and oversized requests are refused and nothing is
 * stored. A node outside development mode never fetches a loopback address.
 */
class InboxSecurityIT {

  @TempDir static Path dir;
  static WireMockServer peer;
  static TestNode node;
  static TestNode strictNode;
  static KeyPair rsa;
  static KeyPair ed;
  static KeyPair intruder;
  static String mallory;

  @BeforeAll
  static void start() throws Exception {
    SecureRandom random = new SecureRandom();
    rsa = Keys.generateRsa2048(random);
    ed = Keys.generateEd25519(random);
    intruder = Keys.generateEd25519(random);
    peer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    peer.start();
    mallory = "http://127.0.0.1:" + peer.port() + "/users/mallory";
    ObjectNode actor = TestNode.JSON.createObjectNode();
    actor
        .putArray("@context")
        .add("https://www.w3.org/ns/activitystreams")
        .add("https://w3id.org/security/v1");
    actor
        .put("id", mallory)
        .put("type", "Person")
        .put("preferredUsername", "mallory")
        .put("inbox", mallory + "/inbox");
    actor
        .putObject("publicKey")
        .put("id", mallory + "#main-key")
        .put("owner", mallory)
        .put("publicKeyPem", Keys.toPem(rsa.getPublic()));
    actor
        .putArray("assertionMethod")
        .addObject()
        .put("id", mallory + "#ed")
        .put("type", "Multikey")
        .put("controller", mallory)
        .put("publicKeyMultibase", Keys.toMultibase(ed.getPublic()));
    peer.stubFor(
        get(urlPathEqualTo("/users/mallory"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/activity+json")
                    .withBody(actor.toString())));
    node = TestNode.start(dir.resolve("n"), "sawa", false);
    strictNode =
        TestNode.start(
            dir.resolve("strict"), "strict", false, false, URI.create("https://madani.test"));
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
    if (strictNode != null) strictNode.close();
    if (peer != null) peer.stop();
  }

  String follow(TestNode target) {
    return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\""
        + mallory
        + "/follows/"
        + UUID.randomUUID()
        + "\",\"type\":\"Follow\",\"actor\":\""
        + mallory
        + "\",\"object\":\""
        + target.base()
        + "/orgs/"
        + target.handle()
        + "\"}";
  }

  HttpRequestView unsigned(TestNode target, String body) {
    return HttpRequestView.of(
        "POST",
        URI.create(target.base() + "/orgs/" + target.handle() + "/inbox"),
        Map.of(
            "host", target.base().getRawAuthority(), "content-type", "application/activity+json"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Fedify's way: RFC 9421 over @method @target-uri @authority date content-digest, here Ed25519.
   */
  HttpRequestView rfc9421(TestNode target, String body, KeyPair key, String keyId) {
    return rfc9421(target, body, key, keyId, Clock.systemUTC());
  }

  HttpRequestView rfc9421(TestNode target, String body, KeyPair key, String keyId, Clock clock) {
    return new Rfc9421Signer(
            new SigningKey(keyId, SignatureAlgorithm.ED25519, key.getPrivate()), clock)
        .signRequest(unsigned(target, body));
  }

  /** Mastodon's way: draft-cavage rsa-sha256 over (request-target) host date digest. */
  HttpRequestView cavage(TestNode target, String body) {
    return new CavageSigner(
            new SigningKey(
                mallory + "#main-key", SignatureAlgorithm.RSA_V1_5_SHA256, rsa.getPrivate()),
            Clock.systemUTC())
        .signRequest(unsigned(target, body));
  }

  HttpResponse<String> post(TestNode target, HttpRequestView signed) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(target.local().resolve(signed.targetUri().getRawPath()));
    signed
        .headers()
        .forEach(
            (name, values) -> {
              if (!List.of("host", "content-length").contains(name))
                values.forEach(v -> b.header(name, v));
            });
    return target.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(signed.body())).build());
  }

  long stored() throws Exception {
    return node.count("SELECT COUNT(*) FROM inbox");
  }

  @Test
  void fedifyStyleRfc9421_andMastodonStyleCavage_areAccepted_once() throws Exception {
    long before = stored();
    HttpRequestView a = rfc9421(node, follow(node), ed, mallory + "#ed");
    assertThat(post(node, a).statusCode()).isEqualTo(202);
    HttpRequestView m = cavage(node, follow(node));
    assertThat(post(node, m).statusCode()).isEqualTo(202);
    assertThat(stored()).isEqualTo(before + 2);
    // the same activity again, signed anew seconds later (a sender's retry): acknowledged, not
    // stored twice
    HttpRequestView retry =
        rfc9421(
            node,
            new String(a.body(), StandardCharsets.UTF_8),
            ed,
            mallory + "#ed",
            Clock.offset(Clock.systemUTC(), java.time.Duration.ofSeconds(3)));
    assertThat(post(node, retry).statusCode()).isEqualTo(202);
    assertThat(stored()).isEqualTo(before + 2);
  }

  @Test
  void rfc9421WithRsa_asFedifySignsWithRsaKeys_isAccepted() throws Exception {
    long before = stored();
    HttpRequestView signed =
        new Rfc9421Signer(
                new SigningKey(
                    mallory + "#main-key", SignatureAlgorithm.RSA_V1_5_SHA256, rsa.getPrivate()),
                Clock.systemUTC())
            .signRequest(unsigned(node, follow(node)));
    assertThat(signed.header("signature-input").orElseThrow()).contains("alg=\"rsa-v1_5-sha256\"");
    assertThat(post(node, signed).statusCode()).isEqualTo(202);
    assertThat(stored()).isEqualTo(before + 1);
  }

  @Test
  void replayedRequest_isRefused() throws Exception {
    HttpRequestView a = rfc9421(node, follow(node), ed, mallory + "#ed");
    assertThat(post(node, a).statusCode()).isEqualTo(202);
    long before = stored();
    assertProblem(post(node, a), 401);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void forgedSignature_isRefused() throws Exception {
    long before = stored();
    assertProblem(post(node, rfc9421(node, follow(node), intruder, mallory + "#ed")), 401);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void digestMismatch_isRefused() throws Exception {
    long before = stored();
    HttpRequestView signed = cavage(node, follow(node));
    HttpRequestView tampered = signed.withBody(follow(node).getBytes(StandardCharsets.UTF_8));
    assertProblem(post(node, tampered), 401);
    HttpRequestView signed9421 = rfc9421(node, follow(node), ed, mallory + "#ed");
    assertProblem(
        post(node, signed9421.withBody(follow(node).getBytes(StandardCharsets.UTF_8))), 401);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void unsignedRequest_isRefused() throws Exception {
    long before = stored();
    assertProblem(post(node, unsigned(node, follow(node))), 401);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void wrongOrigins_areRefused() throws Exception {
    long before = stored();
    // the activity claims another actor than the key's owner
    String otherActor =
        follow(node)
            .replace("\"actor\":\"" + mallory, "\"actor\":\"https://victim.example/users/v");
    assertProblem(post(node, rfc9421(node, otherActor, ed, mallory + "#ed")), 403);
    // the activity id lives on another origin
    String foreignId =
        follow(node).replace("\"id\":\"" + mallory, "\"id\":\"https://victim.example/x");
    assertProblem(post(node, rfc9421(node, foreignId, ed, mallory + "#ed")), 403);
    // a Create of an object that belongs to another origin
    String create =
        "{\"id\":\""
            + mallory
            + "/c/1\",\"type\":\"Create\",\"actor\":\""
            + mallory
            + "\","
            + "\"object\":{\"id\":\"https://victim.example/notes/1\",\"type\":\"Note\",\"attributedTo\":\""
            + mallory
            + "\",\"content\":\"forged\"}}";
    assertProblem(post(node, rfc9421(node, create, ed, mallory + "#ed")), 403);
    // a Delete of someone else's object
    String delete =
        "{\"id\":\""
            + mallory
            + "/d/1\",\"type\":\"Delete\",\"actor\":\""
            + mallory
            + "\","
            + "\"object\":\"https://victim.example/notes/1\"}";
    assertProblem(post(node, rfc9421(node, delete, ed, mallory + "#ed")), 403);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void oversizedBody_is413() throws Exception {
    long before = stored();
    String huge =
        follow(node).replace("\"type\"", "\"padding\":\"" + "x".repeat(300 * 1024) + "\",\"type\"");
    assertProblem(post(node, rfc9421(node, huge, ed, mallory + "#ed")), 413);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void outsideDevelopmentMode_loopbackPeersAreNeverFetched() throws Exception {
    peer.resetRequests();
    assertProblem(
        post(strictNode, rfc9421(strictNode, follow(strictNode), ed, mallory + "#ed")), 401);
    HttpResponse<String> r =
        strictNode.api(
            "POST", "/api/v1/organizations/strict/following", "{\"actor\":\"" + mallory + "\"}");
    assertProblem(r, 422);
    // (the development-mode node of the other tests may still be delivering to this peer: only
    // requests from the strict node count, recognised by the User-Agent naming its base URL)
    assertThat(
            peer.findAll(
                anyRequestedFor(anyUrl())
                    .withHeader(
                        "User-Agent",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("madani.test"))))
        .isEmpty();
    assertThat(strictNode.count("SELECT COUNT(*) FROM inbox")).isZero();
  }

  static void assertProblem(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }
}
