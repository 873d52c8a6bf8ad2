package org.madani.node.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Knowledge exchange and verified facts across three real nodes on loopback (issue 16): a question
 * on A is answered from B and A's page shows the answer (then the accepted one), and B's directory
 * search finds the question in both languages; an attestation by B shows on A's entry page only
 * while A's node trusts B (C, which does not, counts none); a correction by A shows as one on A's
 * page and reaches C; a dispute from C lands in A's moderation queue. Every document as it went
 * over the wire validates against its schema and carries its sender's proof.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KnowledgeAndFactsIT {

  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static TestNode c;
  static final Duration WAIT = Duration.ofSeconds(40);
  static final CollabSchemas SCHEMAS = new CollabSchemas();
  static String entryId;
  static String entryUrl;

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false);
    b = TestNode.start(dir.resolve("b"), "beit", false);
    c = TestNode.start(dir.resolve("c"), "jeem", false);
    // B and C follow A; C follows B
    follow(b, a);
    follow(c, a);
    follow(c, b);
  }

  @AfterAll
  static void stop() {
    for (TestNode n : new TestNode[] {a, b, c}) if (n != null) n.close();
  }

  static void follow(TestNode from, TestNode to) throws Exception {
    from.follow(to, WAIT);
  }

  static String actor(TestNode n) {
    return n.base() + "/orgs/" + n.handle();
  }

  static HttpResponse<String> ok(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return r;
  }

  static String page(TestNode n, String path, String lang) throws Exception {
    return ok(n.get(path + "?lang=" + lang), 200).body();
  }

  static JsonNode facts(TestNode n, String subject) throws Exception {
    return TestNode.json(
        ok(
            n.api(
                "GET",
                "/api/v1/facts?subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8),
                null),
            200));
  }

  @Test
  @Order(1)
  void questionOnA_getsAnAnswerFromB_andAsPageShowsIt() throws Exception {
    JsonNode asked =
        TestNode.json(
            ok(
                a.api(
                    "POST",
                    "/api/v1/organizations/alef/questions",
                    """
        {"name":{"ar":"كيف نوثّق الانتهاكات بأمان؟","en":"How do we document violations safely?"},
         "content":{"ar":"نبحث عن أدوات مجرّبة للتوثيق الميداني.","en":"We look for field-tested documentation tools."}}
        """),
                201));
    String question = asked.get("id").asText();
    String path = question.substring(question.indexOf("/orgs/"));
    assertThat(page(a, path, "en"))
        .contains("How do we document violations safely?", "No answers yet.");

    JsonNode atB =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    TestNode.json(b.api("GET", "/api/v1/organizations/beit/questions", null))
                        .get("received"),
                r -> r.size() == 1)
            .get(0);
    assertThat(atB.get("id").asText()).isEqualTo(question);
    assertThat(atB.at("/name/ar").asText()).isEqualTo("كيف نوثّق الانتهاكات بأمان؟");

    // B's directory search finds the question, in either language
    for (String q : new String[] {"violations", "الانتهاكات"}) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(
                          TestNode.json(
                                  b.api(
                                      "GET",
                                      "/api/v1/directory?kind=question&q="
                                          + URLEncoder.encode(q, StandardCharsets.UTF_8),
                                      null))
                              .get("items"))
                      .extracting(i -> i.get("id").asText())
                      .containsExactly(question));
    }

    JsonNode answer =
        TestNode.json(
            ok(
                b.api(
                    "POST",
                    "/api/v1/organizations/beit/answers",
                    "{\"question\":\""
                        + question
                        + "\",\"content\":\"نستخدم تطبيق Tella مع نسخ احتياطي مشفّر.\\n\\nWe use Tella <b>with</b> encrypted backups.\"}"),
                201));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        TestNode.json(a.api("GET", "/api/v1/organizations/alef/questions", null))
                            .at("/asked/0/answers"))
                    .hasSize(1));
    String ar = page(a, path, "ar");
    assertThat(ar)
        .contains(
            "dir=\"rtl\"",
            "الإجابات (1)",
            "نستخدم تطبيق Tella مع نسخ احتياطي مشفّر.",
            "We use Tella &lt;b&gt;with&lt;/b&gt; encrypted backups.",
            "أجابت");
    assertThat(ar).doesNotContain("<b>with</b>", "الإجابة المعتمدة");

    ok(
        a.api(
            "POST",
            "/api/v1/organizations/alef/questions/"
                + path.substring(path.lastIndexOf('/') + 1)
                + "/accepted",
            "{\"answer\":\"" + answer.get("id").asText() + "\"}"),
        200);
    assertThat(page(a, path, "ar")).contains("الإجابة المعتمدة");
    assertThat(page(a, path, "en")).contains("Accepted answer", "Answers (1)", "Answered by");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        TestNode.json(b.api("GET", "/api/v1/organizations/beit/questions", null))
                            .at("/received/0/acceptedAnswer")
                            .asText())
                    .as(() -> inboxStates(b))
                    .isEqualTo(answer.get("id").asText()));
    // C follows A: it has the question and, as the answer went to B's followers too, the answer
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        TestNode.json(c.api("GET", "/api/v1/organizations/jeem/questions", null))
                            .at("/received/0/answers"))
                    .hasSize(1));

    // the question's URL answers ActivityStreams JSON too
    JsonNode asJson = TestNode.json(ok(a.get(path, "Accept", "application/activity+json"), 200));
    assertThat(asJson.get("type").asText()).isEqualTo("Question");
    assertThat(asJson.get("acceptedAnswer").asText()).isEqualTo(answer.get("id").asText());

    // over the wire: schemas and proofs
    JsonNode create =
        CollaborationIT.inboxDocuments(b, "Create", a).stream()
            .filter(d -> d.at("/object/type").asText().equals("Question"))
            .findFirst()
            .orElseThrow();
    SCHEMAS.assertValid("question.schema.json", create);
    assertProof(a, create);
    assertProof(a, create.get("object"));
    JsonNode update =
        CollaborationIT.inboxDocuments(b, "Update", a).stream()
            .filter(d -> d.at("/object/type").asText().equals("Question"))
            .findFirst()
            .orElseThrow();
    SCHEMAS.assertValid("question.schema.json", update);
    assertProof(a, update);
    JsonNode reply =
        CollaborationIT.inboxDocuments(a, "Create", b).stream()
            .filter(d -> d.at("/object/inReplyTo").asText().equals(question))
            .findFirst()
            .orElseThrow();
    SCHEMAS.assertValid("reply.schema.json", reply);
    assertProof(b, reply);
    assertProof(b, reply.get("object"));

    // bad input
    ok(
        b.api(
            "POST",
            "/api/v1/organizations/beit/answers",
            "{\"question\":\"" + question + "\",\"content\":\"\"}"),
        422);
    ok(
        b.api(
            "POST",
            "/api/v1/organizations/beit/answers",
            "{\"question\":\"https://x.example/q\",\"content\":\"hi\"}"),
        422);
    ok(a.api("POST", "/api/v1/organizations/alef/questions", "{\"name\":{\"ar\":\"\"}}"), 422);
    ok(
        a.api("POST", "/api/v1/organizations/alef/questions/nope/accepted", "{\"answer\":\"x\"}"),
        404);
    ok(a.get("/orgs/alef/questions/nope"), 404);

    // the asker's own node finds its question by search too, in either language
    for (String q : new String[] {"violations", "الانتهاكات"}) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(
                          TestNode.json(
                                  a.api(
                                      "GET",
                                      "/api/v1/directory?kind=question&q="
                                          + URLEncoder.encode(q, StandardCharsets.UTF_8),
                                      null))
                              .get("items"))
                      .extracting(i -> i.get("id").asText())
                      .containsExactly(question));
    }

    // ... under its organization's name, as every other entry of the directory
    JsonNode asker =
        TestNode.json(a.api("GET", "/api/v1/directory?kind=question&q=violations", null))
            .at("/items/0/organization/name");
    assertThat(asker.isObject() && asker.size() > 0)
        .as("the asker's name on its own question: %s", asker)
        .isTrue();

    // threads are public: a reply addressed to the asker alone is not shown on the question's
    // page; a public reply from the same (Fediverse) person, handled after it, is
    try (FakeParticipant fedi = new FakeParticipant()) {
      String who = fedi.actor("rania");
      ok(
          fedi.post(
              a,
              "/orgs/alef/inbox",
              who,
              reply(who, question, "1", "Private tip, for you only", actor(a))),
          202);
      ok(
          fedi.post(
              a,
              "/orgs/alef/inbox",
              who,
              reply(who, question, "2", "Public tip, for everyone", PUBLIC)),
          202);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(page(a, path, "en"))
                      .as(() -> inboxStates(a))
                      .contains("Public tip, for everyone"));
      assertThat(page(a, path, "en")).doesNotContain("Private tip");
      assertThat(page(a, path, "ar")).doesNotContain("Private tip");
    }
  }

  static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

  /** A Create of a Note by {@code who} in reply to {@code question}, addressed to {@code to}. */
  static ObjectNode reply(String who, String question, String n, String text, String to) {
    ObjectNode note = TestNode.JSON.createObjectNode();
    note.put("id", who + "/notes/" + n)
        .put("type", "Note")
        .put("attributedTo", who)
        .put("inReplyTo", question)
        .put("content", "<p>" + text + "</p>")
        .put("published", "2026-12-01T10:00:0" + n + "Z");
    note.putArray("to").add(to);
    ObjectNode create = TestNode.JSON.createObjectNode();
    create.putArray("@context").add("https://www.w3.org/ns/activitystreams");
    create.put("id", who + "/activities/" + n).put("type", "Create").put("actor", who);
    create.set("to", note.get("to").deepCopy());
    create.set("object", note);
    return create;
  }

  @Test
  @Order(2)
  void attestationByB_showsOnAsEntry_onlyWhereTheViewersNodeTrustsB() throws Exception {
    JsonNode entry =
        TestNode.json(
            ok(
                a.api(
                    "POST",
                    a.entriesPath(),
                    """
        {"kind":"project","title":{"ar":"مشروع المياه في إدلب","en":"Idlib water project"},"sectors":["water-sanitation"],
         "regions":["sy-idlib"]}
        """),
                201));
    entryId = entry.get("id").asText();
    entryUrl = entry.get("url").asText();
    String path = "/orgs/alef/entries/" + entryId;
    // C must have A's entry before B attests it (C keeps attestations about what it has)
    await()
        .atMost(WAIT)
        .until(
            () -> c.count("SELECT COUNT(*) FROM remote_object WHERE id = '" + entryUrl + "'") == 1);

    JsonNode attested =
        TestNode.json(
            ok(
                b.api(
                    "POST",
                    "/api/v1/organizations/beit/attestations",
                    "{\"subject\":\""
                        + entryUrl
                        + "\",\"verifiedOn\":\"2026-11-30\",\"method\":{\"ar\":\"زيارة ميدانية\",\"en\":\"site visit\"}}"),
                201));
    await().atMost(WAIT).until(() -> facts(a, entryUrl).get("attestations").size() == 1);
    // A's node does not trust B: nothing is shown
    assertThat(facts(a, entryUrl).get("verifiedByTrusted").asInt()).isZero();
    assertThat(page(a, path, "en")).doesNotContain("organization you trust");
    assertThat(page(a, path, "ar")).doesNotContain("تثقون");

    ok(
        a.api("PUT", "/api/v1/trust/nodes/" + b.base().getAuthority(), "{\"level\":\"trusted\"}"),
        200);
    await().atMost(WAIT).until(() -> facts(a, entryUrl).get("verifiedByTrusted").asInt() == 1);
    assertThat(page(a, path, "en"))
        .contains("Verified by one organization you trust", actor(b), "2026-11-30", "site visit");
    assertThat(page(a, path, "ar")).contains("تحقّقت منه منظمة واحدة تثقون بها", "زيارة ميدانية");
    // C follows B and has the entry, so it has the attestation too, but does not trust B: it counts
    // none
    await().atMost(WAIT).until(() -> facts(c, entryUrl).get("attestations").size() == 1);
    assertThat(facts(c, entryUrl).get("verifiedByTrusted").asInt()).isZero();

    JsonNode create =
        CollaborationIT.inboxDocuments(a, "Create", b).stream()
            .filter(d -> d.at("/object/type").asText().equals("Attestation"))
            .findFirst()
            .orElseThrow();
    SCHEMAS.assertValid("attestation.schema.json", create);
    assertProof(b, create);
    assertProof(b, create.get("object"));

    // revoked: no longer shown
    ok(
        b.api(
            "POST",
            "/api/v1/organizations/beit/attestations/revoke",
            "{\"id\":\"" + attested.get("id").asText() + "\"}"),
        204);
    await().atMost(WAIT).until(() -> facts(a, entryUrl).get("attestations").isEmpty());
    JsonNode revocation =
        CollaborationIT.inboxDocuments(a, "Delete", b).stream()
            .filter(d -> d.at("/object/id").asText().equals(attested.get("id").asText()))
            .findFirst()
            .orElseThrow();
    SCHEMAS.assertValid("revocation.schema.json", revocation);
    assertProof(b, revocation);
    assertThat(page(a, path, "en")).doesNotContain("organization you trust");
    ok(
        b.api(
            "POST",
            "/api/v1/organizations/beit/attestations/revoke",
            "{\"id\":\"" + attested.get("id").asText() + "\"}"),
        404);
    ok(
        b.api(
            "POST",
            "/api/v1/organizations/beit/attestations",
            "{\"subject\":\""
                + entryUrl
                + "\",\"verifiedOn\":\"yesterday\",\"method\":{\"en\":\"call\"}}"),
        422);
    ok(
        b.api(
            "POST",
            "/api/v1/organizations/beit/attestations",
            "{\"subject\":\"" + entryUrl + "\",\"verifiedOn\":\"2026-11-30\"}"),
        422);
  }

  @Test
  @Order(3)
  void correctionByA_showsAsOne_onAsPage_andReachesC() throws Exception {
    String path = "/orgs/alef/entries/" + entryId;
    ok(
        a.api(
            "POST",
            "/api/v1/organizations/alef/entries/" + entryId + "/corrections",
            "{\"kind\":\"correction\",\"note\":{\"ar\":\"المشروع في سرمدا وليس في مدينة إدلب\",\"en\":\"The project is in Sarmada, not Idlib city\"}}"),
        201);
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    assertThat(page(a, path, "en"))
        .contains("Corrected on " + today, "The project is in Sarmada, not Idlib city");
    assertThat(page(a, path, "ar"))
        .contains("تصحيح بتاريخ " + today, "المشروع في سرمدا وليس في مدينة إدلب");
    JsonNode atC =
        await()
            .atMost(WAIT)
            .until(() -> facts(c, entryUrl).get("corrections"), l -> l.size() == 1)
            .get(0);
    assertThat(atC.get("kind").asText()).isEqualTo("correction");
    assertThat(atC.at("/note/en").asText()).isEqualTo("The project is in Sarmada, not Idlib city");
    JsonNode update =
        CollaborationIT.inboxDocuments(c, "Update", a).stream()
            .filter(d -> d.at("/object/correction").isObject())
            .findFirst()
            .orElseThrow();
    SCHEMAS.assertValid("correction.schema.json", update);
    assertProof(a, update);
    assertProof(a, update.get("object"));
    ok(
        a.api(
            "POST",
            "/api/v1/organizations/alef/entries/" + entryId + "/corrections",
            "{\"kind\":\"edit\",\"note\":{\"en\":\"x\"}}"),
        422);
    ok(
        a.api(
            "POST",
            "/api/v1/organizations/alef/entries/nope/corrections",
            "{\"note\":{\"en\":\"x\"}}"),
        404);
  }

  @Test
  @Order(4)
  void disputeFromC_reachesAsModerators() throws Exception {
    ok(
        c.api(
            "POST",
            "/api/v1/organizations/jeem/disputes",
            "{\"subject\":\"" + entryUrl + "\",\"content\":\"The well was never dug\"}"),
        202);
    await()
        .atMost(WAIT)
        .until(
            () ->
                a.count(
                        "SELECT COUNT(*) FROM moderation_report WHERE direction = 'received' "
                            + "AND reporter = '"
                            + actor(c)
                            + "'")
                    == 1);
    JsonNode flag = CollaborationIT.inboxDocuments(a, "Flag").get(0);
    SCHEMAS.assertValid("dispute.schema.json", flag);
    assertProof(c, flag);
    ok(
        c.api(
            "POST",
            "/api/v1/organizations/jeem/disputes",
            "{\"subject\":\"" + entryUrl + "\",\"content\":\"\"}"),
        422);
  }

  @Test
  @Order(5)
  void supportersAreTheirOwnRecords_linkedToAProject_andShownOnItsPage() throws Exception {
    long funder =
        TestNode.json(
                ok(
                    a.api(
                        "POST",
                        "/api/v1/organizations/alef/supporters",
                        "{\"kind\":\"funder\",\"name\":{\"ar\":\"صندوق المياه\",\"en\":\"Water Fund\"},\"country\":\"DE\","
                            + "\"url\":\"https://fund.example.org\"}"),
                    201))
            .get("id")
            .asLong();
    ok(
        a.api(
            "PUT",
            "/api/v1/organizations/alef/entries/" + entryId + "/supporters",
            "{\"supporters\":[" + funder + "]}"),
        200);
    String path = "/orgs/alef/entries/" + entryId;
    assertThat(page(a, path, "en")).contains("Supported by", "Water Fund", "funder, DE");
    assertThat(page(a, path, "ar")).contains("بدعم من", "صندوق المياه", "جهة مانحة");
    ok(
        a.api(
            "POST",
            "/api/v1/organizations/alef/supporters",
            "{\"kind\":\"sponsor\",\"name\":{\"en\":\"X\"}}"),
        422);
    ok(
        a.api(
            "PUT",
            "/api/v1/organizations/alef/entries/" + entryId + "/supporters",
            "{\"supporters\":[999999]}"),
        422);
    ok(
        a.api("PUT", "/api/v1/organizations/alef/entries/nope/supporters", "{\"supporters\":[]}"),
        404);
    ok(
        a.api(
            "PUT",
            "/api/v1/organizations/alef/entries/" + entryId + "/supporters",
            "{\"supporters\":[]}"),
        200);
    assertThat(page(a, path, "en")).doesNotContain("Supported by");
  }

  /** The types, states and errors of a node's inbox rows (to say why something did not arrive). */
  static String inboxStates(TestNode n) {
    StringBuilder out = new StringBuilder();
    try (var conn = n.openDatabase();
        var ps =
            conn.prepareStatement("SELECT type, state, error, activity_id FROM inbox ORDER BY id");
        var rs = ps.executeQuery();
        var ps2 =
            conn.prepareStatement(
                "SELECT object_id, author, accepted_answer, local_org FROM collab_question");
        var rs2 = ps2.executeQuery()) {
      while (rs2.next())
        out.append(rs2.getString(1))
            .append(' ')
            .append(rs2.getString(2))
            .append(' ')
            .append(rs2.getString(3))
            .append(' ')
            .append(rs2.getString(4))
            .append('\n');
      while (rs.next()) {
        out.append(rs.getString(1))
            .append(' ')
            .append(rs.getString(2))
            .append(' ')
            .append(rs.getString(3))
            .append(' ')
            .append(rs.getString(4))
            .append('\n');
      }
    } catch (java.sql.SQLException e) {
      out.append(e);
    }
    return out.toString();
  }

  /**
   * {@code doc} carries {@code n}'s eddsa-jcs-2022 proof, checked with the key its actor document
   * publishes.
   */
  static void assertProof(TestNode n, JsonNode doc) throws Exception {
    JsonNode actorDoc =
        TestNode.json(n.get("/orgs/" + n.handle(), "Accept", "application/activity+json"));
    JsonNode method = actorDoc.get("assertionMethod").get(0);
    VerificationKey key =
        new VerificationKey(
            method.get("id").asText(),
            actor(n),
            Keys.fromMultibase(method.get("publicKeyMultibase").asText()),
            java.util.Set.of(SignatureAlgorithm.ED25519));
    var v =
        ObjectProofs.verify(
            (ObjectNode) doc, id -> id.equals(key.keyId()) ? Optional.of(key) : Optional.empty());
    assertThat(v.isVerified()).as(v.toString()).isTrue();
  }

  /**
   * Collaboration records arrive by catch-up too: C (which follows A and B) is down while B answers
   * A's question, and what B's node would deliver to C is lost; back up, C catches up from B's log
   * and shows the answer, which never reached its inbox.
   */
  @Test
  @Order(6)
  void anAnswerCaughtUpFromBsLog_showsOnC_thatWasDownWhenBAnswered() throws Exception {
    String question =
        TestNode.json(
                ok(
                    a.api(
                        "POST",
                        "/api/v1/organizations/alef/questions",
                        """
        {"name":{"ar":"أي تطبيقات المراسلة تعمل دون إنترنت؟","en":"Which messengers work without internet?"}}
        """),
                    201))
            .get("id")
            .asText();
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(c.api("GET", "/api/v1/organizations/jeem/questions", null))
                    .get("received"),
            r -> r.findValuesAsText("id").contains(question));
    c.stop();
    String answer =
        TestNode.json(
                ok(
                    b.api(
                        "POST",
                        "/api/v1/organizations/beit/answers",
                        "{\"question\":\""
                            + question
                            + "\",\"content\":\"Briar works over Bluetooth and Wi-Fi.\"}"),
                    201))
            .get("id")
            .asText();
    // the deliveries to C are lost: only C's catch-up from B's log can bring the answer
    try (var conn = b.openDatabase();
        var ps =
            conn.prepareStatement("DELETE FROM delivery WHERE inbox LIKE ? AND state <> 'done'")) {
      ps.setString(1, c.base() + "/%");
      assertThat(ps.executeUpdate()).as("B's pending deliveries to C").isPositive();
    }
    c.restart();
    await()
        .atMost(WAIT.multipliedBy(2))
        .untilAsserted(
            () -> {
              JsonNode received =
                  TestNode.json(c.api("GET", "/api/v1/organizations/jeem/questions", null))
                      .get("received");
              JsonNode thread = null;
              for (JsonNode q : received) if (q.get("id").asText().equals(question)) thread = q;
              assertThat(thread).as(() -> inboxStates(c)).isNotNull();
              assertThat(thread.get("answers").findValuesAsText("id")).containsExactly(answer);
            });
    assertThat(c.count("SELECT COUNT(*) FROM inbox WHERE document LIKE '%" + answer + "%'"))
        .as("the answer came by catch-up, not to the inbox")
        .isZero();
  }

  /**
   * Every collaboration document A, B and C sent one another (the Question and its Update, answers,
   * attestations and their revocation, the correction, the Flag) verifies in the independent Python
   * verifier, and a tampered copy of each does not.
   */
  @Test
  @Order(99)
  void everyDocumentsProof_isAcceptedByTheIndependentVerifier() throws Exception {
    var out = IndependentProofs.verifyAll(dir.resolve("proofs"), a, b, c);
    assertThat(out.kinds())
        .as(out.output())
        .contains(
            "Create(Question)",
            "Update(Question)",
            "Create(Note)",
            "Create(Attestation)",
            "Delete(Tombstone)",
            "Update(correction)",
            "Flag");
  }
}
