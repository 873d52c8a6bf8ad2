package org.madani.node.federation.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.madani.node.federation.fetch.AddressGuardTest.failure;
import static org.madani.node.federation.fetch.AddressGuardTest.value;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.madani.node.federation.fetch.AddressGuardTest.TableResolver;
import org.madani.node.federation.fetch.FetchException.Reason;
import org.madani.node.json.JsonCodec;

/**
 * WireMock plays the remote server on 127.0.0.1. "Allowed" cases run the guard in development mode
 * (loopback permitted) and reach WireMock through the name {@code peer.test}, which only the test
 * resolver knows: a request that arrives at all proves the fetcher connected to the vetted address
 * instead of resolving again. Refusals run in production mode and prove that no request reached
 * WireMock.
 */
class GuardedFetcherTest {

  private static final String AS_JSON = "application/activity+json";

  private static WireMockServer wireMock;
  private static Vertx vertx;
  private static JsonCodec codec;
  private static JsonLdContexts contexts;

  private TableResolver resolver;
  private GuardedFetcher development;
  private GuardedFetcher production;

  @BeforeAll
  static void startServer() {
    wireMock =
        new WireMockServer(
            options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .dynamicHttpsPort()
                .containerThreads(12));
    wireMock.start();
    vertx = Vertx.vertx();
    codec = new JsonCodec(16);
    contexts = new JsonLdContexts(codec.mapper());
  }

  @AfterAll
  static void stopServer() throws Exception {
    wireMock.stop();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void setUp() {
    wireMock.resetAll();
    resolver =
        new TableResolver(
            Map.of(
                "peer.test", List.of("127.0.0.1"),
                "metadata.test", List.of("169.254.169.254")));
    development =
        new GuardedFetcher(vertx, new AddressGuard(true, resolver), codec, contexts, "Madani-test");
    production =
        new GuardedFetcher(
            vertx, new AddressGuard(false, resolver), codec, contexts, "Madani-test");
  }

  @AfterEach
  void tearDown() {
    development.close();
    production.close();
  }

  private static URI peer(String path) {
    return URI.create("http://peer.test:" + wireMock.port() + path);
  }

  private static void stub(String path, ResponseDefinitionBuilder response) {
    wireMock.stubFor(get(urlEqualTo(path)).willReturn(response));
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", AS_JSON).withBody(body);
  }

  private static ResponseDefinitionBuilder redirect(int status, String location) {
    return aResponse().withStatus(status).withHeader("Location", location);
  }

  @Test
  void followsRedirectsAndReturnsTheFinalUrl() {
    stub("/start", redirect(302, "/middle"));
    stub("/middle", redirect(301, peer("/actor") + "#main-key"));
    stub("/actor", json("{\"id\":\"" + peer("/actor") + "\",\"type\":\"Organization\"}"));

    FetchedDocument doc = value(development.getJson(peer("/start")));

    assertThat(doc.requestedUrl()).isEqualTo(peer("/start"));
    assertThat(doc.finalUrl()).isEqualTo(peer("/actor"));
    assertThat(doc.redirected()).isTrue();
    assertThat(doc.document().get("type").asText()).isEqualTo("Organization");
    assertThat(doc.contentType()).isEqualTo(AS_JSON);
    wireMock.verify(
        getRequestedFor(urlEqualTo("/actor"))
            .withHeader("Host", equalTo("peer.test:" + wireMock.port()))
            .withHeader("Accept", containing("application/activity+json"))
            .withHeader("Accept", containing("profile=\"https://www.w3.org/ns/activitystreams\""))
            .withHeader("User-Agent", equalTo("Madani-test")));
    assertThat(resolver.lookups).hasValue(3); // once per hop, and never again by the HTTP client
  }

  @Test
  void acceptsJrdForWebFinger() {
    stub(
        "/.well-known/webfinger?resource=acct:sawa@peer.test",
        aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "application/jrd+json; charset=utf-8")
            .withBody("{\"subject\":\"acct:sawa@peer.test\",\"links\":[]}"));

    FetchedDocument doc =
        value(
            development.getJson(
                peer("/.well-known/webfinger?resource=acct:sawa@peer.test"),
                FetchOptions.webFinger()));

    assertThat(doc.document().get("subject").asText()).isEqualTo("acct:sawa@peer.test");
    wireMock.verify(
        getRequestedFor(anyUrl()).withHeader("Accept", containing("application/jrd+json")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1:{https}/actor",
        "https://peer.test:{https}/actor",
        "https://[::1]:{https}/actor",
        "https://[::ffff:127.0.0.1]:{https}/actor",
        "https://2130706433:{https}/actor",
        "https://0x7f.1:{https}/actor",
        "https://0177.0.0.1:{https}/actor",
        "https://169.254.169.254/latest/meta-data/",
        "https://metadata.test/latest/meta-data/"
      })
  void refusesForbiddenAddressesOutsideDevModeWithoutSendingAnything(String template) {
    wireMock.stubFor(any(anyUrl()).willReturn(json("{}")));
    URI url = URI.create(template.replace("{https}", String.valueOf(wireMock.httpsPort())));

    assertThat(failure(production.getJson(url)).reason()).isEqualTo(Reason.FORBIDDEN_ADDRESS);
    assertThat(wireMock.getAllServeEvents()).isEmpty();
  }

  @Test
  void refusesPlainHttpOutsideDevModeWithoutSendingAnything() {
    wireMock.stubFor(any(anyUrl()).willReturn(json("{}")));

    FetchException e =
        failure(production.getJson(URI.create("http://127.0.0.1:" + wireMock.port() + "/")));

    assertThat(e.reason()).isEqualTo(Reason.BAD_SCHEME);
    assertThat(wireMock.getAllServeEvents()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://169.254.169.254/latest/meta-data/iam/",
        "http://metadata.test/latest/meta-data/",
        "http://[::ffff:169.254.169.254]/",
        "http://2130706433:{port}/actor",
        "http://0.0.0.0:{port}/actor"
      })
  void refusesARedirectToAForbiddenAddressAtTheHop(String template) {
    stub("/start", redirect(302, template.replace("{port}", String.valueOf(wireMock.port()))));

    FetchException e = failure(development.getJson(peer("/start")));

    assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_ADDRESS);
    assertThat(wireMock.getAllServeEvents()).hasSize(1);
  }

