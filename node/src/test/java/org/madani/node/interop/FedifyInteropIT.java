package org.madani.node.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.madani.node.TestNode;
import org.madani.node.federation.EmittedContexts;

/**
 * Madani against real Fedify servers (npm {@code @fedify/fedify} 1.5.9 and 1.10.12, run by Node.js
 * on loopback): Fedify's own vocabulary parses the Madani actor and every entry object and verifies
 * their FEP-8b32 proofs; Fedify follows a Madani organization and receives Create, Update and
 * Delete of every entry kind, each with its HTTP signature (draft-cavage, or RFC 9421 from Fedify
 * 1.6) and its proof verified by Fedify's verifyRequest/verifyObject, and with no refused attempt;
 * a Madani organization follows the Fedify actor, and its Note arrives.
 */
class FedifyInteropIT {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final Path EXAMPLES = Path.of("..", "protocol-spec", "examples", "valid");

  @TempDir Path dir;

  /** One public entry of every kind, from the protocol's own valid examples. */
  static Map<String, ObjectNode> entries() throws Exception {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    for (String f :
        List.of(
            "entry-event-hybrid-bilingual",
            "entry-article-bilingual",
            "entry-report-served-with-read-only-fields",
            "entry-project-english-only",
            "entry-campaign-arabic-diacritics",
            "entry-offer-legal-advice",
            "entry-need-private-with-recipients")) {
      ObjectNode e =
          (ObjectNode) TestNode.JSON.readTree(Files.readString(EXAMPLES.resolve(f + ".json")));
      for (String readOnly :
          List.of(
              "id", "version", "created", "published", "updated", "attributedTo", "recipients")) {
        e.remove(readOnly);
      }
      e.put("visibility", "public");
      out.put(e.get("kind").asText(), e);
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fedify-1.5", "fedify-1.10"})
  void fedifyAndMadaniFollowEachOther(String line) throws Exception {
    try (TestNode madani = TestNode.start(dir.resolve("madani"), "sawa", false);
        FedifyPeer fedify = FedifyPeer.start(line)) {
      String org = madani.base() + "/orgs/sawa";

      // Fedify's vocabulary reads the actor, finds both keys where it looks, and verifies its
      // proof.
      JsonNode actor = fedify.lookup(org);
      assertThat(actor.path("type").asText()).as(actor.toString()).isEqualTo("Organization");
      assertThat(actor.path("proofVerified").asBoolean()).as(actor.toString()).isTrue();
      assertThat(actor.path("publicKeys").toString()).contains(org + "#");
      assertThat(actor.path("assertionMethods").toString()).contains(org + "#ed25519");

      // Fedify follows the organization; Madani accepts.
      fedify.follow(org);
      await()
          .atMost(WAIT)
          .untilAsserted(() -> assertThat(fedify.log().path("accepted").toString()).contains(org));

      // One entry of every kind, then an Update and a Delete.
      Map<String, String> urls = new LinkedHashMap<>();
      for (var e : entries().entrySet()) {
        HttpResponse<String> r = madani.api("POST", madani.entriesPath(), e.getValue().toString());
        assertThat(r.statusCode()).as(e.getKey() + ": " + r.body()).isEqualTo(201);
        urls.put(e.getKey(), TestNode.json(r).get("url").asText());
      }
      String eventId = urls.get("event").substring(urls.get("event").lastIndexOf('/') + 1);
      ObjectNode changed = entries().get("event");
      ((ObjectNode) changed.get("title")).put("en", "Hybrid meeting, new room");
      HttpResponse<String> upd =
          madani.api("PUT", madani.entriesPath() + "/" + eventId, changed.toString());
      assertThat(upd.statusCode()).as(upd.body()).isBetween(200, 204);
      String offerId = urls.get("offer").substring(urls.get("offer").lastIndexOf('/') + 1);
      HttpResponse<String> del = madani.api("DELETE", madani.entriesPath() + "/" + offerId, null);
      assertThat(del.statusCode()).as(del.body()).isBetween(200, 204);

      int expected = urls.size() + 2;
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                List<String> types = new ArrayList<>();
                for (JsonNode r : fedify.log().path("received")) {
                  if (List.of("Create", "Update", "Delete").contains(r.path("type").asText()))
                    types.add(r.path("type").asText());
                }
                assertThat(types).hasSize(expected);
              });
      JsonNode log = fedify.log();
      assertThat(log.path("version").asText()).isEqualTo(fedify.version());
      // Every inbox POST Madani made: accepted the first time, its HTTP signature verified by
      // Fedify's verifyRequest, its proof by Fedify's verifyObject.
      for (JsonNode post : log.path("inbox")) {
        assertThat(post.path("status").asInt()).as(post.toString()).isBetween(200, 299);
        assertThat(post.path("httpSignatureKey").asText(null))
            .as(post.toString())
            .startsWith(org + "#");
        assertThat(post.path("proofVerified").asBoolean()).as(post.toString()).isTrue();
      }
      // What Madani delivered names no context outside the standard ones either.
      for (JsonNode post : log.path("inbox")) {
        assertThat(EmittedContextsIT.contextUrls(post.path("body")))
            .as(post.path("type").asText())
            .allMatch(EmittedContexts::isStandard);
      }
      assertThat(log.path("inbox").findValuesAsText("type"))
          .contains("Accept", "Create", "Update", "Delete");
      for (JsonNode post : log.path("inbox")) {
        JsonNode embedded = post.path("body").path("object");
        if (post.path("type").asText().equals("Accept")) {
          // The Follow inside is Fedify's own: Madani never adds its proof to someone else's
          // object.
          assertThat(embedded.path("actor").asText()).isEqualTo(fedify.actorId());
          assertThat(embedded.has("proof")).as(embedded.toString()).isFalse();
        } else if (embedded.isObject() && embedded.path("id").asText().startsWith(org + "/")) {
          assertThat(embedded.has("proof")).as("our own object carries our proof").isTrue();
        }
      }
      if (line.equals("fedify-1.10")) {
        // Fedify 1.6+ signs RFC 9421 first; Madani answers in it, and Fedify verifies it at once.
        assertThat(log.path("inbox").findValuesAsText("scheme")).containsOnly("rfc9421");
      }
      if (line.equals("fedify-1.5")) {
        // Fedify 1.5 verifies only draft-cavage: Madani answered in the scheme the peer signed
        // with.
        assertThat(log.path("inbox").findValuesAsText("scheme")).containsOnly("cavage");
      }
      // Fedify read each kind as the ActivityStreams type Madani maps it to, with its name.
      Map<String, String> objectTypes = new LinkedHashMap<>();
      for (JsonNode r : log.path("received")) {
        if ("Create".equals(r.path("type").asText())) {
          objectTypes.put(r.path("objectId").asText(), r.path("objectType").asText());
          assertThat(r.path("objectName").asText(null)).as(r.toString()).isNotBlank();
          assertThat(r.path("objectContent").asText(null)).as(r.toString()).isNotBlank();
        }
      }
      assertThat(objectTypes.get(urls.get("event"))).isEqualTo("Event");
      assertThat(objectTypes.get(urls.get("article"))).isEqualTo("Article");
      assertThat(objectTypes.get(urls.get("project"))).isEqualTo("Page");
      // And each entry, fetched from its URL, parses and its proof verifies in Fedify.
      for (var u : urls.entrySet()) {
        if (u.getKey().equals("offer")) continue; // deleted
        JsonNode read = fedify.lookup(u.getValue());
        assertThat(read.path("id").asText()).as(u.getKey() + " " + read).isEqualTo(u.getValue());
        assertThat(read.path("proofVerified").asBoolean()).as(u.getKey() + " " + read).isTrue();
      }

      // Madani follows the Fedify actor; Fedify accepts; its Note arrives verified.
      HttpResponse<String> follow =
          madani.api(
              "POST",
              "/api/v1/organizations/sawa/following",
              "{\"actor\":\"" + fedify.actorId() + "\"}");
      assertThat(follow.statusCode()).as(follow.body()).isEqualTo(202);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(
                          TestNode.json(
                                  madani.api("GET", "/api/v1/organizations/sawa/following", null))
                              .path("items")
                              .toString())
                      .contains("\"accepted\""));
      String note =
          fedify.post("<p>Hello from Fedify " + fedify.version() + "</p>").path("id").asText();
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(
                          TestNode.json(
                                  madani.api("GET", "/api/v1/organizations/sawa/received", null))
                              .path("items")
                              .toString())
                      .contains(note));
      // The followed account's post shows in the directory as a post, on its page and in the feeds.
      String text = "Hello from Fedify " + fedify.version();
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                HttpResponse<String> page = madani.get("/directory?kind=post");
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains(text);
              });
      for (String feed :
          List.of("/feeds/directory.atom?kind=post", "/feeds/directory.json?kind=post")) {
        HttpResponse<String> r = madani.get(feed);
        assertThat(r.statusCode()).as(feed).isEqualTo(200);
        assertThat(r.body()).as(feed).contains(text, note);
      }
      assertThat(fedify.stderr()).doesNotContain("peer error");
    }
  }
}
