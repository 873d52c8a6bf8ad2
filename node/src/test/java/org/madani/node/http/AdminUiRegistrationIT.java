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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An organization registers for another node's training from its admin UI (real Chromium, two real
 * nodes on loopback): the training B received from A shows a register button on B's "received"
 * screen (Arabic, right to left); pressing it sends the signed Join, A's Accept comes back, and the
 * screen shows the registration's state in Arabic and then in English, with no button left to press
 * twice. A post that takes no registrations shows no button.
 */
class AdminUiRegistrationIT {

  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static Browser browser;
  static final Duration WAIT = Duration.ofSeconds(90);

  static final String TRAINING =
      """
      {"kind":"training","title":{"ar":"ورشة الإسعافات الأولية","en":"First aid workshop"},
       "timeZone":"Europe/Berlin","capacity":5,"registration":"open",
       "sessions":[{"startTime":"2027-05-03T10:00:00+02:00","endTime":"2027-05-03T13:00:00+02:00",
         "place":{"name":{"ar":"بيت الجيران","en":"Neighbours' house"}}}]}
      """;

  static final String ARTICLE =
      """
      {"kind":"article","title":{"ar":"تقرير الربيع","en":"Spring report"}}
      """;

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false);
    b = TestNode.start(dir.resolve("b"), "beit", false);
    b.follow(a, WAIT);
    for (String entry : List.of(ARTICLE, TRAINING)) {
      var r = a.api("POST", a.entriesPath(), entry);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        TestNode.json(b.api("GET", "/api/v1/organizations/beit/received", null))
                            .get("items"))
                    .hasSizeGreaterThanOrEqualTo(2));
    browser = new Browser(dir);
    browser.open(b.base() + "/admin/");
    browser.logIn("تسجيل الدخول", "لوحة المتابعة");
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    for (TestNode n : new TestNode[] {a, b}) if (n != null) n.close();
  }

  static WebElement card(String title) {
    return browser.wait.until(
        d ->
            d.findElements(By.cssSelector("#received > li")).stream()
                .filter(li -> li.findElement(By.tagName("h2")).getText().equals(title))
                .findFirst()
                .orElse(null));
  }

  static JsonNode registrations() throws Exception {
    return TestNode.json(b.api("GET", "/api/v1/organizations/beit/registrations", null))
        .get("items");
  }

  @Test
  void registersForAReceivedTraining_andSeesTheOrganizersAnswerInBothLanguages() throws Exception {
    browser.go("#/received", "ما يصلنا من المنظمات التي نتابعها");
    assertThat(browser.htmlAttr("dir")).isEqualTo("rtl");
    assertThat(card("تقرير الربيع").findElements(By.cssSelector("button.register"))).isEmpty();
    WebElement training = card("ورشة الإسعافات الأولية");
    assertThat(training.getText()).contains("تدريب");
    WebElement register = training.findElement(By.cssSelector("button.register"));
    assertThat(register.getText()).isEqualTo("سجّلوا منظمتنا");
    register.click();
    browser.announced("أُرسل طلب التسجيل إلى الجهة المنظِّمة.");
    assertThat(card("ورشة الإسعافات الأولية").getText()).contains("تسجيلنا:", "بانتظار الرد");

    // The Join reached A, whose open training accepted it; the answer came back to B.
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode items = registrations();
              assertThat(items).hasSize(1);
              assertThat(items.get(0).get("state").asText()).isEqualTo("accepted");
            });
    browser.go("#/received", "ما يصلنا من المنظمات التي نتابعها");
    WebElement answered = card("ورشة الإسعافات الأولية");
    assertThat(answered.findElement(By.cssSelector(".registration")).getText())
        .isEqualTo("تسجيلنا: سنحضر");
    assertThat(answered.findElements(By.cssSelector("button.register"))).isEmpty();
    new AccessibilityCheck().assertNoSeriousViolations(browser, "ar received with registration");

    browser.el("lang-toggle").click();
    browser.waitForHeading("Posts from organizations we follow");
    assertThat(browser.htmlAttr("dir")).isEqualTo("ltr");
    assertThat(card("First aid workshop").findElement(By.cssSelector(".registration")).getText())
        .isEqualTo("Our registration: Coming");
    assertThat(registrations()).hasSize(1);
  }
}