  @Test
  void refusesARedirectToAnotherScheme() {
    stub("/start", redirect(307, "file:///etc/passwd"));

    assertThat(failure(development.getJson(peer("/start"))).reason()).isEqualTo(Reason.BAD_SCHEME);
  }

  @Test
  void followsThreeRedirectsButNotFour() {
    for (int i = 0; i < 4; i++) {
      stub("/r" + i, redirect(302, "/r" + (i + 1)));
    }
    stub("/r4", json("{\"id\":\"x\"}"));

    assertThat(value(development.getJson(peer("/r1"))).finalUrl()).isEqualTo(peer("/r4"));
    wireMock.resetRequests();

    FetchException e = failure(development.getJson(peer("/r0")));

    assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_REDIRECTS);
    assertThat(wireMock.getAllServeEvents()).hasSize(4);
    wireMock.verify(0, getRequestedFor(urlEqualTo("/r4")));
  }

  @Test
  void refusesAnAnnouncedContentLengthAboveTheCap() {
    String body = "{\"pad\":\"" + "x".repeat(4000) + "\"}";
    stub("/big", json(body).withHeader("Content-Length", String.valueOf(body.length())));

    FetchException e =
        failure(development.getJson(peer("/big"), FetchOptions.defaults().withMaxBytes(1024)));

    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void abortsAChunkedBodyAsSoonAsItCrossesTheCap() {
    // 400 KB dribbled out in 100 chunks over 5 s, with no Content-Length. Reading it all would take
    // the full 5 s; crossing a 16 KiB cap takes a fraction of that.
    String body = "{\"pad\":\"" + "x".repeat(400_000) + "\"}";
    stub("/stream", json(body).withChunkedDribbleDelay(100, 5000));

    long start = System.nanoTime();
    FetchException e =
        failure(
            development.getJson(
                peer("/stream"),
                FetchOptions.defaults()
                    .withMaxBytes(16 * 1024)
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(8))));

    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3000));
  }

  @Test
  void refusesJsonNestedTooDeeply() {
    stub("/deep", json("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}"));

    assertThat(failure(development.getJson(peer("/deep"))).reason()).isEqualTo(Reason.TOO_DEEP);
  }

  @Test
  void refusesDuplicateKeysAndNonObjects() {
    stub("/dup", json("{\"id\":\"https://a.example/\",\"id\":\"https://b.example/\"}"));
    stub("/array", json("[{\"id\":\"x\"}]"));
    stub("/broken", json("{\"id\":"));

    assertThat(failure(development.getJson(peer("/dup"))).reason()).isEqualTo(Reason.MALFORMED);
    assertThat(failure(development.getJson(peer("/array"))).reason()).isEqualTo(Reason.MALFORMED);
    assertThat(failure(development.getJson(peer("/broken"))).reason()).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void refusesNonJsonContentTypes() {
    stub(
        "/html",
        aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "text/html; charset=utf-8")
            .withBody("{\"looks\":\"like json\"}"));
    stub("/none", aResponse().withStatus(200).withBody("{}"));

    assertThat(failure(development.getJson(peer("/html"))).reason()).isEqualTo(Reason.NOT_JSON);
    assertThat(failure(development.getJson(peer("/none"))).reason()).isEqualTo(Reason.NOT_JSON);
  }

  @Test
  void reportsHttpStatusesWithTheirCode() {
    stub("/gone", aResponse().withStatus(410));
    stub("/busy", aResponse().withStatus(503));
    stub("/nolocation", aResponse().withStatus(302));

    FetchException gone = failure(development.getJson(peer("/gone")));
    FetchException busy = failure(development.getJson(peer("/busy")));
    FetchException noLocation = failure(development.getJson(peer("/nolocation")));

    assertThat(gone.reason()).isEqualTo(Reason.HTTP_STATUS);
    assertThat(gone.status()).isEqualTo(410);
    assertThat(gone.retryable()).isFalse();
    assertThat(busy.status()).isEqualTo(503);
    assertThat(busy.retryable()).isTrue();
    assertThat(noLocation.status()).isEqualTo(302);
  }

  @Test
  void timesOutOnASlowServer() {
    stub("/slow", json("{}").withFixedDelay(2000));

    long start = System.nanoTime();
    FetchException e =
        failure(
            development.getJson(
                peer("/slow"),
                FetchOptions.defaults()
                    .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(300))));

    assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
    assertThat(e.retryable()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
  }

  @Test
  void neverFetchesAKnownJsonLdContext() {
    stub("/start", redirect(302, "https://w3id.org/security/v1"));

    assertThat(
            failure(development.getJson(URI.create("https://www.w3.org/ns/activitystreams")))
                .reason())
        .isEqualTo(Reason.KNOWN_CONTEXT);
    assertThat(failure(development.getJson(peer("/start"))).reason())
        .isEqualTo(Reason.KNOWN_CONTEXT);
    assertThat(resolver.lookups).hasValue(1); // only peer.test
  }

  @Test
  void signsEachHopForItsOwnUrl() {
    List<URI> signed = new CopyOnWriteArrayList<>();
    GetSigner signer =
        target -> {
          signed.add(target);
          return Future.succeededFuture(
              MultiMap.caseInsensitiveMultiMap().add("Signature", "sig-for-" + target.getPath()));
        };
    stub("/start", redirect(302, "/actor"));
    stub("/actor", json("{\"id\":\"x\"}"));

    value(development.getJson(peer("/start"), FetchOptions.defaults().withSigner(signer)));

    assertThat(signed).containsExactly(peer("/start"), peer("/actor"));
    wireMock.verify(
        getRequestedFor(urlEqualTo("/start")).withHeader("Signature", equalTo("sig-for-/start")));
    wireMock.verify(
        getRequestedFor(urlEqualTo("/actor")).withHeader("Signature", equalTo("sig-for-/actor")));
  }
}
