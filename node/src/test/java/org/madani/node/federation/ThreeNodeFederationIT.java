package org.madani.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;

/**
 * Three real nodes on loopback, each with its own H2 file, talking signed ActivityPub over real
 * HTTP: A follows B and C; B's Create, Update and Delete reach A; after Undo(Follow) nothing more.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeNodeFederationIT {

  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static TestNode c;

  static final Duration SECONDS = Duration.ofSeconds(10);

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false);
    b = TestNode.start(dir.resolve("b"), "beit", false);
    c = TestNode.start(dir.resolve("c"), "jeem", false);
  }

  @AfterAll
  static void stop() {
    for (TestNode n : new TestNode[] {a, b, c}) if (n != null) n.close();
  }

  static String actor(TestNode n) {
    return n.base() + "/orgs/" + n.handle();
  }

  @Test
  @Order(1)
  void aFollowsBAndC_andBothAccept() throws Exception {
    HttpResponse<String> r =
        a.api("POST", "/api/v1/organizations/alef/following", "{\"actor\":\"" + actor(b) + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    // by acct: address through WebFinger
    String acct = "jeem@" + c.base().getAuthority();
    r = a.api("POST", "/api/v1/organizations/alef/following", "{\"actor\":\"" + acct + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);

    await()
        .atMost(SECONDS)
        .untilAsserted(
            () -> {
              JsonNode following =
                  TestNode.json(a.api("GET", "/api/v1/organizations/alef/following", null))
                      .get("items");
              assertThat(following)
                  .hasSize(2)
                  .allSatisfy(f -> assertThat(f.get("state").asText()).isEqualTo("accepted"));
            });
    JsonNode followersOfB =
        TestNode.json(b.api("GET", "/api/v1/organizations/beit/followers", null)).get("items");
    assertThat(followersOfB)
        .singleElement()
        .satisfies(f -> assertThat(f.get("actor").asText()).isEqualTo(actor(a)));
  }

  @Test
  @Order(2)
  void eventCreatedOnB_arrivesAtA_verified() throws Exception {
    String event =
        """
        {"kind": "event", "title": {"ar": "لقاء تشاوري", "en": "Consultation meeting"},
         "startTime": "2027-02-01T10:00:00+03:00", "timeZone": "Europe/Istanbul",
         "place": {"name": {"en": "Gaziantep"}, "region": "tr-gaziantep"}}
        """;
    HttpResponse<String> created = b.api("POST", b.entriesPath(), event);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String objectId = TestNode.json(created).get("url").asText();

    JsonNode item =
        await().atMost(SECONDS).until(() -> received(a, actor(b), objectId), n -> n != null);
    assertThat(item.get("type").asText()).isEqualTo("Event");
    assertThat(item.get("audience").asText()).isEqualTo("public");
    // the object proof (FEP-8b32) of B's key was verified; the HTTP signature was checked at the
    // inbox
    assertThat(item.get("verifiedBy").asText()).isEqualTo("eddsa-jcs-2022 from origin");
    assertThat(item.at("/object/proof/cryptosuite").asText()).isEqualTo("eddsa-jcs-2022");
    assertThat(item.at("/object/nameMap/ar").asText()).isEqualTo("لقاء تشاوري");
    assertThat(item.at("/object/startTime").asText()).isEqualTo("2027-02-01T10:00:00+03:00");
    assertThat(item.at("/object/attributedTo").asText()).isEqualTo(actor(b));
  }

  @Test
  @Order(3)
  void updateAndDeleteOnB_reachA() throws Exception {
    String event =
        """
        {"kind": "event", "title": {"en": "Draft title"},
         "startTime": "2027-02-02T10:00:00+01:00", "timeZone": "Europe/Berlin", "onlineUrl": "https://meet.example.org/x"}
        """;
    JsonNode created = TestNode.json(b.api("POST", b.entriesPath(), event));
    String id = created.get("id").asText();
    String objectId = created.get("url").asText();
    await().atMost(SECONDS).until(() -> received(a, actor(b), objectId), n -> n != null);

    HttpResponse<String> updated =
        b.api("PUT", b.entriesPath() + "/" + id, event.replace("Draft title", "Final title"));
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    await()
        .atMost(SECONDS)
        .until(
            () -> received(a, actor(b), objectId),
            n -> n != null && n.at("/object/name").asText().equals("Final title"));

    assertThat(b.api("DELETE", b.entriesPath() + "/" + id, null).statusCode()).isEqualTo(204);
    await().atMost(SECONDS).until(() -> received(a, actor(b), objectId) == null);
    // the origin answers 410 Gone for the deleted object
    assertThat(
            b.get("/orgs/beit/entries/" + id, "Accept", "application/activity+json").statusCode())
        .isEqualTo(410);
  }

  @Test
  @Order(4)
  void networkEntriesReachFollowers_privateOnlyTheirRecipients() throws Exception {
    JsonNode network =
        TestNode.json(
            c.api(
                "POST",
                c.entriesPath(),
                "{\"kind\":\"need\",\"category\":\"translation\",\"visibility\":\"network\",\"title\":{\"en\":\"Translators\"}}"));
    JsonNode secret =
        TestNode.json(
            c.api(
                "POST",
                c.entriesPath(),
                "{\"kind\":\"offer\",\"category\":\"space\",\"visibility\":\"private\",\"recipients\":[\""
                    + actor(b)
                    + "\"],\"title\":{\"en\":\"Office space for B only\"}}"));
    JsonNode item =
        await()
            .atMost(SECONDS)
            .until(() -> received(a, actor(c), network.get("url").asText()), n -> n != null);
    assertThat(item.get("audience").asText()).isEqualTo("network");
    // A is not a recipient of the private offer; nobody delivered it to A's node
    assertThat(received(a, actor(c), secret.get("url").asText())).isNull();
    // and its object is not served to an unsigned fetch
    assertThat(
            c.get(
                    secret.get("url").asText().replace(c.base().toString(), ""),
                    "Accept",
                    "application/activity+json")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  @Order(5)
  void afterUndoFollow_aReceivesNothingMoreFromB() throws Exception {
    HttpResponse<String> r =
        a.api(
            "DELETE",
            "/api/v1/organizations/alef/following?actor="
                + URLEncoder.encode(actor(b), StandardCharsets.UTF_8),
            null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    await()
        .atMost(SECONDS)
        .until(
            () ->
                TestNode.json(b.api("GET", "/api/v1/organizations/beit/followers", null))
                    .get("items")
                    .isEmpty());

    JsonNode later =
        TestNode.json(
            b.api(
                "POST",
                b.entriesPath(),
                "{\"kind\":\"article\",\"title\":{\"en\":\"After the unfollow\"}}"));
    // C still delivers to A: once C's new entry has arrived, B's would have too had it been sent.
    JsonNode fromC =
        TestNode.json(
            c.api(
                "POST",
                c.entriesPath(),
                "{\"kind\":\"article\",\"title\":{\"en\":\"Still here\"}}"));
    await()
        .atMost(SECONDS)
        .until(() -> received(a, actor(c), fromC.get("url").asText()), n -> n != null);
    assertThat(received(a, actor(b), later.get("url").asText())).isNull();
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> received(a, actor(b), later.get("url").asText()) == null);
  }

  @Test
  @Order(6)
  void actorDiscovery_webfingerNodeinfoAndContentNegotiation() throws Exception {
    JsonNode jrd =
        TestNode.json(
            b.get("/.well-known/webfinger?resource=acct:beit@" + b.base().getAuthority()));
    assertThat(jrd.at("/links/0/href").asText()).isEqualTo(actor(b));
    JsonNode actorDoc =
        TestNode.json(
            b.get(
                "/orgs/beit",
                "Accept",
                "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""));
    assertThat(actorDoc.get("type").asText()).isEqualTo("Organization");
    // RSA first (Mastodon reads only the first), then the Ed25519 key RFC 9421 verifiers look up
    // here.
    assertThat(actorDoc.at("/publicKey/0/id").asText()).isEqualTo(actor(b) + "#main-key");
    assertThat(actorDoc.at("/publicKey/0/publicKeyPem").asText())
        .startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(actorDoc.at("/publicKey/1/id").asText())
        .isEqualTo(actorDoc.at("/assertionMethod/0/id").asText());
    assertThat(actorDoc.at("/assertionMethod/0/type").asText()).isEqualTo("Multikey");
    assertThat(actorDoc.at("/assertionMethod/0/publicKeyMultibase").asText()).startsWith("z6Mk");
    assertThat(actorDoc.toString()).doesNotContain("PRIVATE");
    assertThat(b.get("/orgs/beit", "Accept", "text/html").body()).contains("<html");
    JsonNode links = TestNode.json(b.get("/.well-known/nodeinfo"));
    assertThat(links.at("/links/0/rel").asText()).contains("nodeinfo");
    assertThat(TestNode.json(b.get("/nodeinfo/2.1")).at("/software/name").asText())
        .isEqualTo("madani");
    JsonNode outbox =
        TestNode.json(b.get("/orgs/beit/outbox", "Accept", "application/activity+json"));
    assertThat(outbox.get("totalItems").asInt()).isGreaterThanOrEqualTo(3);
  }

  /** The received item for {@code objectId} on {@code node}, or null. */
  static JsonNode received(TestNode node, String fromActor, String objectId) throws Exception {
    JsonNode items =
        TestNode.json(
                node.api(
                    "GET",
                    "/api/v1/organizations/"
                        + node.handle()
                        + "/received?actor="
                        + URLEncoder.encode(fromActor, StandardCharsets.UTF_8),
                    null))
            .get("items");
    for (JsonNode i : items) if (i.get("id").asText().equals(objectId)) return i;
    return null;
  }
}
