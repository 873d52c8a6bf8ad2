package org.madani.node.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.madani.node.federation.sig.HttpRequestView;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.Rfc9421Signer;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SigningKey;
import org.madani.node.http.SenderLimits;
import org.madani.node.trust.OrganizationKeys;

/**
 * Two real peers on loopback: {@code sawa} receives, {@code basma} sends with its own key. A forger
 * on another loopback address (127.0.0.2) posts requests whose key id names basma's real key but
 * whose signatures are made with another key. The forger runs out of its own allowance of failures;
 * basma's allowance is untouched, so all of its burst still gets 202 (issue 10: the limiter used to
 * be keyed on the claimed key id, so naming a peer's key spent that peer's allowance).
 *
 * <p>The receiver's clock stands still (signatures stay within its 5-minute skew), so buckets do
 * not refill while the test runs.
 */
class InboxRateLimitIT {

  @TempDir static Path dir;
  static TestNode sawa;
  static TestNode basma;
  static PrivateKey basmaKey;
  static String basmaActor;

  @BeforeAll
  static void start() throws Exception {
    sawa =
        TestNode.start(
            dir.resolve("sawa"), "sawa", false, Clock.fixed(Instant.now(), ZoneOffset.UTC));
    basma = TestNode.start(dir.resolve("basma"), "basma", false);
    basmaActor = basma.base() + "/orgs/basma";
    basmaKey =
        Keys.privateKeyFromPem(
            Files.readString(
                dir.resolve("basma")
                    .resolve("keys")
                    .resolve("basma-" + OrganizationKeys.ED25519_FRAGMENT + ".pem")));
  }

  @AfterAll
  static void stop() {
    if (sawa != null) sawa.close();
    if (basma != null) basma.close();
  }

  @Test
  void forgedRequestsNamingAPeersKeyDoNotSpendItsAllowance() throws Exception {
    HttpClient forgerClient =
        HttpClient.newBuilder()
            .localAddress(InetAddress.getByName("127.0.0.2"))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    PrivateKey wrong = Keys.generateEd25519(new SecureRandom()).getPrivate();
    int forged = (int) SenderLimits.FAILURES.burst() + 20;
    int refusedUnverified = 0;
    int throttled = 0;
    for (int i = 0; i < forged; i++) {
      int status = post(forgerClient, signed(create(), wrong)).statusCode();
      if (status == 401) refusedUnverified++;
      if (status == 429) throttled++;
    }
    // Failures are limited too: the forger's own address runs out after its burst.
    assertThat(refusedUnverified).isEqualTo((int) SenderLimits.FAILURES.burst());
    assertThat(throttled).isEqualTo(20);

    // Basma's whole burst is still there: the forged requests named its key but spent nothing of
    // it.
    HttpClient basmaClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    int burst = (int) SenderLimits.UNKNOWN.burst();
    for (int i = 0; i < burst; i++) {
      HttpResponse<String> r = post(basmaClient, signed(create(), basmaKey));
      assertThat(r.statusCode())
          .as("request %d of basma's burst: %s", i + 1, r.body())
          .isEqualTo(202);
    }
    // ...and it is a real limit on the verified sender.
    assertThat(post(basmaClient, signed(create(), basmaKey)).statusCode()).isEqualTo(429);
  }

  static String create() {
    String id = basmaActor + "/notes/" + UUID.randomUUID();
    return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\""
        + id
        + "/create\",\"type\":\"Create\","
        + "\"actor\":\""
        + basmaActor
        + "\",\"object\":{\"id\":\""
        + id
        + "\",\"type\":\"Note\",\"attributedTo\":\""
        + basmaActor
        + "\",\"content\":\"hello\"}}";
  }

  static HttpRequestView signed(String body, PrivateKey key) {
    URI target = URI.create(sawa.base() + "/orgs/sawa/inbox");
    HttpRequestView unsigned =
        HttpRequestView.of(
            "POST",
            target,
            Map.of("host", target.getRawAuthority(), "content-type", "application/activity+json"),
            body.getBytes(StandardCharsets.UTF_8));
    return new Rfc9421Signer(
            new SigningKey(
                basmaActor + "#" + OrganizationKeys.ED25519_FRAGMENT,
                SignatureAlgorithm.ED25519,
                key),
            Clock.systemUTC())
        .signRequest(unsigned);
  }

  static HttpResponse<String> post(HttpClient client, HttpRequestView signed) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(sawa.local().resolve(signed.targetUri().getRawPath()))
            .timeout(Duration.ofSeconds(60));
    signed
        .headers()
        .forEach(
            (name, values) -> {
              if (!List.of("host", "content-length").contains(name))
                values.forEach(v -> b.header(name, v));
            });
    return client.send(
        b.POST(HttpRequest.BodyPublishers.ofByteArray(signed.body())).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
