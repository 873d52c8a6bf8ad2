package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The collaboration and private-spaces admin screens (invitations and participation; partners,
 * questions and verified facts; private spaces and one space) held to the same bar as the older
 * screens: no serious or critical axe-core violation, usable at phone width (nothing wider than the
 * screen, words not broken in the middle) and unchanged against committed screenshot baselines, in
 * Arabic (right to left) and in English, at desktop and phone width.
 *
 * <p>Both nodes run on a fixed clock, so the times shown are the same on every run. The screens are
 * shown filled in, not empty: B has an event with its participation settings, a question it asked,
 * a private space with a post, and an invitation received from A's organization on another real
 * node. The flows themselves are tested in InvitationsBrowserIT, PartnersBrowserIT and
 * SpacesAdminUiIT.
 */
class CollabScreensBrowserIT {

  static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static Browser browser;
  static String spaceRef;

  record Screen(String hash, String name, String ar, String en) {}

  @BeforeAll
  static void start() throws Exception {
    // A fixed clock, as in AdminUiEntryKindsIT: the times the screens show are the same each run.
    a = TestNode.start(dir.resolve("a"), "alef", false, AdminUiEntryKindsIT.CLOCK);
    b = TestNode.start(dir.resolve("b"), "beit", false, AdminUiEntryKindsIT.CLOCK);
    String event =
        "{\"kind\":\"event\",\"title\":{\"ar\":\"لقاء الشركاء\",\"en\":\"Partners meeting\"},"
            + "\"startTime\":\"2027-04-01T10:00:00+03:00\",\"timeZone\":\"Asia/Damascus\","
            + "\"onlineUrl\":\"https://meet.example.org/p\"}";
    String aEvent = created(a.api("POST", a.entriesPath(), event)).get("id").asText();
    created(b.api("POST", b.entriesPath(), event));
    var invited =
        a.api(
            "POST",
            "/api/v1/organizations/alef/entries/"
                + java.net.URLEncoder.encode(aEvent, java.nio.charset.StandardCharsets.UTF_8)
                + "/invitations",
            "{\"invitees\":[\"" + b.base() + "/orgs/beit\"],\"note\":\"نرجو حضوركم\"}");
    assertThat(invited.statusCode()).as(invited.body()).isBetween(200, 202);
    created(
        b.api(
            "POST",
            "/api/v1/organizations/beit/questions",
            "{\"name\":{\"ar\":\"من يصلح مضخات الطاقة الشمسية؟\",\"en\":\"Who repairs solar pumps?\"}}"));
    created(
        b.api(
            "POST",
            "/api/v1/organizations/beit/spaces",
            "{\"name\":\"مشروع المياه المشترك\",\"purpose\":\"تنسيق بين منظمتين\"}"));
    spaceRef =
        TestNode.json(b.api("GET", "/api/v1/organizations/beit/spaces", null))
            .path("items")
            .get(0)
            .path("ref")
            .asText();
    created(
        b.api(
            "POST",
            "/api/v1/organizations/beit/spaces/" + spaceRef + "/posts",
            "{\"content\":\"مسودة الميزانية للربع الأول\"}"));
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(b.api("GET", "/api/v1/organizations/beit/invitations", null))
                        .path("items")
                        .size()
                    == 1);
    browser = new Browser(dir);
  }

  static JsonNode created(java.net.http.HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    return TestNode.json(r);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    for (TestNode n : new TestNode[] {a, b}) if (n != null) n.close();
  }

  JavascriptExecutor js() {
    return (JavascriptExecutor) browser.driver;
  }

  @Test
  void collabAndSpacesScreens_axeClean_phoneWidth_baselines_inArabicAndEnglish() throws Exception {
    browser.open(b.base() + "/admin/");
    browser.logIn("تسجيل الدخول", "لوحة المتابعة");
    List<Screen> screens =
        List.of(
            new Screen(
                "#/invitations",
                "invitations",
                "الدعوات والمشاركة",
                "Invitations and participation"),
            new Screen("#/partners", "partners", "الشركاء والمعرفة", "Partners and knowledge"),
            new Screen("#/spaces", "spaces", "المساحات الخاصة", "Private spaces"),
            new Screen(
                "#/spaces/" + spaceRef,
                "space",
                "المساحة: مشروع المياه المشترك",
                "Space: مشروع المياه المشترك"));
    AccessibilityCheck axe = new AccessibilityCheck();
    ScreenshotBaselines baselines = new ScreenshotBaselines();
    for (String lang : List.of("ar", "en")) {
      assertThat(browser.htmlAttr("lang")).isEqualTo(lang);
      assertThat(browser.htmlAttr("dir")).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
      for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
        browser.driver.manage().window().setSize(size);
        String width = size.getWidth() < 500 ? "phone" : "desktop";
        for (Screen s : screens) {
          browser.go(s.hash(), lang.equals("ar") ? s.ar() : s.en());
          String where = lang + " " + width + " " + s.hash();
          // The filled-in parts are on screen (not an empty list by mistake).
          String filled =
              switch (s.name()) {
                case "invitations" -> "#invitations-received tr[data-invitation]";
                case "partners" -> "#questions-list [data-question]";
                case "spaces" -> "#spaces [data-ref]";
                default -> "#posts";
              };
          browser.wait.until(
              d ->
                  (Boolean)
                      js().executeScript(
                              "return document.querySelector(arguments[0]) !== null", filled));
          if (width.equals("phone")) {
            // Nothing makes the page wider than the phone (no sideways scrolling of the page)...
            assertThat(
                    (Long)
                        js().executeScript(
                                "return document.documentElement.scrollWidth - window.innerWidth"))
                .as("page wider than the phone on " + where)
                .isLessThanOrEqualTo(0L);
            // ...and Arabic and English words are not broken in the middle to get there.
            assertThat(
                    (String)
                        js().executeScript(
                                "return getComputedStyle(document.querySelector('main h2, main"
                                    + " label')).overflowWrap"))
                .as(where)
                .isNotEqualTo("anywhere");
          }
          axe.assertNoSeriousViolations(browser, where);
          baselines.check(browser, "collab-" + lang + "-" + width + "-" + s.name());
        }
      }
      browser.driver.manage().window().setSize(new Dimension(1280, 900));
      browser.el("lang-toggle").click();
      browser.waitForHeading(
          lang.equals("ar") ? "Space: مشروع المياه المشترك" : "المساحة: مشروع المياه المشترك");
    }
  }
}
