package org.madani.node.federation.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.NodeProcess;
import org.madani.node.TestNode;

/**
 * Entries made in bulk are published like any other write: the example entries loaded by {@code
 * init --examples} (what {@code ./madani demo} runs) and entries sent to the import endpoint, by
 * the API and by the {@code import} command, go into the organization's log with their proofs and
 * reach a follower on another real node.
 */
class BulkPublishIT {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final int EXAMPLES = 9;

  /** One example entry is for the network only: it is not in the public log. */
  static final int PUBLIC_EXAMPLES = 8;

  @TempDir Path dir;
  Process demo;
  TestNode follower;
  TestNode origin;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void stop() {
    if (demo != null) demo.destroyForcibly();
    if (follower != null) follower.close();
    if (origin != null) origin.close();
  }

  @Test
  void followerOfTheDemoOrganizationReceivesItsExampleEntriesAndImportedOnes() throws Exception {
    Path data = dir.resolve("demo");
    int port = NodeProcess.freePort();
    URI base = URI.create("http://127.0.0.1:" + port);
    // As ./madani demo does it: init with the examples, then serve.
    NodeProcess.run(
        "init",
        "--data-dir",
        data.toString(),
        "--handle",
        "sawa",
        "--dev",
        "--port",
        String.valueOf(port),
        "--examples",
        TestNode.EXAMPLES.toString());
    demo = NodeProcess.serve(data, dir.resolve("demo.log"));
    NodeProcess.awaitReady(base);

    JsonNode log = log(base, "sawa");
    assertThat(log.get("orderedItems").size()).isEqualTo(PUBLIC_EXAMPLES);
    assertThat(proven(log)).isEqualTo(PUBLIC_EXAMPLES);
    assertThat(json(get(base.resolve("/orgs/sawa/outbox"))).get("totalItems").asInt())
        .isGreaterThanOrEqualTo(PUBLIC_EXAMPLES);

    follower = TestNode.start(dir.resolve("follower"), "reader", false);
    String actor = base + "/orgs/sawa";
    var r =
        follower.api(
            "POST", "/api/v1/organizations/reader/following", "{\"actor\":\"" + actor + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> received(follower, actor).size() == PUBLIC_EXAMPLES);

    // The import command talks to the running node (login with the credentials init wrote). Now
    // that the reader follows, the network-only example is delivered to it too (not logged).
    String out =
        NodeProcess.run(
            "import",
            "--data-dir",
            data.toString(),
            "--handle",
            "sawa",
            "--url",
            base.toString(),
            TestNode.EXAMPLES.resolve("entries").toString());
    assertThat(out).contains("imported " + EXAMPLES + " entries");
    assertThat(log(base, "sawa").get("orderedItems").size()).isEqualTo(2 * PUBLIC_EXAMPLES);
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> assertThat(received(follower, actor)).hasSize(2 * PUBLIC_EXAMPLES + 1));
  }

  @Test
  void importEndpointPublishesEveryEntryOrNoneAtAll() throws Exception {
    origin = TestNode.start(dir.resolve("origin"), "origin", false);
    follower = TestNode.start(dir.resolve("follower"), "reader", false);
    String actor = origin.base() + "/orgs/origin";
    var r =
        follower.api(
            "POST", "/api/v1/organizations/reader/following", "{\"actor\":\"" + actor + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(
                            follower.api(
                                "GET",
                                "/api/v1/organizations/reader/following?state=accepted",
                                null))
                        .get("items")
                        .size()
                    == 1);

    StringBuilder body = new StringBuilder("{\"entries\":[");
    for (int i = 0; i < 50; i++) {
      if (i > 0) body.append(',');
      body.append("{\"kind\":\"article\",\"title\":{\"ar\":\"مقالة ")
          .append(i)
          .append("\",\"en\":\"Article ")
          .append(i)
          .append("\"}}");
    }
    body.append("]}");
    var created =
        origin.api("POST", "/api/v1/organizations/origin/entries/import", body.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(TestNode.json(created).get("created").asInt()).isEqualTo(50);
    assertThat(proven(log(origin.base(), "origin"))).isEqualTo(50);
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> received(follower, actor).size() == 50);

    // Bad entries in the batch: 422 naming the first (the documents are checked in parallel), and
    // nothing of the batch is stored or published.
    var refused =
        origin.api(
            "POST",
            "/api/v1/organizations/origin/entries/import",
            "{\"entries\":[{\"kind\":\"article\",\"title\":{\"ar\":\"جيد\"}},{\"kind\":\"article\"},"
                + "{\"kind\":\"article\",\"title\":{\"ar\":\"جيد\"}},{\"kind\":\"poem\"}]}");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(TestNode.json(refused).get("index").asInt()).isEqualTo(1);
    assertThat(TestNode.json(refused).get("detail").asText()).startsWith("Entry 1: ");
    assertThat(log(origin.base(), "origin").get("orderedItems").size()).isEqualTo(50);
    assertThat(origin.count("SELECT COUNT(*) FROM entry")).isEqualTo(50);
  }

  private JsonNode log(URI base, String handle) throws Exception {
    return json(
        http.send(
            HttpRequest.newBuilder(base.resolve("/orgs/" + handle + "/log?after=0"))
                .header("Accept", "application/activity+json")
                .build(),
            HttpResponse.BodyHandlers.ofString()));
  }

  /** Log items whose activity and object both carry a proof. */
  private static int proven(JsonNode log) {
    int n = 0;
    for (JsonNode item : log.get("orderedItems")) {
      if (!item.at("/proof/proofValue").asText().isEmpty()
          && !item.at("/object/proof/proofValue").asText().isEmpty()) n++;
    }
    return n;
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).header("Accept", "application/activity+json").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return TestNode.JSON.readTree(r.body());
  }

  private static Set<String> received(TestNode node, String from) throws Exception {
    JsonNode items =
        TestNode.json(
                node.api(
                    "GET",
                    "/api/v1/organizations/"
                        + node.handle()
                        + "/received?actor="
                        + URLEncoder.encode(from, StandardCharsets.UTF_8),
                    null))
            .get("items");
    Set<String> ids = new HashSet<>();
    for (JsonNode i : items) ids.add(i.get("id").asText());
    return ids;
  }
}
