package org.madani.node.federation.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.madani.node.federation.wire.RecordingProxy.Exchange;

/**
 * Every JSON document three real nodes exchange validates against a protocol-spec schema. Each
 * node's public base URL names a {@link RecordingProxy} in front of it, so everything the nodes
 * send one another (activities POSTed to inboxes, signed fetches of actors and objects, catch-up
 * and mirror pages, WebFinger) and everything the test fetches (collections, pages, trust lists,
 * {@code peers.json}, reports, NodeInfo, JSON feeds) passes a recorder. Each recorded document is
 * matched to its schema by where it was sent or by its activity type ({@link WireDocuments}); a
 * document no schema covers fails the test just as an invalid one does.
 */
class WireSchemasIT {

  static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void everyDocumentOnTheWireValidatesAgainstItsSchema() throws Exception {
    Vertx vertx = Vertx.vertx();
    List<RecordingProxy> proxies = new ArrayList<>();
    List<TestNode> nodes = new ArrayList<>();
    try {
      TestNode a = node(vertx, proxies, nodes, "alef", true);
      TestNode b = node(vertx, proxies, nodes, "beit", false);
      TestNode c = node(vertx, proxies, nodes, "jeem", false);
      exchangeEverything(a, b, c);
      for (TestNode n : nodes) fetchEverything(n);

      Map<String, Exchange> documents = new LinkedHashMap<>();
      int n = 0;
      for (RecordingProxy p : proxies) {
        for (Exchange e : p.exchanges()) {
          String where = "#" + (++n) + " proxy :" + p.port() + " " + e.method() + " " + e.uri();
          if (WireDocuments.isJson(e.requestType()) && !e.requestBody().isEmpty())
            documents.put(where + " (request)", e);
          if (WireDocuments.isJson(e.responseType()) && !e.responseBody().isEmpty())
            documents.put(where + " (" + e.status() + ")", e);
        }
      }
      WireDocuments schemas = new WireDocuments(Path.of("..", "protocol-spec", "schemas"));
      Map<String, Integer> seen = new TreeMap<>();
      List<String> failures = new ArrayList<>();
      StringBuilder dump = new StringBuilder();
      documents.forEach(
          (where, e) -> {
            boolean request = where.endsWith("(request)");
            String body = request ? e.requestBody() : e.responseBody();
            JsonNode doc;
            try {
              doc = TestNode.JSON.readTree(body);
            } catch (Exception ex) {
              failures.add(where + ": not JSON: " + ex.getMessage());
              return;
            }
            String schema =
                request
                    ? schemas.forRequest(e.uri(), doc)
                    : schemas.forResponse(e.uri(), e.responseType(), doc);
            dump.append("### ")
                .append(where)
                .append(" -> ")
                .append(schema)
                .append('\n')
                .append(doc.toPrettyString())
                .append("\n\n");
            if (schema == null) {
              failures.add(
                  where + ": no schema covers this document (type " + doc.path("type") + ")");
              return;
            }
            seen.merge(schema, 1, Integer::sum);
            schemas
                .validate(schema, doc)
                .forEach(v -> failures.add(where + " against " + schema + ": " + v));
          });
      Files.writeString(Path.of("target", "wire-documents.txt"), dump);

      // The walk really saw each kind of document (so a schema cannot pass by never being used).
      assertThat(seen.keySet())
          .contains(
              "actor.schema.json",
              "activity-create.schema.json",
              "activity-update.schema.json",
              "activity-delete.schema.json",
              "activity-follow.schema.json",
              "activity-accept.schema.json",
              "activity-reject.schema.json",
              "activity-undo.schema.json",
              "activity-flag.schema.json",
              "object.schema.json",
              "ordered-collection.schema.json",
              "ordered-collection-page.schema.json",
              "collection.schema.json",
              "log-page.schema.json",
              "mirror-index.schema.json",
              "mirror-page.schema.json",
              "trust-list.schema.json",
              "peers.schema.json",
              "report.schema.json",
              "webfinger.schema.json",
              "nodeinfo-links.schema.json",
              "nodeinfo.schema.json",
              "json-feed.schema.json");
      assertThat(seen.get("peers.schema.json"))
          .as("peers.json with and without trusts")
          .isEqualTo(2);
      assertThat(failures).as("documents seen: " + seen).isEmpty();
    } finally {
      for (TestNode n : nodes) n.close();
      for (RecordingProxy p : proxies) p.close();
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }

  /** A node whose public base URL is its recording proxy's. */
  private TestNode node(
      Vertx vertx,
      List<RecordingProxy> proxies,
      List<TestNode> nodes,
      String handle,
      boolean examples)
      throws Exception {
    RecordingProxy proxy = RecordingProxy.start(vertx);
    proxies.add(proxy);
    TestNode n =
        TestNode.start(
            dir.resolve(handle),
            handle,
            examples,
            true,
            URI.create("http://127.0.0.1:" + proxy.port()));
    nodes.add(n);
    proxy.forwardTo(n.local().getPort());
    return n;
  }

  /**
   * Follows (by URL and by acct: through WebFinger), Reject, Create/Update/Delete, Flag, Endorse,
   * Undo.
   */
  private static void exchangeEverything(TestNode a, TestNode b, TestNode c) throws Exception {
    ok(
        b.api("POST", "/api/v1/organizations/beit/following", "{\"actor\":\"" + actor(a) + "\"}"),
        202);
    ok(
        c.api(
            "POST",
            "/api/v1/organizations/jeem/following",
            "{\"actor\":\"alef@" + a.base().getAuthority() + "\"}"),
        202);
    ok(
        a.api("POST", "/api/v1/organizations/alef/following", "{\"actor\":\"" + actor(b) + "\"}"),
        202);
    ok(
        c.api("POST", "/api/v1/organizations/jeem/following", "{\"actor\":\"" + actor(b) + "\"}"),
        202);
    for (TestNode n : List.of(a, b, c)) {
      await()
          .atMost(WAIT)
          .until(
              () ->
                  TestNode.json(
                          n.api("GET", "/api/v1/organizations/" + n.handle() + "/following", null))
                      .path("items")
                      .findValuesAsText("state")
                      .stream()
                      .allMatch("accepted"::equals));
    }
    // Reject: jeem approves followers by hand and refuses alef
    ok(
        c.api(
            "PUT",
            "/api/v1/organizations/jeem/federation-settings",
            "{\"autoApproveFollowers\":false}"),
        204);
    ok(
        a.api("POST", "/api/v1/organizations/alef/following", "{\"actor\":\"" + actor(c) + "\"}"),
        202);
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(c.api("GET", "/api/v1/organizations/jeem/followers", null))
                    .toString()
                    .contains(actor(a)));
    ok(
        c.api(
            "POST",
            "/api/v1/organizations/jeem/followers/reject",
            "{\"actor\":\"" + actor(a) + "\"}"),
        204);
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(a.api("GET", "/api/v1/organizations/alef/following", null))
                    .toString()
                    .contains("rejected"));

