package org.madani.node.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;

/**
 * What a validly signed but hostile actor on another server can and cannot do to collaboration
 * records (issue 16): it cannot answer in someone else's name, accept an answer to a question it
 * did not ask, correct an entry it did not write, or revoke someone else's attestation; its own
 * attestation is kept but counted only where its attester is trusted (here: nowhere).
 */
class CollabHostileIT {

  @TempDir static Path dir;
  static TestNode a;
  static FakeParticipant eve;
  static final Duration WAIT = Duration.ofSeconds(30);

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false);
    eve = new FakeParticipant();
  }

  @AfterAll
  static void stop() {
    if (a != null) a.close();
    if (eve != null) eve.close();
  }

  static ObjectNode activity(String type, String actor, String n, JsonNode object) {
    ObjectNode o =
        TestNode.JSON
            .createObjectNode()
            .put("id", actor + "/activities/" + n)
            .put("type", type)
            .put("actor", actor);
    o.putArray("@context").add("https://www.w3.org/ns/activitystreams");
    o.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
    o.set("object", object);
    return o;
  }

  /**
   * Sends {@code activity} as eve; if A's inbox took it (202), waits until it was processed,
   * whatever it did with it; else it was refused at the door with a 4xx. Returns the status.
   */
  static int send(ObjectNode activity) throws Exception {
    var r = eve.post(a, "/orgs/alef/inbox", activity.get("actor").asText(), activity);
    assertThat(r.statusCode()).as(r.body()).isIn(202, 400, 401, 403, 422);
    if (r.statusCode() == 202) processed(activity);
    return r.statusCode();
  }

  static void processed(ObjectNode activity) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                a.count(
                        "SELECT COUNT(*) FROM inbox WHERE activity_id = '"
                            + activity.get("id").asText()
                            + "' AND state = 'done'")
                    == 1);
  }

  static JsonNode facts(String subject) throws Exception {
    return TestNode.json(
        a.api(
            "GET",
            "/api/v1/facts?subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8),
            null));
  }

  @Test
  void aHostileActorCannotSpeakForOthers() throws Exception {
    String question =
        TestNode.json(
                a.api(
                    "POST",
                    "/api/v1/organizations/alef/questions",
                    "{\"name\":{\"en\":\"Who repairs solar pumps?\"}}"))
            .get("id")
            .asText();
    JsonNode entry =
        TestNode.json(
            a.api(
                "POST",
                a.entriesPath(),
                "{\"kind\":\"project\",\"title\":{\"en\":\"Solar pumps\"}}"));
    String entryUrl = entry.get("url").asText();
    String me = eve.actor("eve");

    // an answer attributed to someone else is not kept; eve's own answer is
    ObjectNode forged =
        TestNode.JSON
            .createObjectNode()
            .put("id", me + "/notes/1")
            .put("type", "Note")
            .put("attributedTo", "https://beit.example/orgs/beit")
            .put("inReplyTo", question)
            .put("content", "forged");
    ObjectNode c1 = activity("Create", me, "1", forged);
    assertThat(send(c1)).isNotEqualTo(202);
    ObjectNode own =
        forged
            .deepCopy()
            .put("id", me + "/notes/2")
            .put("attributedTo", me)
            .put("content", "<p>mine</p>");
    ObjectNode c2 = activity("Create", me, "2", own);
    assertThat(send(c2)).isEqualTo(202);
    JsonNode answers =
        TestNode.json(a.api("GET", "/api/v1/organizations/alef/questions", null))
            .at("/asked/0/answers");
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0).get("author").asText()).isEqualTo(me);
    assertThat(answers.get(0).get("content").asText()).isEqualTo("mine");

    // eve cannot accept an answer to A's question
    ObjectNode q =
        TestNode.JSON
            .createObjectNode()
            .put("id", question)
            .put("type", "Question")
            .put("attributedTo", me)
            .put("acceptedAnswer", me + "/notes/2");
    ObjectNode u1 = activity("Update", me, "3", q);
    send(u1);

    // eve's attestation of A's entry is kept but not counted (A's node does not trust eve)
    ObjectNode att =
        TestNode.JSON
            .createObjectNode()
            .put("id", me + "/attestations/1")
            .put("type", "Attestation")
            .put("attributedTo", me)
            .put("object", entryUrl)
            .put("verifiedOn", "2026-11-01");
    att.putObject("methodMap").put("en", "I say so");
    ObjectNode c3 = activity("Create", me, "4", att);
    assertThat(send(c3)).isEqualTo(202);
    assertThat(facts(entryUrl).get("attestations")).hasSize(1);
    assertThat(facts(entryUrl).get("verifiedByTrusted").asInt()).isZero();
    String page = a.get("/orgs/alef/entries/" + entry.get("id").asText() + "?lang=en").body();
    assertThat(page).doesNotContain("organization you trust", "I say so");

    // eve cannot correct A's entry (its Update of an object on A's origin is refused or ignored)
    ObjectNode corrected =
        TestNode.JSON
            .createObjectNode()
            .put("id", entryUrl)
            .put("type", "Note")
            .put("attributedTo", me);
    corrected
        .putObject("correction")
        .put("id", entryUrl + "#correction-x")
        .put("type", "Correction")
        .put("kind", "retraction")
        .put("published", "2026-12-01T00:00:00Z")
        .putObject("contentMap")
        .put("en", "fake");
    send(activity("Update", me, "5", corrected));

    // a Delete naming someone else's attestation id changes nothing; eve may revoke its own
    // tcit, on eve's very server (same origin), attests too; eve's Delete of tcit's attestation
    // changes nothing
    String tcit = eve.actor("tcit");
    ObjectNode att2 = att.deepCopy().put("id", tcit + "/attestations/2").put("attributedTo", tcit);
    assertThat(send(activity("Create", tcit, "8", att2))).isEqualTo(202);
    assertThat(facts(entryUrl).get("attestations")).hasSize(2);
    assertThat(
            send(
                activity(
                    "Delete",
                    me,
                    "6",
                    TestNode.JSON.getNodeFactory().textNode(tcit + "/attestations/2"))))
        .isEqualTo(202);
    assertThat(
            TestNode.json(a.api("GET", "/api/v1/organizations/alef/questions", null))
                .at("/asked/0")
                .has("acceptedAnswer"))
        .isFalse();
    assertThat(facts(entryUrl).get("corrections")).isEmpty();
    assertThat(
            send(
                activity(
                    "Delete",
                    me,
                    "7",
                    TestNode.JSON.getNodeFactory().textNode(me + "/attestations/1"))))
        .isEqualTo(202);
    assertThat(facts(entryUrl).get("attestations"))
        .extracting(x -> x.get("attester").asText())
        .containsExactly(tcit);
  }
}
