package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;

/** The admin API against a real node on loopback with a real H2 file. */
class EntryApiIT {

  @TempDir static Path dir;
  static TestNode node;

  static final String EVENT =
      """
      {"kind": "event",
       "title": {"ar": "ورشة عمل حول التوثيق", "en": "Documentation workshop"},
       "summary": {"en": "How to document violations safely"},
       "startTime": "2027-01-15T17:00:00+01:00", "endTime": "2027-01-15T19:00:00+01:00",
       "timeZone": "Europe/Berlin",
       "place": {"name": {"en": "Community hall"}, "region": "de-berlin"},
       "sectors": ["human-rights"], "regions": ["de-berlin"], "languages": ["ar", "en"]}
      """;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(dir.resolve("n"), "sawa", false);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void eventLifecycle_createReadListUpdateDelete() throws Exception {
    HttpResponse<String> created = node.api("POST", node.entriesPath(), EVENT);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode e = TestNode.json(created);
    String id = e.get("id").asText();
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/entries/" + id));
    assertThat(e.get("version").asInt()).isEqualTo(1);
    assertThat(e.get("visibility").asText()).isEqualTo("public");

    HttpResponse<String> read = node.api("GET", node.entriesPath() + "/" + id, null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(TestNode.json(read).at("/title/ar").asText()).isEqualTo("ورشة عمل حول التوثيق");
    assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");

    JsonNode list =
        TestNode.json(node.api("GET", node.entriesPath() + "?kind=event&region=de-berlin", null));
    assertThat(list.get("items")).anySatisfy(i -> assertThat(i.get("id").asText()).isEqualTo(id));
    JsonNode none = TestNode.json(node.api("GET", node.entriesPath() + "?kind=need", null));
    assertThat(none.get("items")).noneSatisfy(i -> assertThat(i.get("id").asText()).isEqualTo(id));

    String changed = EVENT.replace("Documentation workshop", "Documentation workshop (moved)");
    HttpResponse<String> updated =
        node.api("PUT", node.entriesPath() + "/" + id, changed, "If-Match", "\"1\"");
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(TestNode.json(updated).get("version").asInt()).isEqualTo(2);
    assertThat(
            TestNode.json(node.api("GET", node.entriesPath() + "/" + id, null))
                .at("/title/en")
                .asText())
        .isEqualTo("Documentation workshop (moved)");

    HttpResponse<String> stale =
        node.api("PUT", node.entriesPath() + "/" + id, EVENT, "If-Match", "\"1\"");
    assertProblem(stale, 409);

    assertThat(node.api("DELETE", node.entriesPath() + "/" + id, null).statusCode()).isEqualTo(204);
    assertProblem(node.api("GET", node.entriesPath() + "/" + id, null), 404);
    assertProblem(node.api("DELETE", node.entriesPath() + "/" + id, null), 404);
  }

  @Test
  void malformedJson_is400_andNothingStored() throws Exception {
    long before = total();
    assertProblem(node.api("POST", node.entriesPath(), "{\"kind\": \"event\", "), 400);
    assertProblem(node.api("POST", node.entriesPath(), "[1,2,3]"), 400);
    assertProblem(
        node.api("POST", node.entriesPath(), "{\"kind\":\"event\",\"kind\":\"need\"}"), 400);
    assertThat(total()).isEqualTo(before);
  }

  @Test
  void schemaViolation_is422_withPointers_andNothingStored() throws Exception {
    long before = total();
    HttpResponse<String> r =
        node.api(
            "POST",
            node.entriesPath(),
            EVENT.replace("\"startTime\": \"2027-01-15T17:00:00+01:00\",", ""));
    JsonNode p = assertProblem(r, 422);
    assertThat(p.get("errors").toString()).contains("startTime");
    assertProblem(
        node.api("POST", node.entriesPath(), EVENT.replace("\"de-berlin\"]", "\"atlantis\"]")),
        422);
    assertProblem(
        node.api(
            "POST",
            node.entriesPath(),
            EVENT.replace("\"2027-01-15T19:00:00+01:00\"", "\"2027-01-14T19:00:00+01:00\"")),
        422);
    assertThat(total()).isEqualTo(before);
  }

  @Test
  void deeplyNestedJson_isRefused() throws Exception {
    String deep = "{\"kind\":\"event\",\"x\":" + "[".repeat(500) + "]".repeat(500) + "}";
    assertProblem(node.api("POST", node.entriesPath(), deep), 400);
  }

  @Test
  void tenMegabyteBody_is413() throws Exception {
    String big =
        "{\"kind\":\"article\",\"content\":{\"en\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}}";
    HttpResponse<String> r = node.api("POST", node.entriesPath(), big);
    assertProblem(r, 413);
  }

  @Test
  void missingOrWrongToken_is401() throws Exception {
    HttpResponse<String> r = node.send("GET", node.entriesPath(), null);
    assertProblem(r, 401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
    assertProblem(
        node.send("POST", node.entriesPath(), EVENT, "Content-Type", "application/json"), 401);
    assertProblem(
        node.send("GET", node.entriesPath(), null, "Authorization", "Bearer mdn_nope"), 401);
  }

  @Test
  void nonJsonBody_is415() throws Exception {
    assertProblem(
        node.send(
            "POST",
            node.entriesPath(),
            EVENT,
            "Authorization",
            "Bearer " + node.token(),
            "Content-Type",
            "text/plain"),
        415);
  }

  @Test
  void unknownOrganization_is404() throws Exception {
    assertProblem(node.api("GET", "/api/v1/organizations/nobody/entries", null), 404);
  }

  @Test
  void badQuery_is400() throws Exception {
    assertProblem(node.api("GET", node.entriesPath() + "?pageSize=1000", null), 400);
    assertProblem(node.api("GET", node.entriesPath() + "?kind=party", null), 400);
    assertProblem(node.api("GET", node.entriesPath() + "?from=yesterday", null), 400);
  }

  @Test
  void profile_readAndUpdate_withVersionCheck() throws Exception {
    String path = "/api/v1/organizations/sawa/profile";
    JsonNode p = TestNode.json(node.api("GET", path, null));
    int version = p.get("version").asInt();
    String updated =
        "{\"name\": {\"ar\": \"شبكة سوا\", \"en\": \"Sawa network\"}, \"sectors\": [\"education\"],"
            + " \"contacts\": [{\"kind\": \"phone\", \"value\": \"+49 30 0000\", \"visibility\": \"hidden\"}]}";
    HttpResponse<String> r = node.api("PUT", path, updated, "If-Match", "\"" + version + "\"");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(TestNode.json(r).at("/name/ar").asText()).isEqualTo("شبكة سوا");
    assertProblem(node.api("PUT", path, updated, "If-Match", "\"" + version + "\""), 409);
    assertProblem(node.api("PUT", path, "{\"name\": \"not a language map\"}"), 422);
  }

  @Test
  void openApiDocument_isServed() throws Exception {
    HttpResponse<String> r = node.get("/api/v1/openapi.json");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode doc = TestNode.json(r);
    assertThat(doc.get("openapi").asText()).startsWith("3.1");
    assertThat(doc.at("/paths").has("/api/v1/organizations/{handle}/entries")).isTrue();
    // the schemas it references are served by the node itself
    assertThat(node.get("/schemas/entry.schema.json").statusCode()).isEqualTo(200);
  }

  @Test
  void passwordLogin_issuesWorkingToken() throws Exception {
    HttpResponse<String> r =
        node.send(
            "POST",
            "/api/v1/auth/login",
            "{\"username\":\"admin\",\"password\":\"correct horse battery staple\"}",
            "Content-Type",
            "application/json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    String token = TestNode.json(r).get("token").asText();
    assertThat(
            node.send("GET", node.entriesPath(), null, "Authorization", "Bearer " + token)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void repeatedWrongPasswords_areThrottled() throws Exception {
    int throttled = 0;
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> r =
          node.send(
              "POST",
              "/api/v1/auth/login",
              "{\"username\":\"mallory\",\"password\":\"guess" + i + "\"}",
              "Content-Type",
              "application/json");
      if (r.statusCode() == 429) {
        throttled++;
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
      } else {
        assertProblem(r, 401);
      }
    }
    assertThat(throttled).isGreaterThanOrEqualTo(14);
  }

  @Test
  void health() throws Exception {
    assertThat(node.get("/livez").statusCode()).isEqualTo(200);
    assertThat(node.get("/readyz").statusCode()).isEqualTo(200);
  }

  private static long total() throws Exception {
    return TestNode.json(node.api("GET", node.entriesPath() + "?pageSize=1", null))
        .get("total")
        .asLong();
  }

  static JsonNode assertProblem(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode p = TestNode.json(r);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("type").asText()).startsWith("https://");
    assertThat(p.get("title").asText()).isNotBlank();
    return p;
  }
}
