package org.madani.node.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;

/**
 * Moving an organization between two real nodes on loopback (issue 15 item 5), with its followers
 * watching: a Madani node and a real Fedify server (npm, as in {@link FedifyInteropIT}) follow
 * "sawa" on node A. A exports it; node B imports it (same entries, same log, alsoKnownAs = A's
 * actor); A announces Move. The Madani follower checks the new actor's alsoKnownAs, follows it and
 * drops A; the Fedify peer does what Fedify apps do on Move (follow the target). The next entry the
 * organization publishes on B reaches both, numbered right after the last item of A's log.
 */
class MoveOrganizationIT {

  static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void movedOrganization_keepsItsMadaniAndFedifyFollowers_andItsLogNumbering() throws Exception {
    try (TestNode a = TestNode.start(dir.resolve("a"), "sawa", false);
        TestNode b = TestNode.start(dir.resolve("b"), "host", false);
        TestNode c = TestNode.start(dir.resolve("c"), "nour", false);
        FedifyPeer fedify = FedifyPeer.start("fedify-1.10")) {
      String oldActor = a.base() + "/orgs/sawa";
      String newActor = b.base() + "/orgs/sawa";
      String madaniFollower = c.base() + "/orgs/nour";

      // Both follow sawa on A.
      HttpResponse<String> f =
          c.api("POST", "/api/v1/organizations/nour/following", "{\"actor\":\"" + oldActor + "\"}");
      assertThat(f.statusCode()).as(f.body()).isEqualTo(202);
      fedify.follow(oldActor);
      await()
          .atMost(WAIT)
          .until(
              () ->
                  following(c).contains(oldActor + " accepted")
                      && fedify.log().path("accepted").toString().contains(oldActor));

      // Two public entries on A: its log holds items 1 and 2.
      String first = created(a, "Before the move 1");
      created(a, "Before the move 2");
      await()
          .atMost(WAIT)
          .until(() -> c.get("/api/v1/directory?pageSize=50").body().contains(first));

      // Export from A, import on B.
      HttpResponse<String> exported = a.api("GET", "/api/v1/organizations/sawa/archive", null);
      assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
      JsonNode archive = TestNode.json(exported);
      assertThat(archive.get("entries")).hasSize(2);
      assertThat(archive.get("log")).hasSize(2);
      assertThat(archive.get("followers").toString()).contains(madaniFollower, fedify.actorId());
      HttpResponse<String> bad =
          b.api("POST", "/api/v1/organizations/sawa2/import", "{\"format\":\"x\"}");
      assertThat(bad.statusCode()).isEqualTo(422);
      assertThat(bad.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      HttpResponse<String> imported =
          b.api("POST", "/api/v1/organizations/sawa/import", exported.body());
      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
      assertThat(TestNode.json(imported).get("actor").asText()).isEqualTo(newActor);
      JsonNode newDoc = TestNode.json(b.get("/orgs/sawa", "Accept", "application/activity+json"));
      assertThat(newDoc.get("alsoKnownAs").toString()).contains(oldActor);
      assertThat(
              TestNode.json(b.api("GET", "/api/v1/organizations/sawa/entries", null)).get("items"))
          .hasSize(2);
      // The same archive again under another handle: its entries are already hosted here, so it is
      // refused with a problem and leaves no half-imported organization behind.
      HttpResponse<String> again =
          b.api("POST", "/api/v1/organizations/sawa2/import", exported.body());
      assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
      assertThat(again.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(b.api("GET", "/api/v1/organizations/sawa2/profile", null).statusCode())
          .isEqualTo(404);
      assertThat(b.api("GET", "/api/v1/organizations", null).body()).doesNotContain("sawa2");

      // A Move to an actor that does not name A is refused; then A announces the real one.
      HttpResponse<String> wrong =
          a.api(
              "POST",
              "/api/v1/organizations/sawa/move",
              "{\"target\":\"" + b.base() + "/orgs/host\"}");
      assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(422);
      HttpResponse<String> moved =
          a.api("POST", "/api/v1/organizations/sawa/move", "{\"target\":\"" + newActor + "\"}");
      assertThat(moved.statusCode()).as(moved.body()).isEqualTo(202);
      assertThat(
              TestNode.json(a.get("/orgs/sawa", "Accept", "application/activity+json"))
                  .path("movedTo")
                  .asText())
          .isEqualTo(newActor);

      // The Madani follower follows the new actor and no longer the old; so does the Fedify peer.
      await()
          .atMost(WAIT)
          .until(
              () ->
                  following(c).contains(newActor + " accepted")
                      && !following(c).contains(oldActor + " "));
      await().atMost(WAIT).until(() -> fedify.log().path("accepted").toString().contains(newActor));
      JsonNode move = null;
      for (JsonNode r : fedify.log().path("received"))
        if (r.path("type").asText().equals("Move")) move = r;
      assertThat(move).isNotNull();
      assertThat(move.path("followed").asText()).isEqualTo(newActor);
      await()
          .atMost(WAIT)
          .until(() -> followers(b).containsAll(List.of(madaniFollower, fedify.actorId())));
      await().atMost(WAIT).until(() -> !followers(a).contains(madaniFollower));

      // The next entry, published on B, reaches both; its log number follows A's last.
      String next = created(b, "After the move");
      await()
          .atMost(WAIT)
          .until(() -> c.get("/api/v1/directory?pageSize=50").body().contains(next));
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                JsonNode create = null;
                for (JsonNode post : fedify.log().path("inbox")) {
                  if (post.path("type").asText().equals("Create")
                      && post.path("body").path("actor").asText().equals(newActor)) {
                    create = post;
                  }
                }
                assertThat(create).as("Fedify received the new actor's Create").isNotNull();
                assertThat(create.path("status").asInt()).isBetween(200, 299);
                assertThat(create.path("proofVerified").asBoolean()).isTrue();
                assertThat(create.path("body").path("sequence").asLong()).isEqualTo(3);
              });
    }
  }

  static String created(TestNode n, String title) throws Exception {
    HttpResponse<String> r =
        n.api(
            "POST",
            "/api/v1/organizations/sawa/entries",
            "{\"kind\":\"article\","
                + "\"title\":{\"en\":\""
                + title
                + "\"},\"sectors\":[\"education\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return TestNode.json(r).get("url").asText();
  }

  /** "actor state" per follow of the Madani follower. */
  static String following(TestNode c) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode i :
        TestNode.json(c.api("GET", "/api/v1/organizations/nour/following", null)).path("items")) {
      out.add(i.path("actor").asText() + " " + i.path("state").asText());
    }
    return String.join("\n", out) + "\n";
  }

  static List<String> followers(TestNode n) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode i :
        TestNode.json(n.api("GET", "/api/v1/organizations/sawa/followers?state=accepted", null))
            .path("items")) {
      out.add(i.path("actor").asText());
    }
    return out;
  }
}
