package org.madani.node.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.madani.node.TestNode;

/**
 * "Follow from your server" (issue 18 item 6): a visitor types their account on an organization
 * page; the node asks the visitor's server (WireMock playing a Mastodon-like server, whose
 * WebFinger answer has the shape Mastodon 4 publishes) for its subscribe template and sends the
 * visitor there with the organization's actor id, or explains in the visitor's language why not.
 */
class RemoteFollowIT {

  @TempDir static Path dir;
  static TestNode node;
  static WireMockServer remote;
  static String host;

  @BeforeAll
  static void start() throws Exception {
    remote = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    remote.start();
    host = "127.0.0.1:" + remote.port();
    node = TestNode.start(dir.resolve("n"), "sawa", false);
  }

  @AfterAll
  static void stop() {
    node.close();
    remote.stop();
  }

  @BeforeEach
  void reset() {
    remote.resetAll();
  }

  /**
   * Mastodon's WebFinger answer for a local account (rel/type/template as Mastodon 4.x writes
   * them).
   */
  static String mastodonJrd(String extraLinks) {
    return """
        {"subject": "acct:alice@%1$s",
         "aliases": ["http://%1$s/@alice", "http://%1$s/users/alice"],
         "links": [
           {"rel": "http://webfinger.net/rel/profile-page", "type": "text/html", "href": "http://%1$s/@alice"},
           {"rel": "self", "type": "application/activity+json", "href": "http://%1$s/users/alice"},
           %2$s
           {"rel": "http://ostatus.org/schema/1.0/subscribe", "template": "http://%1$s/authorize_interaction?uri={uri}"},
           {"rel": "http://webfinger.net/rel/avatar", "type": "image/png", "href": "http://%1$s/avatar.png"}]}
        """
        .formatted(host, extraLinks);
  }

  static void serve(String jrd) {
    remote.stubFor(
        get(urlPathEqualTo("/.well-known/webfinger"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/jrd+json; charset=utf-8")
                    .withBody(jrd)));
  }

  static HttpResponse<String> follow(String account, String lang) throws Exception {
    return node.get(
        "/orgs/sawa/follow?lang="
            + lang
            + "&account="
            + URLEncoder.encode(account, StandardCharsets.UTF_8));
  }

  @Test
  void mastodonLikeServer_visitorIsSentToItsSubscribePage_withTheOrganizationsActorId()
      throws Exception {
    serve(mastodonJrd(""));
    HttpResponse<String> r = follow("@alice@" + host, "en");
    assertThat(r.statusCode()).isEqualTo(303);
    String actor = node.base() + "/orgs/sawa";
    assertThat(r.headers().firstValue("Location"))
        .hasValue(
            "http://"
                + host
                + "/authorize_interaction?uri="
                + URLEncoder.encode(actor, StandardCharsets.UTF_8));
    remote.verify(
        getRequestedFor(urlPathEqualTo("/.well-known/webfinger"))
            .withQueryParam("resource", equalTo("acct:alice@" + host)));
  }

  @Test
  void fep3b86FollowIntent_isPreferredWhenOffered() throws Exception {
    serve(
        mastodonJrd(
            "{\"rel\": \"https://w3id.org/fep/3b86/Follow\", \"template\": \"http://"
                + host
                + "/intents/follow?object={object}\"},"));
    HttpResponse<String> r = follow("alice@" + host, "en");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location").orElseThrow())
        .startsWith("http://" + host + "/intents/follow?object=http");
  }

  @ParameterizedTest
  @CsvSource({"ar, خادمك لا يتيح المتابعة عن بُعد", "en, Your server does not offer remote follow"})
  void serverWithoutTemplate_orWithAScriptTemplate_explainsInTheVisitorsLanguage(
      String lang, String sentence) throws Exception {
    serve(
        """
        {"subject": "acct:alice@%1$s", "links": [
          {"rel": "self", "type": "application/activity+json", "href": "http://%1$s/users/alice"},
          {"rel": "http://ostatus.org/schema/1.0/subscribe", "template": "javascript:alert('{uri}')"}]}
        """
            .formatted(host));
    HttpResponse<String> r = follow("@alice@" + host, lang);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.headers().firstValue("Location")).isEmpty();
    Document d = Jsoup.parse(r.body());
    assertThat(d.selectFirst("html").attr("lang")).isEqualTo(lang);
    assertThat(d.select("#follow-error").text()).contains(sentence);
    assertThat(d.selectFirst("#follow-account").attr("value")).isEqualTo("@alice@" + host);
    assertThat(d.selectFirst("#follow-account").attr("aria-invalid")).isEqualTo("true");
  }

  @ParameterizedTest
  @CsvSource({"ar, لم نجد هذا الحساب", "en, That account was not found"})
  void unknownAccount_explainsInTheVisitorsLanguage(String lang, String sentence) throws Exception {
    remote.stubFor(
        get(urlPathEqualTo("/.well-known/webfinger")).willReturn(aResponse().withStatus(404)));
    HttpResponse<String> r = follow("@nobody@" + host, lang);
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(Jsoup.parse(r.body()).select("#follow-error").text()).contains(sentence);
  }

  @ParameterizedTest
  @CsvSource({"ar, هذا ليس عنوان حساب", "en, That is not an account address"})
  void somethingThatIsNotAnAccount_isRefusedWithoutAnyFetch(String lang, String sentence)
      throws Exception {
    for (String bad :
        new String[] {"alice", "http://evil.example/x", "@alice@", "alice@host/../x", "a b@c"}) {
      HttpResponse<String> r = follow(bad, lang);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(Jsoup.parse(r.body()).select("#follow-error").text()).contains(sentence);
    }
    remote.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void manyLookupsAtOneServer_areCutOff_soThisNodeCannotBeUsedToHammerIt() throws Exception {
    serve(mastodonJrd(""));
    // "localhost:port": the same WireMock under a host name no other test uses (its own bucket)
    String account = "@alice@localhost:" + remote.port();
    int refused = 0;
    for (int i = 0; i < 25; i++) {
      HttpResponse<String> r = follow(account, "en");
      if (r.statusCode() == 429) {
        refused++;
        assertThat(Jsoup.parse(r.body()).select("#follow-error").text())
            .contains("Too many requests to that server");
      } else {
        assertThat(r.statusCode()).isEqualTo(303);
      }
    }
    assertThat(refused).isPositive();
    remote.verify(25 - refused, getRequestedFor(urlPathEqualTo("/.well-known/webfinger")));
  }

  @Test
  void unknownOrganization_is404() throws Exception {
    assertThat(node.get("/orgs/nobody/follow?account=alice@" + host).statusCode()).isEqualTo(404);
  }
}
