package org.madani.node.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;

/**
 * Trainings across two real nodes on loopback (issue 16 item 5): a training with two places
 * published on A reaches B (which follows A), B's directory finds it by «تدريب» and "training", and
 * organizations hosted on B register with a signed Join until the places are taken: the first two
 * get Accept, the third Reject, and each answer reaches B. A's participation view counts two; the
 * calendar file has one event per session.
 */
class TrainingRegistrationIT {

  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static final Duration WAIT = Duration.ofSeconds(60);

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false);
    b = TestNode.start(dir.resolve("b"), "beit", false);
    for (String h : new String[] {"beit2", "beit3"}) {
      ok(
          b.api(
              "POST",
              "/api/v1/organizations",
              "{\"handle\":\""
                  + h
                  + "\",\"profile\":{\"name\":{\"ar\":\"جمعية "
                  + h
                  + "\",\"en\":\"Association "
                  + h
                  + "\"}}}"),
          201);
    }
    KnowledgeAndFactsIT.follow(b, a);
  }

  @AfterAll
  static void stop() {
    for (TestNode n : new TestNode[] {a, b}) if (n != null) n.close();
  }

  static HttpResponse<String> ok(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return r;
  }

  static final String TRAINING =
      """
      {"kind":"training","title":{"ar":"ورشة التوثيق الآمن","en":"Safe documentation workshop"},
       "summary":{"ar":"جلستان عن أدوات التوثيق الميداني","en":"Two sessions on field documentation tools"},
       "timeZone":"Asia/Damascus","capacity":2,"registration":"open",
       "sessions":[
        {"startTime":"2027-03-01T10:00:00+03:00","endTime":"2027-03-01T13:00:00+03:00",
         "place":{"name":{"ar":"مركز المجتمع المدني","en":"Civil society centre"},"region":"sy-aleppo"}},
        {"startTime":"2027-03-08T10:00:00+03:00","endTime":"2027-03-08T12:00:00+03:00",
         "onlineUrl":"https://meet.example.org/training"}]}
      """;

  static JsonNode registrations(String handle) throws Exception {
    return TestNode.json(
            ok(b.api("GET", "/api/v1/organizations/" + handle + "/registrations", null), 200))
        .get("items");
  }

  static String stateOf(String handle) throws Exception {
    JsonNode items = registrations(handle);
    return items.isEmpty() ? "none" : items.get(0).get("state").asText();
  }

  @Test
  void trainingPublishedOnA_isFoundOnB_andRegistrationsStopAtCapacity() throws Exception {
    String id = TestNode.json(ok(a.api("POST", a.entriesPath(), TRAINING), 201)).get("id").asText();
    String url = a.base() + "/orgs/alef/entries/" + id;

    // the node checks each session's end against its start
    String bad =
        TRAINING.replace(
            "\"endTime\":\"2027-03-08T12:00:00+03:00\"",
            "\"endTime\":\"2027-03-07T12:00:00+03:00\"");
    HttpResponse<String> refused = a.api("POST", a.entriesPath(), bad);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(refused.body()).contains("/sessions/1/endTime");

    // B's directory finds it by the kind's word in either language, and under kind=training
    for (String q : new String[] {"تدريب", "training", "التوثيق"}) {
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(
                          TestNode.json(
                                  b.api(
                                      "GET",
                                      "/api/v1/directory?q="
                                          + URLEncoder.encode(q, StandardCharsets.UTF_8),
                                      null))
                              .get("items"))
                      .as(q)
                      .extracting(i -> i.get("id").asText())
                      .contains(url));
    }
    JsonNode byKind = TestNode.json(b.api("GET", "/api/v1/directory?kind=training", null));
    assertThat(byKind.get("items")).extracting(i -> i.get("id").asText()).containsExactly(url);

    // three organizations on B register; two places
    ok(
        b.api("POST", "/api/v1/organizations/beit/registrations", "{\"object\":\"" + url + "\"}"),
        202);
    await().atMost(WAIT).until(() -> stateOf("beit"), "accepted"::equals);
    ok(
        b.api("POST", "/api/v1/organizations/beit2/registrations", "{\"object\":\"" + url + "\"}"),
        202);
    await().atMost(WAIT).until(() -> stateOf("beit2"), "accepted"::equals);
    ok(
        b.api("POST", "/api/v1/organizations/beit3/registrations", "{\"object\":\"" + url + "\"}"),
        202);
    await().atMost(WAIT).until(() -> stateOf("beit3"), "rejected"::equals);
    // registering twice is refused; nothing more is sent
    HttpResponse<String> again =
        b.api("POST", "/api/v1/organizations/beit/registrations", "{\"object\":\"" + url + "\"}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(registrations("beit")).hasSize(1);
    // an object B never received cannot be joined
    ok(
        b.api(
            "POST",
            "/api/v1/organizations/beit/registrations",
            "{\"object\":\"" + a.base() + "/orgs/alef/entries/nope\"}"),
        404);

    JsonNode participation =
        TestNode.json(
            ok(
                a.api("GET", "/api/v1/organizations/alef/entries/" + id + "/participation", null),
                200));
    assertThat(participation.get("participantCount").asInt()).isEqualTo(2);
    assertThat(participation.get("maximumAttendeeCapacity").asInt()).isEqualTo(2);
    assertThat(participation.get("participants"))
        .extracting(p -> p.get("state").asText())
        .containsExactlyInAnyOrder("accepted", "accepted", "rejected");
    assertThat(participation.get("items"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(b.base() + "/orgs/beit", b.base() + "/orgs/beit2");
    // the capacity is the training's own: the event settings route does not override it
    ok(
        a.api(
            "PUT",
            "/api/v1/organizations/alef/entries/" + id + "/participation",
            "{\"joinMode\":\"free\",\"maximumAttendeeCapacity\":10}"),
        409);

    // what B received: an Event with kind training, its sessions and capacity under Mobilizon's
    // term
    JsonNode object =
        TestNode.json(
            ok(a.get("/orgs/alef/entries/" + id, "Accept", "application/activity+json"), 200));
    assertThat(object.get("type").asText()).isEqualTo("Event");
    assertThat(object.get("kind").asText()).isEqualTo("training");
    assertThat(object.get("startTime").asText()).isEqualTo("2027-03-01T10:00:00+03:00");
    assertThat(object.get("endTime").asText()).isEqualTo("2027-03-08T12:00:00+03:00");
    assertThat(object.get("maximumAttendeeCapacity").asInt()).isEqualTo(2);
    assertThat(object.get("joinMode").asText()).isEqualTo("free");
    assertThat(object.at("/sessions/0/location/nameMap/en").asText())
        .isEqualTo("Civil society centre");
    assertThat(object.at("/sessions/1/onlineUrl").asText())
        .isEqualTo("https://meet.example.org/training");

    // the calendar: one VEVENT per session, each with its own UID
    String ics = ok(a.get("/orgs/alef/entries/" + id + ".ics"), 200).body();
    assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(3);
    assertThat(ics).contains("UID:" + url + "#session-1", "UID:" + url + "#session-2");
    assertThat(ics).contains("DTSTART;TZID=Asia/Damascus:20270301T100000");
    assertThat(ics).contains("LOCATION:https://meet.example.org/training");

    // the public page, Arabic (RTL) and English: sessions and how to register
    String ar = ok(a.get("/orgs/alef/entries/" + id + "?lang=ar"), 200).body();
    assertThat(ar)
        .contains("dir=\"rtl\"", "الجلسات", "عدد المقاعد", "للتسجيل", url, "مركز المجتمع المدني");
    String en = ok(a.get("/orgs/alef/entries/" + id + "?lang=en"), 200).body();
    assertThat(en)
        .contains("Sessions", "Places", "To register", "https://meet.example.org/training");
  }
}
