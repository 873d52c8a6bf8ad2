package org.madani.node.federation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.NodeProcess;
import org.madani.node.federation.sig.HttpRequestView;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.Rfc9421Signer;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SigningKey;

/**
 * The real jar as a process delivers to a follower (played by WireMock, answering slowly so that
 * deliveries are in flight); the process is killed with SIGKILL mid-delivery and started again on
 * the same data directory; the follower ends up with every activity (at least once; receivers
 * deduplicate by activity id).
 */
class DeliveryAfterCrashIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final int ENTRIES = 30;
  @TempDir Path dir;
  Process process;
  WireMockServer follower;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void cleanup() {
    if (process != null) process.destroyForcibly();
    if (follower != null) follower.stop();
  }

  @Test
  void killedMidDelivery_deliversTheRestAfterRestart() throws Exception {
    KeyPair key = Keys.generateEd25519(new SecureRandom());
    follower = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    follower.start();
    String actor = "http://127.0.0.1:" + follower.port() + "/users/reader";
    ObjectNode doc =
        JSON.createObjectNode()
            .put("id", actor)
            .put("type", "Person")
            .put("inbox", actor + "/inbox");
    doc.putArray("assertionMethod")
        .addObject()
        .put("id", actor + "#ed")
        .put("type", "Multikey")
        .put("controller", actor)
        .put("publicKeyMultibase", Keys.toMultibase(key.getPublic()));
    follower.stubFor(
        get(urlPathEqualTo("/users/reader"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/activity+json")
                    .withBody(doc.toString())));
    // A slow inbox: each delivery takes a while, so the kill lands while some are in flight.
    follower.stubFor(
        post(urlPathEqualTo("/users/reader/inbox"))
            .willReturn(aResponse().withStatus(202).withFixedDelay(400)));

    Path data = dir.resolve("data");
    int port = NodeProcess.freePort();
    URI base = URI.create("http://127.0.0.1:" + port);
    NodeProcess.run(
        "init",
        "--data-dir",
        data.toString(),
        "--handle",
        "sawa",
        "--dev",
        "--port",
        String.valueOf(port));
    String token = NodeProcess.run("token", "--data-dir", data.toString()).strip();
    process = NodeProcess.serve(data, dir.resolve("serve.log"));
    NodeProcess.awaitReady(base);

    // The reader follows the organization (auto-approved, so the node starts delivering to it).
    String follow =
        "{\"id\":\""
            + actor
            + "/follows/1\",\"type\":\"Follow\",\"actor\":\""
            + actor
            + "\",\"object\":\""
            + base
            + "/orgs/sawa\"}";
    HttpRequestView signed =
        new Rfc9421Signer(
                new SigningKey(actor + "#ed", SignatureAlgorithm.ED25519, key.getPrivate()),
                Clock.systemUTC())
            .signRequest(
                HttpRequestView.of(
                    "POST",
                    URI.create(base + "/orgs/sawa/inbox"),
                    Map.of(
                        "host",
                        base.getRawAuthority(),
                        "content-type",
                        "application/activity+json"),
                    follow.getBytes(StandardCharsets.UTF_8)));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/orgs/sawa/inbox"));
    signed
        .headers()
        .forEach(
            (n, vs) -> {
              if (!List.of("host", "content-length").contains(n)) vs.forEach(v -> b.header(n, v));
            });
    assertThat(
            http.send(
                    b.POST(HttpRequest.BodyPublishers.ofByteArray(signed.body())).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> activities("Accept").size() == 1);

    // All entries in one import (one transaction), so that all their deliveries are queued before
    // the first one arrives: created one by one, a fast worker could deliver each before the next.
    Set<String> created = new HashSet<>();
    StringBuilder batch = new StringBuilder("{\"entries\":[");
    for (int i = 0; i < ENTRIES; i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append("{\"kind\":\"article\",\"title\":{\"ar\":\"مقالة ")
          .append(i)
          .append("\"}}");
    }
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/organizations/sawa/entries/import"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(batch.append("]}").toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    for (JsonNode item : JSON.readTree(r.body()).get("items"))
      created.add(item.get("url").asText());
    assertThat(created).hasSize(ENTRIES);
    // Kill as soon as the first deliveries have arrived: the rest are queued or in flight.
    await().atMost(Duration.ofSeconds(20)).until(() -> !activities("Create").isEmpty());
    process.destroyForcibly();
    process.waitFor();
    int beforeRestart = distinctObjects().size();
    assertThat(beforeRestart).as("killed mid-delivery").isLessThan(ENTRIES);

    process = NodeProcess.serve(data, dir.resolve("serve.log"));
    NodeProcess.awaitReady(base);
    // Leased jobs become due again when their lease runs out; all arrive in the end.
    await()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(distinctObjects()).containsAll(created));
  }

  private List<JsonNode> activities(String type) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (LoggedRequest r :
        follower.findAll(postRequestedFor(urlPathEqualTo("/users/reader/inbox")))) {
      JsonNode a = JSON.readTree(r.getBodyAsString());
      if (type.equals(a.path("type").asText())) out.add(a);
    }
    return out;
  }

  private Set<String> distinctObjects() throws Exception {
    Set<String> out = new HashSet<>();
    for (JsonNode a : activities("Create")) out.add(a.at("/object/id").asText());
    return out;
  }
}
