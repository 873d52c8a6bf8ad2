package org.madani.node.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.madani.node.federation.EmittedContexts;

/**
 * No document a node emits depends on a domain that no node controls: every {@code @context} URL,
 * anywhere in any document (proofs, embedded activities included), is one of the W3C/w3id standard
 * contexts that JSON-LD processors preload. Walks what two real nodes serve after a follow, edits
 * and a delete: actors, every entry, outbox and log pages with every activity, collections, mirror,
 * discovery, nodeinfo, WebFinger, trust lists, reports, exports, and what was delivered.
 */
class EmittedContextsIT {

  @TempDir Path dir;

  @Test
  void everyEmittedDocumentNamesOnlyStandardContexts() throws Exception {
    try (TestNode a = TestNode.start(dir.resolve("a"), "sawa", true);
        TestNode b = TestNode.start(dir.resolve("b"), "nour", false)) {
      String actorA = a.base() + "/orgs/sawa";
      HttpResponse<String> f =
          b.api("POST", "/api/v1/organizations/nour/following", "{\"actor\":\"" + actorA + "\"}");
      assertThat(f.statusCode()).as(f.body()).isEqualTo(202);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          TestNode.json(b.api("GET", "/api/v1/organizations/nour/following", null))
                              .toString())
                      .contains("accepted"));
      JsonNode own = TestNode.json(a.api("GET", a.entriesPath(), null)).path("items");
      assertThat(own.size()).isGreaterThan(2);
      String first = own.get(0).path("id").asText();
      HttpResponse<String> del = a.api("DELETE", a.entriesPath() + "/" + first, null);
      assertThat(del.statusCode()).as(del.body()).isEqualTo(204);
      HttpResponse<String> created =
          a.api(
              "POST",
              a.entriesPath(),
              "{\"kind\":\"need\",\"title\":{\"ar\":\"حاجة\",\"en\":\"A need\"},\"category\":\"equipment\"}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          TestNode.json(b.api("GET", "/api/v1/organizations/nour/received", null))
                              .toString())
                      .contains("A need"));

      Map<String, JsonNode> docs = new LinkedHashMap<>();
      for (TestNode n : List.of(a, b)) {
        String h = n.handle();
        String actor = n.base() + "/orgs/" + h;
        for (String path :
            List.of(
                "/orgs/" + h,
                "/orgs/" + h + "/outbox",
                "/orgs/" + h + "/outbox?before=" + Long.MAX_VALUE,
                "/orgs/" + h + "/log",
                "/orgs/" + h + "/log?after=0",
                "/orgs/" + h + "/followers",
                "/orgs/" + h + "/following",
                "/mirror",
                "/mirror/log?actor=" + URLEncoder.encode(actor, StandardCharsets.UTF_8),
                "/discovery/peers.json",
                "/.well-known/nodeinfo",
                "/nodeinfo/2.1",
                "/.well-known/webfinger?resource=acct:" + h + "@" + n.base().getAuthority(),
                "/trust/lists/blocks.json",
                "/trust/lists/allows.json",
                "/reports.json",
                "/api/v1/export/hsds.json",
                "/api/v1/directory")) {
          fetch(n, path, docs);
        }
        for (JsonNode e : TestNode.json(n.api("GET", n.entriesPath(), null)).path("items")) {
          fetch(
              n,
              URI.create(
                      e.path("url")
                          .asText(n.base() + "/orgs/" + h + "/entries/" + e.path("id").asText()))
                  .getRawPath(),
              docs);
        }
        docs.put(
            n + " received",
            TestNode.json(n.api("GET", "/api/v1/organizations/" + h + "/received", null)));
      }
      // The walk really saw activities, entries and proofs, not only empty pages. (What is only
      // delivered, such as Follow and Accept, FedifyInteropIT checks as Fedify receives it.)
      String all = docs.values().toString();
      assertThat(all)
          .contains("\"Create\"", "\"Delete\"", "\"Event\"", "\"Article\"", "DataIntegrityProof");

      List<String> offending = new ArrayList<>();
      docs.forEach(
          (where, doc) ->
              contextUrls(doc).stream()
                  .filter(u -> !EmittedContexts.isStandard(u))
                  .forEach(u -> offending.add(where + " names " + u)));
      assertThat(offending).isEmpty();
    }
  }

  private static void fetch(TestNode n, String path, Map<String, JsonNode> docs) throws Exception {
    HttpResponse<String> r =
        n.get(path, "Accept", "application/activity+json", "Authorization", "Bearer " + n.token());
    if (r.statusCode() != 200) return; // not published here (a list not opted in, say)
    String type = r.headers().firstValue("Content-Type").orElse("");
    if (!type.contains("json")) return;
    docs.put(n.base() + path, TestNode.json(r));
  }

  /** Every string naming a context, in any {@code @context} at any depth. */
  static Set<String> contextUrls(JsonNode node) {
    Set<String> out = new LinkedHashSet<>();
    collect(node, out);
    return out;
  }

  private static void collect(JsonNode node, Set<String> out) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              kv -> {
                if (kv.getKey().equals("@context")) {
                  JsonNode c = kv.getValue();
                  if (c.isTextual()) out.add(c.asText());
                  else if (c.isArray())
                    c.forEach(
                        x -> {
                          if (x.isTextual()) out.add(x.asText());
                        });
                }
                collect(kv.getValue(), out);
              });
    } else if (node.isArray()) {
      node.forEach(x -> collect(x, out));
    }
  }
}
