package org.madani.node.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;

/**
 * Four real nodes. B follows C and D; C follows D; A trusts the nodes of B and C. A is offered D
 * (followed by two trusted peers) before C (one), follows D in one action, and stops seeing it. A
 * peer that stops publishing no longer counts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiscoveryIT {

  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static TestNode c;
  static TestNode d;
  static final Duration WAIT = Duration.ofSeconds(20);

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false);
    b = TestNode.start(dir.resolve("b"), "beit", false);
    c = TestNode.start(dir.resolve("c"), "jeem", false);
    d = TestNode.start(dir.resolve("d"), "dal", false);
    follow(b, c);
    follow(b, d);
    follow(c, d);
    for (TestNode peer : List.of(b, c)) {
      HttpResponse<String> r =
          a.api("PUT", "/api/v1/trust/nodes/" + hostKey(peer), "{\"level\":\"trusted\"}");
      assertThat(r.statusCode()).as(r.body()).isBetween(200, 204);
    }
  }

  @AfterAll
  static void stop() {
    for (TestNode n : new TestNode[] {a, b, c, d}) if (n != null) n.close();
  }

  static String actor(TestNode n) {
    return n.base() + "/orgs/" + n.handle();
  }

  static String hostKey(TestNode n) {
    return n.base().getAuthority();
  }

  static void follow(TestNode from, TestNode to) throws Exception {
    HttpResponse<String> r =
        from.api(
            "POST",
            "/api/v1/organizations/" + from.handle() + "/following",
            "{\"actor\":\"" + actor(to) + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    await()
        .atMost(WAIT)
        .until(
            () ->
                from.api(
                        "GET",
                        "/api/v1/organizations/" + from.handle() + "/following?state=accepted",
                        null)
                    .body()
                    .contains(actor(to)));
  }

  @Test
  @Order(1)
  void followsArePublishedOnlyForOrganizationsThatOptIn_trustsNotByDefault() throws Exception {
    // nothing by default: a follow graph tells an adversary who works with whom
    assertThat(b.get("/discovery/peers.json").statusCode()).isEqualTo(404);
    assertThat(
            TestNode.json(b.api("GET", "/api/v1/discovery/settings", null))
                .get("publishFollows")
                .asBoolean())
        .isFalse();
    assertThat(
            b.api(
                    "PUT",
                    "/api/v1/discovery/settings",
                    "{\"publishFollows\":true,\"publishFollowsOf\":[\"nobody\"],\"publishTrusts\":false}")
                .statusCode())
        .isEqualTo(400);
    for (TestNode n : List.of(b, c)) {
      HttpResponse<String> on =
          n.api(
              "PUT",
              "/api/v1/discovery/settings",
              "{\"publishFollows\":true,\"publishFollowsOf\":[\""
                  + n.handle()
                  + "\"],\"publishTrusts\":false}");
      assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
      assertThat(TestNode.json(on).get("publishFollowsOf").toString()).contains(n.handle());
    }
    HttpResponse<String> r = b.get("/discovery/peers.json");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode doc = TestNode.json(r);
    assertThat(doc.get("type").asText()).isEqualTo("MadaniPeers");
    List<String> ids = new ArrayList<>();
    doc.get("follows").forEach(f -> ids.add(f.get("id").asText()));
    assertThat(ids).containsExactlyInAnyOrder(actor(c), actor(d));
    assertThat(doc.at("/follows/0/name").isObject()).isTrue();
    assertThat(a.get("/discovery/peers.json").statusCode())
        .as("A follows nobody and opted in to nothing")
        .isEqualTo(404);
  }

  @Test
  @Order(2)
  void suggestionsAreRankedByTrustedPeersFollowing() throws Exception {
    JsonNode s = TestNode.json(a.api("GET", "/api/v1/discovery/suggestions", null));
    assertThat(s.get("peers"))
        .hasSize(2)
        .allSatisfy(p -> assertThat(p.get("ok").asBoolean()).isTrue());
    assertThat(s.at("/items/0/actor").asText()).isEqualTo(actor(d));
    assertThat(s.at("/items/0/count").asInt()).isEqualTo(2);
    assertThat(s.at("/items/1/actor").asText()).isEqualTo(actor(c));
    assertThat(s.at("/items/1/count").asInt()).isEqualTo(1);
    assertThat(s.get("items")).hasSize(2);
    assertThat(a.get("/api/v1/discovery/suggestions").statusCode()).isEqualTo(401);
  }

  @Test
  @Order(3)
  void aPeerThatStopsPublishing_noLongerCounts() throws Exception {
    HttpResponse<String> off =
        c.api(
            "PUT",
            "/api/v1/discovery/settings",
            "{\"publishFollows\":false,\"publishTrusts\":false}");
    assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
    assertThat(c.get("/discovery/peers.json").statusCode()).isEqualTo(404);
    JsonNode s = TestNode.json(a.api("GET", "/api/v1/discovery/suggestions", null));
    // D and C are now followed by B alone: equal counts (their order then goes by actor id).
    assertThat(item(s, actor(d)).get("count").asInt()).isEqualTo(1);
    assertThat(item(s, actor(d)).get("followedBy").toString())
        .contains(b.base().toString())
        .doesNotContain(c.base().toString());
    assertThat(item(s, actor(c)).get("count").asInt()).isEqualTo(1);
    assertThat(s.get("peers").toString()).contains("\"ok\":false");
  }

  static JsonNode item(JsonNode suggestions, String actor) {
    for (JsonNode i : suggestions.get("items")) if (i.get("actor").asText().equals(actor)) return i;
    throw new AssertionError("no suggestion " + actor + " in " + suggestions);
  }

  @Test
  @Order(4)
  void followingASuggestion_takesItOffTheList() throws Exception {
    HttpResponse<String> r =
        a.api("POST", "/api/v1/discovery/suggestions/follow", "{\"actor\":\"" + actor(d) + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    await()
        .atMost(WAIT)
        .until(
            () ->
                a.api("GET", "/api/v1/organizations/alef/following?state=accepted", null)
                    .body()
                    .contains(actor(d)));
    JsonNode s = TestNode.json(a.api("GET", "/api/v1/discovery/suggestions", null));
    List<String> ids = new ArrayList<>();
    s.get("items").forEach(i -> ids.add(i.get("actor").asText()));
    assertThat(ids).doesNotContain(actor(d)).contains(actor(c));
    assertThat(
            a.api("POST", "/api/v1/discovery/suggestions/follow", "{\"actor\":\"javascript:x\"}")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  @Order(5)
  void trustsArePublishedOnlyWhenSwitchedOn() throws Exception {
    assertThat(
            a.api(
                    "PUT",
                    "/api/v1/discovery/settings",
                    "{\"publishFollows\":true,\"publishTrusts\":true}")
                .statusCode())
        .isEqualTo(200);
    JsonNode doc = TestNode.json(a.get("/discovery/peers.json"));
    assertThat(doc.at("/trusts/nodes").toString()).contains(hostKey(b)).contains(hostKey(c));
    assertThat(doc.get("follows").toString()).contains(actor(d));
  }
}
