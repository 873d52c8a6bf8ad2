package org.madani.node.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.ObjectProofs;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.VerificationKey;

/**
 * Collaboration across three real nodes on loopback (issue 16): invitations from A reach
 * organizations on B and C, their answers come back and A counts them; and a Mobilizon participant
 * (the Join of Mobilizon's own test fixture, sent from a loopback server with Mobilizon's signature
 * scheme) is answered by join mode and capacity.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CollaborationIT {

  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static TestNode c;
  static FakeParticipant mobilizon;
  static final Duration WAIT = Duration.ofSeconds(30);
  static String eventId;
  static final CollabSchemas SCHEMAS = new CollabSchemas();

  /**
   * The documents of one type a node received, in the order it received them. A node keeps the
   * document of an activity it applied in a batch (Create, Update, Delete) only as long as it needs
   * it: once applied, its inbox row keeps the id alone (InboxRepository.finishApplied). Those are
   * read from their sender's outbox, which holds exactly the bytes it delivered; {@code senders}
   * are the nodes that may have sent them (each node's H2 file in the same JVM, or its PostgreSQL
   * database).
   */
  static java.util.List<JsonNode> inboxDocuments(TestNode n, String type, TestNode... senders)
      throws Exception {
    java.util.List<JsonNode> out = new java.util.ArrayList<>();
    try (var conn = n.openDatabase();
        var ps =
            conn.prepareStatement(
                "SELECT activity_id, document FROM inbox WHERE type = ? ORDER BY id")) {
      ps.setString(1, type);
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          String document = rs.getString(2);
          if (document == null || document.isEmpty()) document = sent(rs.getString(1), senders);
          if (document != null) out.add(TestNode.JSON.readTree(document));
        }
      }
    }
    return out;
  }

  /** An activity as its sender stored it in its outbox, or null when none of them sent it. */
  private static String sent(String activityId, TestNode... senders) throws Exception {
    for (TestNode s : senders) {
      try (var conn = s.openDatabase();
          var ps = conn.prepareStatement("SELECT document FROM outbox WHERE activity_id = ?")) {
        ps.setString(1, activityId);
        try (var rs = ps.executeQuery()) {
          if (rs.next()) return rs.getString(1);
        }
      }
    }
    return null;
  }

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false);
    b = TestNode.start(dir.resolve("b"), "beit", false);
    c = TestNode.start(dir.resolve("c"), "jeem", false);
    mobilizon = new FakeParticipant();
  }

  @AfterAll
  static void stop() {
    for (TestNode n : new TestNode[] {a, b, c}) if (n != null) n.close();
    if (mobilizon != null) mobilizon.close();
  }

  static String actor(TestNode n) {
    return n.base() + "/orgs/" + n.handle();
  }

  static HttpResponse<String> ok(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return r;
  }

  static String event(TestNode n, String visibility, String en) throws Exception {
    String body =
        "{\"kind\":\"event\",\"visibility\":\""
            + visibility
            + "\",\"title\":{\"ar\":\"ورشة عمل مشتركة\",\"en\":\""
            + en
            + "\"},\"startTime\":\"2027-03-01T10:00:00+03:00\",\"timeZone\":\"Asia/Damascus\","
            + "\"onlineUrl\":\"https://meet.example.org/w\"}";
    return TestNode.json(ok(n.api("POST", n.entriesPath(), body), 201)).get("id").asText();
  }

  static JsonNode received(TestNode n) throws Exception {
    return TestNode.json(n.api("GET", "/api/v1/organizations/" + n.handle() + "/invitations", null))
        .get("items");
  }

  static JsonNode counts() throws Exception {
    return TestNode.json(
            a.api("GET", "/api/v1/organizations/alef/entries/" + eventId + "/invitations", null))
        .get("counts");
  }

  @Test
  @Order(1)
  void invitationFromA_reachesBAndC_andTheirAnswersAreCounted() throws Exception {
    eventId = event(a, "public", "Joint workshop");
    JsonNode sent =
        TestNode.json(
                ok(
                    a.api(
                        "POST",
                        "/api/v1/organizations/alef/entries/" + eventId + "/invitations",
                        "{\"invitees\":[\""
                            + actor(b)
                            + "\",\""
                            + actor(c)
                            + "\"],\"note\":\"نرجو حضوركم\"}"),
                    201))
            .get("items");
    assertThat(sent)
        .hasSize(2)
        .allSatisfy(i -> assertThat(i.get("state").asText()).isEqualTo("pending"));
    // inviting again does not send a second Invite
    ok(
        a.api(
            "POST",
            "/api/v1/organizations/alef/entries/" + eventId + "/invitations",
            "{\"invitees\":[\"" + actor(b) + "\"]}"),
        201);
    assertThat(a.count("SELECT COUNT(*) FROM outbox WHERE type = 'Invite'")).isEqualTo(2);

    JsonNode atB = await().atMost(WAIT).until(() -> received(b), i -> i.size() == 1).get(0);
    JsonNode atC = await().atMost(WAIT).until(() -> received(c), i -> i.size() == 1).get(0);
    assertThat(atB.get("inviter").asText()).isEqualTo(actor(a));
    assertThat(atB.at("/eventName/ar").asText()).isEqualTo("ورشة عمل مشتركة");
    assertThat(atB.get("note").asText()).isEqualTo("نرجو حضوركم");
    assertThat(atB.get("startTime").asText()).isEqualTo("2027-03-01T07:00:00Z");
    assertThat(atC.get("invitee").asText()).isEqualTo(actor(c));

    ok(
        b.api(
            "POST",
            "/api/v1/organizations/beit/invitations/" + atB.get("id").asLong() + "/answer",
            "{\"answer\":\"accept\"}"),
        200);
    ok(
        c.api(
            "POST",
            "/api/v1/organizations/jeem/invitations/" + atC.get("id").asLong() + "/answer",
            "{\"answer\":\"tentative\"}"),
        200);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode n = counts();
              assertThat(n.get("accepted").asInt()).isEqualTo(1);
              assertThat(n.get("tentative").asInt()).isEqualTo(1);
              assertThat(n.get("pending").asInt()).isZero();
            });
    // C changes its mind: declined
    ok(
        c.api(
            "POST",
            "/api/v1/organizations/jeem/invitations/" + atC.get("id").asLong() + "/answer",
            "{\"answer\":\"decline\"}"),
        200);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode n = counts();
              assertThat(n.get("declined").asInt()).isEqualTo(1);
              assertThat(n.get("tentative").asInt()).isZero();
              assertThat(n.get("accepted").asInt()).isEqualTo(1);
            });
    // the invitation as an .ics request carries each invitee's answer
    String icsB =
        ok(
                b.api(
                    "GET",
                    "/api/v1/organizations/beit/invitations/"
                        + atB.get("id").asLong()
                        + "/invitation.ics",
                    null),
                200)
            .body();
    assertThat(icsB)
        .contains(
            "METHOD:REQUEST", "PARTSTAT=ACCEPTED", "ORGANIZER:" + actor(a), "ورشة عمل مشتركة");
    assertThat(
            ok(
                    c.api(
                        "GET",
                        "/api/v1/organizations/jeem/invitations/"
                            + atC.get("id").asLong()
                            + "/invitation.ics",
                        null),
                    200)
                .body())
        .contains("PARTSTAT=DECLINED")
        .doesNotContain("PARTSTAT=TENTATIVE");
    ok(b.api("GET", "/api/v1/organizations/beit/invitations/999999/invitation.ics", null), 404);
    ok(
        b.api(
            "POST",
            "/api/v1/organizations/beit/invitations/" + atB.get("id").asLong() + "/answer",
            "{\"answer\":\"maybe-later\"}"),
        422);
    ok(
        b.api(
            "POST",
            "/api/v1/organizations/beit/invitations/999999/answer",
            "{\"answer\":\"accept\"}"),
        404);

    // every document as it went over the wire validates against protocol-spec/schemas/collab
    JsonNode invite = inboxDocuments(b, "Invite").get(0);
    SCHEMAS.assertValid("invite.schema.json", invite);
    assertThat(invite.get("to")).extracting(JsonNode::asText).containsExactly(actor(b));
    assertThat(invite.at("/object/proof/cryptosuite").asText()).isEqualTo("eddsa-jcs-2022");
    assertProofByA(invite);
    for (String type : java.util.List.of("Accept", "TentativeAccept", "Reject")) {
      java.util.List<JsonNode> answers = inboxDocuments(a, type);
      assertThat(answers).as(type).isNotEmpty();
      answers.forEach(d -> SCHEMAS.assertValid("answer.schema.json", d));
    }
    JsonNode participation =
        TestNode.json(
            ok(
                a.api(
                    "GET",
                    "/api/v1/organizations/alef/entries/" + eventId + "/participation",
                    null),
                200));
    assertThat(participation.get("participantCount").asInt()).isEqualTo(1);
    // the public list of a public event names who comes
    JsonNode pub = TestNode.json(ok(a.get("/orgs/alef/entries/" + eventId + "/participants"), 200));
    assertThat(pub.get("items")).extracting(JsonNode::asText).containsExactly(actor(b));
    assertThat(pub.has("invitations")).isFalse();
    SCHEMAS.assertValid("participants.schema.json", pub);
  }

  @Test
  @Order(2)
  void participantListsFollowTheEventsVisibility() throws Exception {
    String network = event(a, "network", "Partners only");
    ok(a.get("/orgs/alef/entries/" + network + "/participants"), 404);
    ok(a.api("GET", "/api/v1/organizations/alef/entries/" + network + "/participation", null), 200);
    ok(a.get("/orgs/alef/entries/nope/participants"), 404);
  }

  static ObjectNode mobilizonJoin(String actor, String event, String n) throws Exception {
    ObjectNode join;
    try (InputStream in =
        CollaborationIT.class.getResourceAsStream("/fediverse/mobilizon-join-activity.json")) {
      join = (ObjectNode) TestNode.JSON.readTree(in);
    }
    assertThat(join.get("type").asText()).isEqualTo("Join");
    // The fixture's hosts (mobilizon.test) become the loopback server and A's event; its LD
    // signature
    // (RsaSignature2017 by a key we do not have) is left out: the request's HTTP signature
    // authenticates it.
    join.remove("signature");
    join.put("actor", actor).put("id", actor + "/join/event/" + n).put("object", event);
    return join;
  }

  static JsonNode participation(String id) throws Exception {
    return TestNode.json(
        a.api("GET", "/api/v1/organizations/alef/entries/" + id + "/participation", null));
  }

  @Test
  @Order(3)
  void mobilizonJoin_isAnsweredByJoinModeAndCapacity() throws Exception {
    String open = event(a, "public", "Open day");
    ok(
        a.api(
            "PUT",
            "/api/v1/organizations/alef/entries/" + open + "/participation",
            "{\"joinMode\":\"free\",\"maximumAttendeeCapacity\":1}"),
        200);
    String eventUrl = a.base() + "/orgs/alef/entries/" + open;
    String inbox = "/orgs/alef/inbox";

    ObjectNode join = mobilizonJoin(mobilizon.actor("admin"), eventUrl, "1");
    SCHEMAS.assertValid("join.schema.json", join);
    ok(mobilizon.post(a, inbox, mobilizon.actor("admin"), join), 202);
    JsonNode accept =
        await()
            .atMost(WAIT)
            .until(() -> mobilizon.answers("Accept", join.get("id").asText()), l -> !l.isEmpty())
            .get(0);
    assertThat(accept.get("actor").asText()).isEqualTo(actor(a));
    assertThat(accept.get("to"))
        .extracting(JsonNode::asText)
        .containsExactly(mobilizon.actor("admin"));
    assertProofByA(accept);
    SCHEMAS.assertValid("answer.schema.json", accept);
    assertThat(participation(open).get("participantCount").asInt()).isEqualTo(1);

    // full: the second participant is refused
    ObjectNode second = mobilizonJoin(mobilizon.actor("tcit"), eventUrl, "2");
    ok(mobilizon.post(a, inbox, mobilizon.actor("tcit"), second), 202);
    await()
        .atMost(WAIT)
        .until(() -> mobilizon.answers("Reject", second.get("id").asText()), l -> !l.isEmpty());
    assertThat(participation(open).get("participantCount").asInt()).isEqualTo(1);

    // Leave frees the place
    ObjectNode leave =
        join.deepCopy().put("type", "Leave").put("id", mobilizon.actor("admin") + "/leave/1");
    ok(mobilizon.post(a, inbox, mobilizon.actor("admin"), leave), 202);
    await().atMost(WAIT).until(() -> participation(open).get("participantCount").asInt() == 0);

    // approval: pending until the organizer approves, then Accept
    String approval = event(a, "public", "By approval");
    ok(
        a.api(
            "PUT",
            "/api/v1/organizations/alef/entries/" + approval + "/participation",
            "{\"joinMode\":\"restricted\"}"),
        200);
    ObjectNode asks =
        mobilizonJoin(mobilizon.actor("tcit"), a.base() + "/orgs/alef/entries/" + approval, "3");
    ok(mobilizon.post(a, inbox, mobilizon.actor("tcit"), asks), 202);
    JsonNode pending =
        await()
            .atMost(WAIT)
            .until(() -> participation(approval).get("participants"), p -> p.size() == 1)
            .get(0);
    assertThat(pending.get("state").asText()).isEqualTo("pending");
    assertThat(mobilizon.answers("Accept", asks.get("id").asText())).isEmpty();
    ok(
        a.api(
            "POST",
            "/api/v1/organizations/alef/entries/"
                + approval
                + "/participants/"
                + pending.get("id").asLong()
                + "/approve",
            "{}"),
        200);
    await()
        .atMost(WAIT)
        .until(() -> mobilizon.answers("Accept", asks.get("id").asText()), l -> !l.isEmpty());
    assertThat(participation(approval).get("participantCount").asInt()).isEqualTo(1);

    // invite-only: refused without an invitation
    String closed = event(a, "public", "Invitation only");
    ok(
        a.api(
            "PUT",
            "/api/v1/organizations/alef/entries/" + closed + "/participation",
            "{\"joinMode\":\"invite\"}"),
        200);
    ObjectNode uninvited =
        mobilizonJoin(mobilizon.actor("admin"), a.base() + "/orgs/alef/entries/" + closed, "4");
    ok(mobilizon.post(a, inbox, mobilizon.actor("admin"), uninvited), 202);
    await()
        .atMost(WAIT)
        .until(() -> mobilizon.answers("Reject", uninvited.get("id").asText()), l -> !l.isEmpty());
    ok(
        a.api(
            "PUT",
            "/api/v1/organizations/alef/entries/" + closed + "/participation",
            "{\"joinMode\":\"members\"}"),
        422);
  }

  @Test
  @Order(4)
  void anAnswerCountsOnlyFromTheInvitee() throws Exception {
    // The Mobilizon participant was not invited; its Accept of B's Invite (validly signed by
    // itself) changes nothing.
    String inviteToB =
        TestNode.json(
                a.api(
                    "GET", "/api/v1/organizations/alef/entries/" + eventId + "/invitations", null))
            .get("items")
            .get(0)
            .get("activity")
            .asText();
    ObjectNode forged =
        TestNode.JSON
            .createObjectNode()
            .put("type", "Accept")
            .put("id", mobilizon.actor("admin") + "/accept/forged")
            .put("actor", mobilizon.actor("admin"))
            .put("object", inviteToB);
    forged.putArray("@context").add("https://www.w3.org/ns/activitystreams");
    ok(mobilizon.post(a, "/orgs/alef/inbox", mobilizon.actor("admin"), forged), 202);
    ObjectNode decline =
        forged
            .deepCopy()
            .put("type", "Reject")
            .put("id", mobilizon.actor("admin") + "/reject/forged");
    ok(mobilizon.post(a, "/orgs/alef/inbox", mobilizon.actor("admin"), decline), 202);
    await()
        .atMost(WAIT)
        .until(
            () ->
                a.count(
                        "SELECT COUNT(*) FROM inbox WHERE activity_id LIKE '%/forged' "
                            + "AND state = 'done'")
                    == 2);
    JsonNode n = counts();
    assertThat(n.get("accepted").asInt()).isEqualTo(1);
    assertThat(n.get("declined").asInt()).isEqualTo(1);
  }

  /**
   * The Accept carries A's eddsa-jcs-2022 proof, checked with the key A's actor document publishes.
   */
  static void assertProofByA(JsonNode activity) throws Exception {
    JsonNode actorDoc = TestNode.json(a.get("/orgs/alef", "Accept", "application/activity+json"));
    JsonNode method = actorDoc.get("assertionMethod").get(0);
    VerificationKey key =
        new VerificationKey(
            method.get("id").asText(),
            actor(a),
            Keys.fromMultibase(method.get("publicKeyMultibase").asText()),
            java.util.Set.of(SignatureAlgorithm.ED25519));
    var v =
        ObjectProofs.verify(
            (ObjectNode) activity,
            id -> id.equals(key.keyId()) ? Optional.of(key) : Optional.empty());
    assertThat(v.isVerified()).as(v.toString()).isTrue();
  }

  /**
   * Every collaboration document A, B and C sent one another (Invite, Accept, TentativeAccept,
   * Reject) and what A answered the Mobilizon participants' Joins with verify in the independent
   * Python verifier, and a tampered copy of each does not.
   */
  @Test
  @Order(99)
  void everyDocumentsProof_isAcceptedByTheIndependentVerifier() throws Exception {
    var out = IndependentProofs.verifyAll(dir.resolve("proofs"), mobilizon.received, a, b, c);
    assertThat(out.kinds())
        .as(out.output())
        .contains(
            "Invite(Event)",
            "Accept",
            "TentativeAccept",
            "Reject",
            "Accept to a participant",
            "Reject to a participant");
  }
}
