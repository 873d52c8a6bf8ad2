package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;

/** Exports of one real node: shapes, scopes, and hidden contacts never exported. */
class ExportIT {

  @TempDir static Path dir;
  static TestNode a;
  static String project;
  static String offer;
  static String network;

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "sawa", false);
    HttpResponse<String> p =
        a.api(
            "PUT",
            "/api/v1/organizations/sawa/profile",
            "{\"name\":{\"ar\":\"سوا\",\"en\":\"Sawa\"},"
                + "\"summary\":{\"en\":\"Learning, together\"},\"sectors\":[\"education\"],\"foundingYear\":2014,"
                + "\"contacts\":[{\"kind\":\"email\",\"value\":\"info@sawa.example\",\"visibility\":\"public\"},"
                + "{\"kind\":\"phone\",\"value\":\"+963 999 111\",\"visibility\":\"hidden\"},"
                + "{\"kind\":\"phone\",\"value\":\"+49 30 123\",\"visibility\":\"public\"}]}");
    assertThat(p.statusCode()).as(p.body()).isEqualTo(200);
    project =
        FeedsIT.created(
            a,
            "{\"kind\":\"project\",\"title\":{\"ar\":\"مساحات التعلم\",\"en\":\"Learning spaces\"},"
                + "\"summary\":{\"ar\":\"صفوف, \\\"مسائية\\\"\"},\"sectors\":[\"education\"],\"languages\":[\"ar\"]}");
    offer =
        FeedsIT.created(
            a, "{\"kind\":\"offer\",\"category\":\"space\",\"title\":{\"en\":\"=HYPERLINK(1)\"}}");
    network =
        FeedsIT.created(
            a,
            "{\"kind\":\"need\",\"category\":\"funding\",\"visibility\":\"network\","
                + "\"title\":{\"en\":\"Network need\"}}");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                a.api("GET", "/api/v1/directory", null).body().contains(network)
                    && a.get("/api/v1/directory").body().contains("Sawa"));
  }

  @AfterAll
  static void stop() {
    if (a != null) a.close();
  }

  @Test
  void organizationsCsv() throws Exception {
    HttpResponse<String> r = a.get("/api/v1/export/organizations.csv");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    List<String> lines = r.body().replace("\uFEFF", "").lines().toList();
    assertThat(lines.get(0)).isEqualTo(String.join(",", ExportRoutes.ORG_COLUMNS));
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1))
        .startsWith(a.base() + "/orgs/sawa,sawa,true,سوا,Sawa,,\"Learning, together\",education,")
        .contains("info@sawa.example")
        .endsWith(",2"); // two public entries
    assertThat(r.body()).doesNotContain("999 111");
  }

  @Test
  void entriesCsv_publicOrNetworkScope_andFormulaSafe() throws Exception {
    String anonymous = a.get("/api/v1/export/entries.csv").body();
    List<String> lines = anonymous.replace("\uFEFF", "").lines().toList();
    assertThat(lines.get(0)).isEqualTo(String.join(",", ExportRoutes.ENTRY_COLUMNS));
    assertThat(lines).hasSize(3);
    assertThat(anonymous)
        .contains(project)
        .contains(offer)
        .doesNotContain(network)
        .contains("\"صفوف, \"\"مسائية\"\"\"")
        .contains("'=HYPERLINK(1)");
    assertThat(a.api("GET", "/api/v1/export/entries.csv", null).body()).contains(network);
    assertThat(a.get("/api/v1/export/entries.csv", "Authorization", "Bearer wrong").statusCode())
        .isEqualTo(401);
  }

  @Test
  void hsdsJson() throws Exception {
    HttpResponse<String> r = a.get("/api/v1/export/hsds.json");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode d = TestNode.json(r);
    assertThat(d.get("scope").asText()).isEqualTo("public");
    JsonNode org = d.at("/organizations/0");
    assertThat(org.get("id").asText()).matches("[0-9a-f-]{36}");
    assertThat(org.get("name").asText()).isEqualTo("سوا");
    assertThat(org.get("alternate_name").asText()).isEqualTo("Sawa");
    assertThat(org.get("uri").asText()).isEqualTo(a.base() + "/orgs/sawa");
    assertThat(org.get("email").asText()).isEqualTo("info@sawa.example");
    assertThat(org.get("year_incorporated").asInt()).isEqualTo(2014);
    assertThat(org.get("phones")).hasSize(1);
    assertThat(org.at("/phones/0/number").asText()).isEqualTo("+49 30 123");
    assertThat(org.get("services")).hasSize(2);
    JsonNode service =
        org.at("/services/0").get("url").asText().equals(project)
            ? org.at("/services/0")
            : org.at("/services/1");
    assertThat(service.get("organization_id").asText()).isEqualTo(org.get("id").asText());
    assertThat(service.get("name").asText()).isEqualTo("مساحات التعلم");
    assertThat(service.get("status").asText()).isEqualTo("active");
    assertThat(service.at("/attributes/0/taxonomy_term/code").asText()).isEqualTo("education");
    assertThat(r.body()).doesNotContain("999 111").doesNotContain("Network need");
    // Same ids on every export.
    assertThat(TestNode.json(a.get("/api/v1/export/hsds.json")).at("/organizations/0/id"))
        .isEqualTo(org.get("id"));
  }
}
