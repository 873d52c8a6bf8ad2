package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin UI in real (headless, Debian) Chromium against two real nodes on loopback: log in, edit
 * the profile in Arabic, create an event with both languages side by side, follow the other node,
 * approve that follow request there, see it all in the audit log, and save screenshots of the main
 * screens in Arabic and English to target/screenshots/.
 *
 * <p>Both nodes listen on 127.0.0.1, and cookies are scoped by host, not port: logging in to one
 * node replaces the other's session cookie in this one browser, so the test logs in again when it
 * switches nodes. Real nodes have their own host names.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminUiBrowserIT {

  static final String PASSWORD = "correct horse battery staple";
  static final Duration SECONDS = Duration.ofSeconds(15);

  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false);
    b = TestNode.start(dir.resolve("b"), "beit", false);
    browser = new Browser(dir);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    for (TestNode n : new TestNode[] {a, b}) if (n != null) n.close();
  }

  static String actor(TestNode n) {
    return n.base() + "/orgs/" + n.handle();
  }

  /** Opens a node's admin UI and logs in (Arabic headings unless English was chosen there). */
  static void login(TestNode node, String loginHeading, String dashboardHeading) {
    browser.open(node.base() + "/admin/");
    if (browser.heading().equals(dashboardHeading)) return; // still logged in to this node
    browser.waitForHeading(loginHeading);
    browser.type("username", "admin");
    browser.type("password", PASSWORD);
    browser.el("login-submit").click();
    browser.waitForHeading(dashboardHeading);
  }

  @Test
  @Order(1)
  void loginScreenIsArabicRightToLeft_wrongPasswordIsRefused_rightOneOpensTheDashboard() throws Exception {
    browser.open(a.base() + "/admin/");
    browser.waitForHeading("تسجيل الدخول");
    assertThat(browser.htmlAttr("lang")).isEqualTo("ar");
    assertThat(browser.htmlAttr("dir")).isEqualTo("rtl");
    // Labels are tied to their inputs (screen readers announce them).
    assertThat(browser.driver.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("اسم المستخدم");
    browser.screenshot("ar-login");

    browser.type("username", "admin");
    browser.type("password", "wrong password");
    browser.el("login-submit").click();
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#login-form [role=alert]"),
        "اسم المستخدم أو كلمة المرور غير صحيحة."));

    browser.type("password", PASSWORD);
    browser.el("login-submit").click();
    browser.waitForHeading("لوحة المتابعة");
    assertThat(browser.el("count-entries").getText()).isEqualTo("0");
    // The session cookie is HttpOnly: page scripts cannot read it.
    assertThat((String) ((JavascriptExecutor) browser.driver).executeScript("return document.cookie")).doesNotContain("madani_session");
    browser.screenshot("ar-dashboard");
  }

  @Test
  @Order(2)
  void editTheProfileInArabic() throws Exception {
    browser.go("#/profile", "الملف التعريفي");
    browser.type("name-ar", "جمعية النور للتنمية المدنية");
    browser.type("summary-ar", "نعمل مع المبادرات المحلية في حلب وإدلب على التعليم والدعم النفسي.");
    browser.type("name-en", "Al-Nour Civic Development Association");
    browser.screenshot("ar-profile");
    browser.el("profile-save").click();
    browser.announced("حُفظ الملف التعريفي.");

    JsonNode profile = TestNode.json(a.api("GET", "/api/v1/organizations/alef/profile", null));
    assertThat(profile.at("/name/ar").asText()).isEqualTo("جمعية النور للتنمية المدنية");
    assertThat(profile.at("/name/en").asText()).isEqualTo("Al-Nour Civic Development Association");
    assertThat(profile.at("/summary/ar").asText()).startsWith("نعمل مع المبادرات المحلية");
    // the public page shows it too
    assertThat(a.get("/orgs/alef", "Accept", "text/html").body()).contains("جمعية النور للتنمية المدنية");
  }

  @Test
  @Order(3)
  void createAnEvent_bothLanguagesSideBySide() throws Exception {
    browser.go("#/entries/new", "فعالية أو منشور جديد");
    // Side by side: the Arabic and English title inputs share one row on a desktop-wide window.
    var ar = browser.el("title-ar").getRect();
    var en = browser.el("title-en").getRect();
    assertThat(ar.getY()).isEqualTo(en.getY());
    assertThat(ar.getX()).as("Arabic first, on the right, in rtl").isGreaterThan(en.getX());
    assertThat(browser.el("title-ar").getAttribute("dir")).isEqualTo("rtl");
    assertThat(browser.el("title-en").getAttribute("dir")).isEqualTo("ltr");

    browser.type("title-ar", "ورشة عمل: التوثيق الآمن");
    browser.type("title-en", "Workshop: safe documentation");
    browser.type("summary-ar", "ورشة عملية حول حفظ الأدلة الرقمية.");
    browser.setValue("startTime", "2027-02-01T10:00");
    browser.setValue("endTime", "2027-02-01T12:30");
    browser.type("timeZone", "Asia/Damascus");
    browser.type("onlineUrl", "https://meet.example.org/workshop");
    browser.type("placeName-ar", "مركز المجتمع المدني");
    new Select(browser.el("visibility")).selectByValue("public");
    browser.screenshot("ar-event-editor");
    browser.el("entry-save").click();
    browser.waitForHeading("المنشورات والفعاليات");
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entries"), "ورشة عمل: التوثيق الآمن"));
    browser.screenshot("ar-entries");

    JsonNode items = TestNode.json(a.api("GET", a.entriesPath(), null)).get("items");
    assertThat(items).hasSize(1);
    JsonNode e = items.get(0);
    assertThat(e.get("kind").asText()).isEqualTo("event");
    assertThat(e.at("/title/ar").asText()).isEqualTo("ورشة عمل: التوثيق الآمن");
    assertThat(e.at("/title/en").asText()).isEqualTo("Workshop: safe documentation");
    assertThat(e.get("startTime").asText()).isEqualTo("2027-02-01T10:00:00+03:00");
    assertThat(e.get("endTime").asText()).isEqualTo("2027-02-01T12:30:00+03:00");
    assertThat(e.get("timeZone").asText()).isEqualTo("Asia/Damascus");
    assertThat(e.get("onlineUrl").asText()).isEqualTo("https://meet.example.org/workshop");
    assertThat(e.at("/place/name/ar").asText()).isEqualTo("مركز المجتمع المدني");
    assertThat(e.get("visibility").asText()).isEqualTo("public");
  }

  @Test
  @Order(4)
  void followTheOtherLocalNode_andApproveTheRequestThere() throws Exception {
    // B asks for approval of new followers (its federation settings screen).
    login(b, "تسجيل الدخول", "لوحة المتابعة");
    browser.go("#/federation", "إعدادات الاتحاد");
    var box = browser.el("auto-approve");
    assertThat(box.isSelected()).isTrue();
    box.click();
    browser.el("federation-save").click();
    browser.announced("حُفظت الإعدادات.");
    assertThat(TestNode.json(b.api("GET", "/api/v1/organizations/beit/federation-settings", null))
        .get("autoApproveFollowers").asBoolean()).isFalse();

    // A follows B by name@host.
    login(a, "تسجيل الدخول", "لوحة المتابعة");
    browser.go("#/following", "المتابَعون");
    browser.type("follow-actor", "beit@" + b.base().getAuthority());
    browser.el("follow-submit").click();
    browser.announced("أُرسل طلب المتابعة.");
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("following"), actor(b)));
    await().atMost(SECONDS).until(() -> !TestNode.json(b.api("GET", "/api/v1/organizations/beit/followers?state=pending", null))
        .get("items").isEmpty());
    browser.go("#/following", "المتابَعون");
    assertThat(browser.driver.findElement(By.cssSelector("#following [data-state]")).getAttribute("data-state")).isEqualTo("pending");
    browser.screenshot("ar-following");

    // B approves it.
    login(b, "تسجيل الدخول", "لوحة المتابعة");
    assertThat(browser.el("count-pending").getText()).isEqualTo("1");
    browser.go("#/followers", "المتابِعون");
    browser.el("pending");
    browser.screenshot("ar-followers-pending");
    browser.driver.findElement(By.cssSelector("#pending tr[data-actor='" + actor(a) + "'] button[data-action=approve]")).click();
    browser.announced("تمت الموافقة على الطلب.");

    await().atMost(SECONDS).untilAsserted(() -> {
      JsonNode following = TestNode.json(a.api("GET", "/api/v1/organizations/alef/following", null)).get("items");
      assertThat(following).singleElement().satisfies(f -> {
        assertThat(f.get("actor").asText()).isEqualTo(actor(b));
        assertThat(f.get("state").asText()).isEqualTo("accepted");
      });
    });
    browser.go("#/followers", "المتابِعون");
    browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("followers"), actor(a)));
    browser.screenshot("ar-followers");
  }

  @Test
  @Order(5)
  void everyAdminActionFromTheUiIsInTheAuditLog() throws Exception {
    List<String> onA = actions(a);
    assertThat(onA).contains(
        "admin session.login",
        "admin PUT /api/v1/organizations/:handle/profile 200",
        "admin POST /api/v1/organizations/:handle/entries 201",
        "admin POST /api/v1/organizations/:handle/following 202");
    List<String> onB = actions(b);
    assertThat(onB).contains(
        "admin session.login",
        "admin PUT /api/v1/organizations/:handle/federation-settings 204",
        "admin POST /api/v1/organizations/:handle/followers/approve 204");
    // and the audit screen shows them (still logged in to B)
    browser.go("#/audit", "سجل التدقيق");
    assertThat(browser.el("audit").getText()).contains("POST /api/v1/organizations/:handle/followers/approve");
    browser.screenshot("ar-audit");
  }

  static List<String> actions(TestNode n) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode r : TestNode.json(n.api("GET", "/api/v1/audit?pageSize=200", null)).get("items")) {
      String action = r.get("action").asText();
      out.add(r.get("admin").asText() + " " + action
          + (action.startsWith("session.") ? "" : " " + r.path("outcome").asText()));
    }
    return out;
  }

  @Test
  @Order(6)
  void mainScreensInArabicAndEnglish_screenshots() throws Exception {
    login(a, "تسجيل الدخول", "لوحة المتابعة");
    record Screen(String hash, String name, String ar, String en) {}
    List<Screen> screens = List.of(
        new Screen("#/", "dashboard", "لوحة المتابعة", "Dashboard"),
        new Screen("#/profile", "profile", "الملف التعريفي", "Profile"),
        new Screen("#/entries", "entries", "المنشورات والفعاليات", "Entries and events"),
        new Screen("#/entries/new", "event-editor", "فعالية أو منشور جديد", "New event or entry"),
        new Screen("#/followers", "followers", "المتابِعون", "Followers"),
        new Screen("#/following", "following", "المتابَعون", "Following"),
        new Screen("#/federation", "federation", "إعدادات الاتحاد", "Federation settings"),
        new Screen("#/trust", "trust", "مستويات الثقة ووضع الاتحاد", "Trust levels and federation mode"),
        new Screen("#/keys", "keys", "تدوير المفاتيح", "Key rotation"),
        new Screen("#/moderation", "moderation", "قائمة الإشراف", "Moderation queue"),
        new Screen("#/reports", "reports", "البلاغات", "Reports"),
        new Screen("#/audit", "audit", "سجل التدقيق", "Audit log"),
        new Screen("#/admins", "admins", "المشرفون", "Admins"));
    for (Screen s : screens) {
      browser.go(s.hash(), s.ar());
      browser.screenshot("ar-" + s.name());
    }
    browser.el("lang-toggle").click();
    browser.waitForHeading("Admins");
    assertThat(browser.htmlAttr("lang")).isEqualTo("en");
    assertThat(browser.htmlAttr("dir")).isEqualTo("ltr");
    for (Screen s : screens) {
      browser.go(s.hash(), s.en());
      // The strict CSP forbids inline styles; the UI sets none.
      assertThat((Long) ((JavascriptExecutor) browser.driver).executeScript(
          "return document.querySelectorAll('[style]').length")).isZero();
      browser.screenshot("en-" + s.name());
    }
    // Invitation link (shown once) and the phone layout.
    browser.go("#/admins", "Admins");
    browser.el("create-invite").click();
    assertThat(browser.el("invite-url").getAttribute("value")).startsWith(a.base() + "/admin/#/invite/");
    browser.driver.manage().window().setSize(new Dimension(390, 844));
    browser.go("#/entries/new", "New event or entry");
    var ar = browser.el("title-ar").getRect();
    var en = browser.el("title-en").getRect();
    assertThat(en.getY()).as("stacked on a phone").isGreaterThan(ar.getY());
    browser.screenshot("en-phone-event-editor");
    browser.el("lang-toggle").click();
    browser.waitForHeading("فعالية أو منشور جديد");
    browser.go("#/", "لوحة المتابعة");
    browser.screenshot("ar-phone-dashboard");
    browser.driver.manage().window().setSize(new Dimension(1280, 900));
  }

  @Test
  @Order(7)
  void logoutEndsTheSession() throws Exception {
    login(a, "تسجيل الدخول", "لوحة المتابعة");
    browser.el("logout").click();
    browser.waitForHeading("تسجيل الدخول");
    Object status = ((JavascriptExecutor) browser.driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch('/api/v1/organizations', {credentials: 'same-origin'}).then(r => done(r.status));");
    assertThat(((Number) status).intValue()).isEqualTo(401);
    assertThat(actions(a)).contains("admin session.logout");
  }

  /**
   * PENDING the trust-model and directory merges: blocks a node through the trust screen (which
   * calls {@code PUT /api/v1/trust/nodes/{host}} with {@code {"level":"blocked"}}) and expects the
   * node's entries to leave {@code GET /api/v1/directory}. Fails until those APIs exist.
   */
  @Test
  @Order(8)
  void blockANode_itsEntriesLeaveTheDirectory() throws Exception {
    String title = "Entry from beit " + System.nanoTime();
    assertThat(b.api("POST", b.entriesPath(), "{\"kind\":\"article\",\"title\":{\"en\":\"" + title + "\"}}")
        .statusCode()).isEqualTo(201);
    await().atMost(SECONDS).until(() -> a.api("GET", "/api/v1/directory", null).body().contains(title));

    login(a, "تسجيل الدخول", "لوحة المتابعة");
    browser.go("#/trust", "مستويات الثقة ووضع الاتحاد");
    browser.type("trust-host", b.base().getAuthority());
    new Select(browser.el("trust-level")).selectByValue("blocked");
    browser.driver.findElement(By.cssSelector("#trust-form button[type=submit]")).click();
    browser.announced("حُفظ مستوى الثقة.");
    browser.screenshot("ar-trust-blocked");

    await().atMost(SECONDS).until(() -> !a.api("GET", "/api/v1/directory", null).body().contains(title));
    assertThat(actions(a)).anyMatch(s -> s.startsWith("admin PUT /api/v1/trust/nodes/"));
  }
}
