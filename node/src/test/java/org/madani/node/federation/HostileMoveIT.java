package org.madani.node.federation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.madani.node.federation.sig.HttpRequestView;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.Rfc9421Signer;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SigningKey;

/**
 * A followed actor that sends {@code Move} (issue 15 item 5) cannot redirect a real node's follow
 * to an actor that does not claim it: eve (played by WireMock) is followed by the node's
 * organization; her Move of someone else, and her Move to mallory (whose document does not name her
 * in {@code alsoKnownAs}), are processed and change nothing, and mallory never gets a Follow. Her
 * honest Move to eve2 (which names her) is then followed, so the refusals are not vacuous.
 */
class HostileMoveIT {

  static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  WireMockServer peer;
  TestNode node;
  KeyPair ed;
  String eve;

  @AfterEach
  void stop() {
    if (node != null) node.close();
    if (peer != null) peer.stop();
  }

  @Test
  void moveToAnActorThatDoesNotNameTheMover_orOfAnotherActor_changesNoFollow() throws Exception {
    ed = Keys.generateEd25519(new SecureRandom());
    peer = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    peer.start();
    String root = "http://127.0.0.1:" + peer.port();
    eve = root + "/users/eve";
    String mallory = root + "/users/mallory";
    String eve2 = root + "/users/eve2";
    stubActor("eve", null);
    stubActor("mallory", null);
    stubActor("eve2", eve);
    node = TestNode.start(dir.resolve("n"), "sawa", false);

    // The node's organization follows eve; eve accepts.
    HttpResponse<String> f =
        node.api("POST", "/api/v1/organizations/sawa/following", "{\"actor\":\"" + eve + "\"}");
    assertThat(f.statusCode()).as(f.body()).isEqualTo(202);
    String followId = await().atMost(WAIT).until(() -> followSentTo("eve"), id -> id != null);
    ObjectNode accept = activity("Accept");
    accept.put("object", followId);
    assertThat(deliver(accept).statusCode()).isEqualTo(202);
    await().atMost(WAIT).until(() -> following().contains(eve + " accepted"));

    // Eve "moves" alice: only an actor may move itself.
    ObjectNode other = activity("Move");
    other.put("object", "https://alice.example/users/alice").put("target", eve2);
    processed(other);
    // Eve moves to mallory, whose document does not name her.
    ObjectNode hijack = activity("Move");
    hijack.put("object", eve).put("target", mallory);
    processed(hijack);
    assertThat(following())
        .contains(eve + " accepted")
        .doesNotContain(mallory)
        .doesNotContain(eve2);
    assertThat(peer.findAll(postRequestedFor(urlPathEqualTo("/users/mallory/inbox")))).isEmpty();
    assertThat(peer.findAll(postRequestedFor(urlPathEqualTo("/users/eve2/inbox")))).isEmpty();

    // The honest Move: eve2 names eve in alsoKnownAs; the follow moves there.
    ObjectNode honest = activity("Move");
    honest.put("object", eve).put("target", eve2);
    processed(honest);
    await()
        .atMost(WAIT)
        .until(() -> following().contains(eve2 + " ") && !following().contains(eve + " "));
    assertThat(followSentTo("eve2")).isNotNull();
    assertThat(following()).doesNotContain(mallory);
    assertThat(node.get("/readyz").statusCode()).isEqualTo(200);
  }

  /**
   * Eve's actor document at /users/{name}, with her key (all three are hers), naming {@code aka} if
   * given.
   */
  void stubActor(String name, String aka) {
    String id = "http://127.0.0.1:" + peer.port() + "/users/" + name;
    ObjectNode actor = TestNode.JSON.createObjectNode();
    actor
        .putArray("@context")
        .add("https://www.w3.org/ns/activitystreams")
        .add("https://w3id.org/security/v1");
    actor
        .put("id", id)
        .put("type", "Person")
        .put("preferredUsername", name)
        .put("inbox", id + "/inbox");
    actor
        .putArray("assertionMethod")
        .addObject()
        .put("id", id + "#ed")
        .put("type", "Multikey")
        .put("controller", id)
        .put("publicKeyMultibase", Keys.toMultibase(ed.getPublic()));
    if (aka != null) actor.putArray("alsoKnownAs").add(aka);
    peer.stubFor(
        get(urlPathEqualTo("/users/" + name))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/activity+json")
                    .withBody(actor.toString())));
    peer.stubFor(
        post(urlPathEqualTo("/users/" + name + "/inbox")).willReturn(aResponse().withStatus(202)));
  }

  /** The id of the Follow the node delivered to {@code name}'s inbox, or null. */
  String followSentTo(String name) throws Exception {
    for (var r : peer.findAll(postRequestedFor(urlPathEqualTo("/users/" + name + "/inbox")))) {
      JsonNode body = TestNode.JSON.readTree(r.getBodyAsString());
      if ("Follow".equals(body.path("type").asText())) return body.path("id").asText();
    }
    return null;
  }

  ObjectNode activity(String type) {
    ObjectNode a = TestNode.JSON.createObjectNode();
    a.put("@context", "https://www.w3.org/ns/activitystreams");
    a.put("id", eve + "/activities/" + UUID.randomUUID()).put("type", type).put("actor", eve);
    a.putArray("to").add(node.base() + "/orgs/sawa");
    return a;
  }

  /** Posts the activity (accepted: 202) and waits until the node has handled it. */
  void processed(ObjectNode activity) throws Exception {
    HttpResponse<String> r = deliver(activity);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    String id = activity.get("id").asText().replace("'", "''");
    await()
        .atMost(WAIT)
        .until(
            () ->
                node.count(
                        "SELECT COUNT(*) FROM inbox WHERE activity_id = '"
                            + id
                            + "' AND state <> 'pending'")
                    == 1);
    assertThat(
            node.count(
                "SELECT COUNT(*) FROM inbox WHERE activity_id = '" + id + "' AND state = 'done'"))
        .as("handled without failure")
        .isEqualTo(1);
  }

  HttpResponse<String> deliver(ObjectNode activity) throws Exception {
    byte[] body = activity.toString().getBytes(StandardCharsets.UTF_8);
    HttpRequestView signed =
        new Rfc9421Signer(
                new SigningKey(eve + "#ed", SignatureAlgorithm.ED25519, ed.getPrivate()),
                Clock.systemUTC())
            .signRequest(
                HttpRequestView.of(
                    "POST",
                    URI.create(node.base() + "/orgs/sawa/inbox"),
                    Map.of(
                        "host",
                        node.base().getRawAuthority(),
                        "content-type",
                        "application/activity+json"),
                    body));
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
        node.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    assertThat(r.statusCode()).as("never a 5xx: " + r.body()).isLessThan(500);
    return r;
  }

  /** "actor state" per follow of the organization. */
  String following() throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode i :
        TestNode.json(node.api("GET", "/api/v1/organizations/sawa/following", null))
            .path("items")) {
      out.add(i.path("actor").asText() + " " + i.path("state").asText());
    }
    return String.join("\n", out) + "\n";
  }
}