    JsonNode need =
        TestNode.json(
            ok(
                a.api(
                    "POST",
                    a.entriesPath(),
                    "{\"kind\":\"need\",\"title\":{\"ar\":\"مترجمون\",\"en\":\"Translators\"},\"category\":\"translation\"}"),
                201));
    ok(
        a.api(
            "PUT",
            a.entriesPath() + "/" + need.path("id").asText(),
            "{\"kind\":\"need\",\"title\":{\"ar\":\"مترجمون\",\"en\":\"Translators wanted\"},\"category\":\"translation\"}"),
        200);
    TestNode.json(
        ok(
            a.api(
                "POST",
                a.entriesPath(),
                "{\"kind\":\"offer\",\"category\":\"space\",\"visibility\":\"network\",\"title\":{\"en\":\"Meeting room\"}}"),
            201));
    JsonNode first = TestNode.json(a.api("GET", a.entriesPath(), null)).path("items").get(0);
    ok(a.api("DELETE", a.entriesPath() + "/" + first.path("id").asText(), null), 204);
    JsonNode event =
        TestNode.json(
            ok(
                b.api(
                    "POST",
                    b.entriesPath(),
                    """
        {"kind": "event", "title": {"ar": "لقاء", "en": "Meeting"}, "startTime": "2027-02-01T10:00:00+03:00",
         "timeZone": "Europe/Istanbul", "place": {"name": {"en": "Gaziantep"}, "region": "tr-gaziantep"}}
        """),
                201));
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(b.api("GET", "/api/v1/organizations/beit/received", null))
                    .toString()
                    .contains("Meeting room"));
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(c.api("GET", "/api/v1/organizations/jeem/received", null))
                    .toString()
                    .contains("Translators wanted"));
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(a.api("GET", "/api/v1/organizations/alef/received", null))
                    .toString()
                    .contains(event.path("url").asText()));

    ok(
        a.api(
            "POST",
            "/api/v1/moderation/flags",
            "{\"from\":\"alef\",\"actor\":\""
                + actor(c)
                + "\",\"comment\":\"Impersonates a known group\"}"),
        201);
    ok(
        b.api(
            "POST",
            "/api/v1/trust/endorsements",
            "{\"from\":\"beit\",\"of\":\"" + actor(a) + "\",\"comment\":\"We worked together\"}"),
        201);
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(c.api("GET", "/api/v1/moderation/reports?direction=received", null))
                        .path("items")
                        .size()
                    == 1);

    // published lists and discovery, so that GETs below find them
    ok(
        a.api(
            "PUT",
            "/api/v1/trust/nodes/spam.example",
            "{\"level\":\"blocked\",\"note\":\"spam, since 2026\"}"),
        200);
    ok(a.api("PUT", "/api/v1/trust/lists/publication", "{\"publish\":true}"), 200);
    ok(
        a.api(
            "PUT",
            "/api/v1/discovery/settings",
            "{\"publishFollows\":true,\"publishFollowsOf\":[\"alef\"],\"publishTrusts\":true}"),
        200);
    // and a node that publishes its follows only (trusts stay private, as by default)
    ok(
        b.api(
            "PUT",
            "/api/v1/discovery/settings",
            "{\"publishFollows\":true,\"publishFollowsOf\":[\"beit\"],\"publishTrusts\":false}"),
        200);

    // Undo(Follow): B stops following A
    ok(b.api("DELETE", "/api/v1/organizations/beit/following?actor=" + enc(actor(a)), null), 204);
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(a.api("GET", "/api/v1/organizations/alef/followers", null))
                        .path("items")
                        .size()
                    == 1);
  }

  /** GETs through the node's public base URL (so through its proxy) of everything it publishes. */
  private static void fetchEverything(TestNode n) throws Exception {
    String h = n.handle();
    List<String> paths =
        new ArrayList<>(
            List.of(
                "/orgs/" + h,
                "/orgs/" + h + "/outbox",
                "/orgs/" + h + "/outbox?before=" + Long.MAX_VALUE,
                "/orgs/" + h + "/log",
                "/orgs/" + h + "/log?after=0",
                "/orgs/" + h + "/followers",
                "/orgs/" + h + "/following",
                "/mirror",
                "/discovery/peers.json",
                "/.well-known/nodeinfo",
                "/nodeinfo/2.1",
                "/.well-known/webfinger?resource=acct:" + h + "@" + n.base().getAuthority(),
                "/trust/lists/blocks.json",
                "/trust/lists/allows.json",
                "/reports.json",
                "/feeds/org/" + h + ".json",
                "/feeds/directory.json"));
    for (JsonNode e : TestNode.json(n.api("GET", n.entriesPath(), null)).path("items")) {
      paths.add(URI.create(e.path("url").asText()).getRawPath());
    }
    HttpClient http = HttpClient.newHttpClient();
    // the mirrors this node keeps of others' logs, as its mirror index names them
    HttpResponse<String> mirrors =
        http.send(
            HttpRequest.newBuilder(URI.create(n.base() + "/mirror"))
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    for (JsonNode m : TestNode.JSON.readTree(mirrors.body()).path("mirrors")) {
      paths.add(
          URI.create(m.path("log").asText()).getRawPath()
              + "?"
              + URI.create(m.path("log").asText()).getRawQuery());
    }
    for (String path : paths) {
      http.send(
          HttpRequest.newBuilder(URI.create(n.base() + path))
              .header("Accept", "application/activity+json")
              .timeout(Duration.ofSeconds(20))
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }
  }

  private static HttpResponse<String> ok(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return r;
  }

  private static String actor(TestNode n) {
    return n.base() + "/orgs/" + n.handle();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
