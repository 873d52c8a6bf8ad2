package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.MovableClock;
import org.madani.node.TestNode;

/**
 * Admin security over real HTTP against a real node: session cookie attributes, CSRF and cross-site
 * refusals, idle and absolute session expiry (on a clock the test moves), logout, one-time
 * invitations, login throttling, and the audit trail covering every state-changing call.
 */
class AdminSecurityIT {

  static final String PASSWORD = "correct horse battery staple";
  static final String EVENT =
      """
      {"kind":"event","title":{"ar":"اجتماع","en":"Meeting"},"startTime":"2027-03-01T10:00:00+03:00","timeZone":"Asia/Damascus","onlineUrl":"https://meet.example.org/m"}
      """;

  @TempDir static Path dir;
  static MovableClock clock = new MovableClock();
  static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(dir.resolve("n"), "sawa", false, clock);
  }

  @AfterAll
  static void stop() {
    if (node != null) node.close();
  }

  /** A logged-in browser-like client: the cookie value and the CSRF token. */
  record Session(String cookie, String csrf) {}

  static Session login(String user, String password) throws Exception {
    HttpResponse<String> r =
        node.send(
            "POST",
            "/admin/session",
            "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}",
            "Content-Type",
            "application/json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    String value = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    return new Session(value, TestNode.json(r).get("csrfToken").asText());
  }

  static HttpResponse<String> withCookie(
      Session s, String method, String path, String body, String... extra) throws Exception {
    List<String> h =
        new ArrayList<>(
            List.of("Cookie", "madani_session=" + s.cookie(), "Content-Type", "application/json"));
    h.addAll(List.of(extra));
    return node.send(method, path, body, h.toArray(String[]::new));
  }

  @Test
  void loginSetsAStrictHttpOnlySessionCookie_andTheUiIsServedUnderAStrictCsp() throws Exception {
    HttpResponse<String> r =
        node.send(
            "POST",
            "/admin/session",
            "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}",
            "Content-Type",
            "application/json");
    assertThat(r.statusCode()).isEqualTo(201);
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("madani_session=");
    assertThat(cookie.toLowerCase(java.util.Locale.ROOT))
        .contains("httponly", "samesite=strict", "path=/")
        .doesNotContain("secure"); // plain http in development mode; https base URLs add Secure
    assertThat(TestNode.json(r).get("csrfToken").asText()).hasSizeGreaterThan(30);

    HttpResponse<String> page = node.get("/admin/");
    assertThat(page.statusCode()).isEqualTo(200);
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe");
    assertThat(page.body())
        .doesNotContain("<style", "style=", "onclick")
        .contains("type=\"module\"");
    assertThat(node.get("/admin/js/app.js").headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/javascript");
    assertThat(node.get("/admin/../pom.xml").statusCode()).isEqualTo(404);
  }

  @Test
  void cookieRequestsNeedTheCsrfToken_andCrossSiteRequestsAreRefused() throws Exception {
    Session s = login("admin", PASSWORD);
    assertThat(withCookie(s, "GET", "/api/v1/organizations", null).statusCode()).isEqualTo(200);

    HttpResponse<String> ok =
        withCookie(
            s,
            "POST",
            node.entriesPath(),
            EVENT,
            "X-CSRF-Token",
            s.csrf(),
            "Origin",
            node.base().toString(),
            "Sec-Fetch-Site",
            "same-origin");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);

    HttpResponse<String> noToken = withCookie(s, "POST", node.entriesPath(), EVENT);
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(TestNode.json(noToken).get("type").asText()).endsWith("/csrf");

    HttpResponse<String> wrongToken =
        withCookie(s, "POST", node.entriesPath(), EVENT, "X-CSRF-Token", "x" + s.csrf());
    assertThat(wrongToken.statusCode()).isEqualTo(403);

    // A page on another site: even holding a stolen token, its Origin gives it away.
    HttpResponse<String> evil =
        withCookie(
            s,
            "POST",
            node.entriesPath(),
            EVENT,
            "X-CSRF-Token",
            s.csrf(),
            "Origin",
            "https://evil.example");
    assertThat(evil.statusCode()).isEqualTo(403);
    assertThat(TestNode.json(evil).get("type").asText()).endsWith("/cross-site");
    HttpResponse<String> evilFetch =
        withCookie(
            s,
            "DELETE",
            node.entriesPath() + "/" + TestNode.json(ok).get("id").asText(),
            null,
            "X-CSRF-Token",
            s.csrf(),
            "Sec-Fetch-Site",
            "cross-site");
    assertThat(evilFetch.statusCode()).isEqualTo(403);
    // Login CSRF: another site may not sign a browser into an account either.
    HttpResponse<String> evilLogin =
        node.send(
            "POST",
            "/admin/session",
            "username=admin&password=x",
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Origin",
            "https://evil.example");
    assertThat(evilLogin.statusCode()).isEqualTo(403);

    // Bearer tokens are never sent by a browser on its own: no CSRF token needed.
    assertThat(
            node.api("POST", node.entriesPath(), EVENT, "Origin", "https://evil.example")
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void formLoginRedirectsToTheUi() throws Exception {
    HttpResponse<String> r =
        node.send(
            "POST",
            "/admin/session",
            "username=admin&password=correct+horse+battery+staple",
            "Content-Type",
            "application/x-www-form-urlencoded");
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/admin/");
    assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).containsIgnoringCase("HttpOnly");
  }

  @Test
  void idleAndOldSessionsAreRefused_andLogoutEndsTheSession() throws Exception {
    Session idle = login("admin", PASSWORD);
    clock.advance(Duration.ofMinutes(31));
    HttpResponse<String> r = withCookie(idle, "GET", "/api/v1/organizations", null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(TestNode.json(r).get("type").asText()).endsWith("/session-expired");

    // Busy all day: still ends 12 hours after login.
    Session busy = login("admin", PASSWORD);
    for (int i = 0; i < 35; i++) {
      clock.advance(Duration.ofMinutes(20));
      assertThat(withCookie(busy, "GET", "/admin/session", null).statusCode())
          .as("after %d min", 20 * (i + 1))
          .isEqualTo(200);
    }
    clock.advance(Duration.ofMinutes(21)); // 12 h 1 min after login, 21 min after the last request
    assertThat(withCookie(busy, "GET", "/api/v1/organizations", null).statusCode()).isEqualTo(401);

    Session s = login("admin", PASSWORD);
    assertThat(withCookie(s, "DELETE", "/admin/session", null).statusCode())
        .as("logout needs the CSRF token")
        .isEqualTo(403);
    HttpResponse<String> out =
        withCookie(s, "DELETE", "/admin/session", null, "X-CSRF-Token", s.csrf());
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    assertThat(withCookie(s, "GET", "/api/v1/organizations", null).statusCode()).isEqualTo(401);
  }

  @Test
  void invitationLinkCreatesASecondAdminOnce_thenTwentyWrongPasswordsAreThrottled()
      throws Exception {
    Session s = login("admin", PASSWORD);
    HttpResponse<String> inv =
        withCookie(s, "POST", "/api/v1/admins/invitations", "{}", "X-CSRF-Token", s.csrf());
    assertThat(inv.statusCode()).as(inv.body()).isEqualTo(201);
    String url = TestNode.json(inv).get("url").asText();
    assertThat(url).startsWith(node.base() + "/admin/#/invite/");
    String token = url.substring(url.lastIndexOf('/') + 1);

    String body = "{\"username\":\"second\",\"password\":\"another long passphrase\"}";
    assertThat(
            node.send(
                    "POST",
                    "/admin/invitations/" + token,
                    "{\"username\":\"second\",\"password\":\"short\"}",
                    "Content-Type",
                    "application/json")
                .statusCode())
        .isEqualTo(422);
    assertThat(
            node.send(
                    "POST", "/admin/invitations/" + token, body, "Content-Type", "application/json")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            node.send(
                    "POST",
                    "/admin/invitations/" + token,
                    body.replace("second", "third"),
                    "Content-Type",
                    "application/json")
                .statusCode())
        .as("single use")
        .isEqualTo(404);
    login("second", "another long passphrase");

    // An invitation not used within 48 hours is dead.
    String late =
        TestNode.json(node.api("POST", "/api/v1/admins/invitations", "{}")).get("url").asText();
    clock.advance(Duration.ofHours(49));
    assertThat(
            node.send(
                    "POST",
                    "/admin/invitations/" + late.substring(late.lastIndexOf('/') + 1),
                    body.replace("second", "fourth"),
                    "Content-Type",
                    "application/json")
                .statusCode())
        .isEqualTo(404);

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      statuses.add(
          node.send(
                  "POST",
                  "/admin/session",
                  "{\"username\":\"second\",\"password\":\"guess " + i + "\"}",
                  "Content-Type",
                  "application/json")
              .statusCode());
    }
    assertThat(statuses.subList(0, 5)).containsOnly(401);
    assertThat(statuses.subList(5, 20)).containsOnly(429);
    HttpResponse<String> right =
        node.send(
            "POST",
            "/admin/session",
            "{\"username\":\"second\",\"password\":\"another long passphrase\"}",
            "Content-Type",
            "application/json");
    assertThat(right.statusCode()).as("even the right password waits").isEqualTo(429);
    assertThat(right.headers().firstValue("Retry-After")).isPresent();
    // the same throttle guards token logins
    assertThat(
            node.send(
                    "POST",
                    "/api/v1/auth/login",
                    "{\"username\":\"second\",\"password\":\"x\"}",
                    "Content-Type",
                    "application/json")
                .statusCode())
        .isEqualTo(429);
  }

  @Test
  void everyStateChangingAdminCallIsAudited_withWhoAndOutcome() throws Exception {
    String handle = node.handle();
    String org = "/api/v1/organizations/" + handle;
    JsonNode entry = TestNode.json(node.api("POST", node.entriesPath(), EVENT));
    String id = entry.get("id").asText();
    Session s = login("admin", PASSWORD);
    record Call(String method, String path, String body) {}
    List<Call> calls =
        List.of(
            new Call("PUT", org + "/profile", "{\"name\":{\"ar\":\"سوا\",\"en\":\"Sawa\"}}"),
            new Call("POST", org + "/entries", EVENT),
            new Call("PUT", org + "/entries/" + id, EVENT.replace("Meeting", "Meeting 2")),
            new Call("DELETE", org + "/entries/" + id, null),
            new Call("PUT", org + "/federation-settings", "{\"autoApproveFollowers\":false}"),
            new Call(
                "POST",
                org + "/followers/approve",
                "{\"actor\":\"https://nobody.example/orgs/x\"}"),
            new Call(
                "POST", org + "/followers/reject", "{\"actor\":\"https://nobody.example/orgs/x\"}"),
            new Call(
                "DELETE", org + "/following?actor=https%3A%2F%2Fnobody.example%2Forgs%2Fx", null),
            new Call("POST", "/api/v1/admins/invitations", "{}"),
            // Routes of other areas pass the same guard.
            new Call("PUT", "/api/v1/trust/nodes/bad.example", "{\"level\":\"blocked\"}"),
            new Call("PUT", "/api/v1/trust/mode", "{\"mode\":\"open\"}"));
    for (Call c : calls) {
      long before = total();
      HttpResponse<String> r =
          withCookie(s, c.method(), c.path(), c.body(), "X-CSRF-Token", s.csrf());
      // one row per request; an area may add one more row saying what the action did (trust does)
      assertThat(total()).as("%s %s", c.method(), c.path()).isBetween(before + 1, before + 2);
      JsonNode row = newestCompleted();
      assertThat(row.get("admin").asText()).isEqualTo("admin");
      assertThat(row.get("action").asText()).startsWith(c.method() + " /api/v1/");
      assertThat(row.get("outcome").asInt())
          .as("%s %s", c.method(), c.path())
          .isEqualTo(r.statusCode());
    }
    // token calls are attributed to the token
    node.api("POST", node.entriesPath(), EVENT);
    JsonNode row = newestCompleted();
    assertThat(row.get("admin").asText()).isEqualTo("token:test");
    assertThat(row.get("action").asText()).isEqualTo("POST /api/v1/organizations/:handle/entries");
    assertThat(row.get("target").asText()).isEqualTo("organizations/sawa/entries");
    // refused requests changed nothing and are not admin actions
    long before = total();
    withCookie(s, "POST", node.entriesPath(), EVENT);
    assertThat(total()).isEqualTo(before);
    // no client addresses anywhere in the log
    assertThat(node.api("GET", "/api/v1/audit?pageSize=200", null).body())
        .doesNotContain("127.0.0.1");
  }

  /**
   * The newest request-level audit row (action "METHOD /route") once its outcome is written (that
   * happens just after the response); rows an area adds about what the action did are skipped.
   */
  static JsonNode newestCompleted() {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              for (JsonNode r :
                  TestNode.json(node.api("GET", "/api/v1/audit?pageSize=5", null)).get("items")) {
                if (r.get("action").asText().matches("(GET|POST|PUT|PATCH|DELETE) /.*")) return r;
              }
              return null;
            },
            r -> r != null && r.has("outcome"));
  }

  static long total() throws Exception {
    return TestNode.json(node.api("GET", "/api/v1/audit?pageSize=1", null)).get("total").asLong();
  }
}
