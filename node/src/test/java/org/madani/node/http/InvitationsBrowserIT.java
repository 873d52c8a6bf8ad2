package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Invitations and RSVP through the admin UI in real Chromium, between two real nodes (issue 16):
 * the organizer on A invites B's organization, B's admin sees the invitation and answers it, and
 * A's screen counts the answer; first in Arabic (right to left), then in English.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvitationsBrowserIT {

  static final Duration WAIT = Duration.ofSeconds(30);
  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static Browser browser;
  static String eventId;

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false);
    b = TestNode.start(dir.resolve("b"), "beit", false);
    browser = new Browser(dir);
    String event =
        "{\"kind\":\"event\",\"title\":{\"ar\":\"لقاء الشركاء\",\"en\":\"Partners meeting\"},"
            + "\"startTime\":\"2027-04-01T10:00:00+03:00\",\"timeZone\":\"Asia/Damascus\",\"onlineUrl\":\"https://meet.example.org/p\"}";
    var r = a.api("POST", a.entriesPath(), event);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    eventId = TestNode.json(r).get("id").asText();
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    for (TestNode n : new TestNode[] {a, b}) if (n != null) n.close();
  }

  static String actor(TestNode n) {
    return n.base() + "/orgs/" + n.handle();
  }

  /** Both nodes are on 127.0.0.1, so their session cookies take turns: log in each time. */
  static void login(TestNode node, String loginHeading, String dashboardHeading) {
    browser.driver.manage().deleteAllCookies();
    browser.open(node.base() + "/admin/");
    browser.logIn(loginHeading, dashboardHeading);
  }

  static JsonNode counts() throws Exception {
    return TestNode.json(
            a.api("GET", "/api/v1/organizations/alef/entries/" + eventId + "/invitations", null))
        .get("counts");
  }

  static void answer(String answer, String announcement) {
    browser
        .wait
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector(
                    "#invitations-received tr[data-invitation] button[data-answer="
                        + answer
                        + "]")))
        .click();
    browser.announced(announcement);
  }

  @Test
  @Order(1)
  void arabic_organizerInvites_inviteeAccepts_organizerSeesTheCount() throws Exception {
    login(a, "تسجيل الدخول", "لوحة المتابعة");
    assertThat(browser.htmlAttr("dir")).isEqualTo("rtl");
    browser.go("#/invitations", "الدعوات والمشاركة");
    assertThat(browser.el("collab-event").getText()).contains("لقاء الشركاء");
    browser.type("collab-invitees", actor(b));
    browser.type("collab-note", "يسعدنا حضوركم");
    browser.el("invite-submit").click();
    browser.announced("أُرسلت الدعوات.");
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(
                "#invitations-sent tr[data-invitee='" + actor(b) + "'][data-state=pending]")));
    browser.screenshot("ar-collab-organizer");

    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(b.api("GET", "/api/v1/organizations/beit/invitations", null))
                        .get("items")
                        .size()
                    == 1);
    login(b, "تسجيل الدخول", "لوحة المتابعة");
    browser.go("#/invitations", "الدعوات والمشاركة");
    String row = browser.el("invitations-received").getText();
    assertThat(row).contains("لقاء الشركاء", "يسعدنا حضوركم", "بانتظار الرد");
    answer("accept", "أُرسل القبول إلى الجهة الداعية.");
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#invitations-received tr[data-state=accepted]")));
    browser.screenshot("ar-collab-invitee");

    await().atMost(WAIT).until(() -> counts().get("accepted").asInt() == 1);
    login(a, "تسجيل الدخول", "لوحة المتابعة");
    browser.go("#/invitations", "الدعوات والمشاركة");
    assertThat(browser.el("invitation-counts").getText()).contains("سنحضر: ١");
    assertThat(browser.el("participant-count").getText()).contains("١");
  }

  @Test
  @Order(2)
  void english_inviteeChangesToMaybe_organizerSeesIt() throws Exception {
    login(b, "تسجيل الدخول", "لوحة المتابعة");
    browser.el("lang-toggle").click();
    browser.waitForHeading("Dashboard");
    assertThat(browser.htmlAttr("dir")).isEqualTo("ltr");
    browser.go("#/invitations", "Invitations and participation");
    assertThat(browser.el("invitations-received").getText()).contains("Partners meeting", "Coming");
    answer("tentative", "Your \u201cmaybe\u201d was sent to the inviter.");
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#invitations-received tr[data-state=tentative]")));
    browser.screenshot("en-collab-invitee");

    await().atMost(WAIT).until(() -> counts().get("tentative").asInt() == 1);
    login(
        a, "تسجيل الدخول", "لوحة المتابعة"); // the language is kept per origin: A's is still Arabic
    browser.el("lang-toggle").click();
    browser.waitForHeading("Dashboard");
    browser.go("#/invitations", "Invitations and participation");
    assertThat(browser.el("invitation-counts").getText()).contains("Maybe: 1", "Coming: 0");
    // the organizer sets the join mode in English and it is kept
    new org.openqa.selenium.support.ui.Select(browser.el("collab-join-mode"))
        .selectByValue("restricted");
    browser.type("collab-capacity", "20");
    browser.el("participation-submit").click();
    browser.announced("Join settings saved.");
    JsonNode p =
        TestNode.json(
            a.api("GET", "/api/v1/organizations/alef/entries/" + eventId + "/participation", null));
    assertThat(p.get("joinMode").asText()).isEqualTo("restricted");
    assertThat(p.get("maximumAttendeeCapacity").asInt()).isEqualTo(20);
    browser.screenshot("en-collab-organizer");
  }
}
