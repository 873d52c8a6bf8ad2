package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * Partners and knowledge through the admin UI in real Chromium, between two real nodes (issue 16).
 * In Arabic: A asks a question, B answers it, A accepts the answer and A's public page shows it; A
 * corrects its entry and the page shows the correction. In English: B sees the match between its
 * offer and A's need with the reasons in words, expresses interest, A accepts with a reply and B
 * sees it; B attests A's entry.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnersBrowserIT {

  static final Duration WAIT = Duration.ofSeconds(40);
  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static Browser browser;
  static String needId;
  static String needUrl;

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false);
    b = TestNode.start(dir.resolve("b"), "beit", false);
    browser = new Browser(dir);
    var f =
        b.api("POST", "/api/v1/organizations/beit/following", "{\"actor\":\"" + actor(a) + "\"}");
    assertThat(f.statusCode()).as(f.body()).isEqualTo(202);
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(b.api("GET", "/api/v1/organizations/beit/following", null))
                    .get("items")
                    .get(0)
                    .get("state")
                    .asText()
                    .equals("accepted"));
    var need =
        a.api(
            "POST",
            a.entriesPath(),
            """
        {"kind":"need","category":"training","title":{"ar":"نحتاج مدرّبين في الإسعاف","en":"We need first-aid trainers"},
         "sectors":["health"],"regions":["sy-idlib"],"languages":["ar"]}
        """);
    assertThat(need.statusCode()).as(need.body()).isEqualTo(201);
    needId = TestNode.json(need).get("id").asText();
    needUrl = TestNode.json(need).get("url").asText();
    var offer =
        b.api(
            "POST",
            b.entriesPath(),
            """
        {"kind":"offer","category":"training","title":{"ar":"تدريب على الإسعاف الأولي","en":"First-aid training"},
         "sectors":["health"],"regions":["sy-idlib"],"languages":["ar"]}
        """);
    assertThat(offer.statusCode()).as(offer.body()).isEqualTo(201);
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

  static void click(String css) {
    browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
  }

  @Test
  @Order(1)
  void arabic_askAnswerAccept_andCorrect() throws Exception {
    login(a, "تسجيل الدخول", "لوحة المتابعة");
    assertThat(browser.htmlAttr("dir")).isEqualTo("rtl");
    browser.go("#/invitations", "الدعوات والمشاركة");
    browser.el("partners-link").click();
    browser.waitForHeading("الشركاء والمعرفة");
    browser.type("question-name-ar", "ما أفضل طريقة لتدريب المسعفين المتطوعين؟");
    browser.el("question-submit").click();
    browser.announced("نُشر السؤال لمتابعيكم.");
    String question =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    TestNode.json(a.api("GET", "/api/v1/organizations/alef/questions", null))
                        .at("/asked/0/id")
                        .asText(),
                s -> !s.isEmpty());

    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(b.api("GET", "/api/v1/organizations/beit/questions", null))
                        .get("received")
                        .size()
                    == 1);
    login(b, "تسجيل الدخول", "لوحة المتابعة");
    browser.go("#/partners", "الشركاء والمعرفة");
    assertThat(browser.el("questions-list").getText())
        .contains("ما أفضل طريقة لتدريب المسعفين المتطوعين؟");
    browser
        .driver
        .findElement(By.cssSelector("textarea[data-answer-text='" + question + "']"))
        .sendKeys("ندرّبهم على مراحل مع شهادة معتمدة.");
    click("button[data-answer-submit='" + question + "']");
    browser.announced("أُرسلت الإجابة.");

    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(a.api("GET", "/api/v1/organizations/alef/questions", null))
                        .at("/asked/0/answers")
                        .size()
                    == 1);
    login(a, "تسجيل الدخول", "لوحة المتابعة");
    browser.go("#/partners", "الشركاء والمعرفة");
    assertThat(browser.el("questions-list").getText())
        .contains("ندرّبهم على مراحل مع شهادة معتمدة.");
    click("button[data-accept]");
    browser.announced("اعتُمدت الإجابة.");
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-accepted=true]")));
    browser.screenshot("ar-partners-questions");

    // the correction of A's need, from the same screen
    new org.openqa.selenium.support.ui.Select(browser.el("correct-entry")).selectByValue(needId);
    browser.type("correct-note-ar", "العدد المطلوب خمسة مدرّبين لا عشرة");
    browser.el("correct-submit").click();
    browser.announced("نُشر التصحيح.");

    String qPath = question.substring(question.indexOf("/orgs/"));
    browser.driver.get(a.base() + qPath + "?lang=ar");
    assertThat(browser.driver.findElement(By.tagName("main")).getText())
        .contains("الإجابة المعتمدة", "ندرّبهم على مراحل مع شهادة معتمدة.");
    browser.driver.get(a.base() + "/orgs/alef/entries/" + needId + "?lang=ar");
    assertThat(browser.driver.findElement(By.tagName("main")).getText())
        .contains("تصحيح بتاريخ", "العدد المطلوب خمسة مدرّبين لا عشرة");
    browser.screenshot("ar-partners-correction-page");
  }

  @Test
  @Order(2)
  void english_matchExplained_interestAnswered_attestation() throws Exception {
    login(b, "تسجيل الدخول", "لوحة المتابعة");
    browser.el("lang-toggle").click();
    browser.waitForHeading("Dashboard");
    assertThat(browser.htmlAttr("dir")).isEqualTo("ltr");
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(b.api("GET", "/api/v1/organizations/beit/matches", null))
                        .get("items")
                        .size()
                    == 1);
    browser.go("#/partners", "Partners and knowledge");
    assertThat(browser.el("matches").getText())
        .contains(
            "First-aid training",
            "We need first-aid trainers",
            "same sector: Health",
            "both work in Idlib",
            "shared language: Arabic");
    // B's public digest feed of matches names the pair and why, without who B's node trusts
    var feed = b.get("/feeds/org/beit/matches.atom");
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/atom+xml");
    assertThat(feed.body())
        .contains(
            "First-aid training ↔ We need first-aid trainers", "same sector: Health", "القطاع نفسه")
        .doesNotContain("trusted");
    browser.type("interest-message", "We can run the training in March");
    click("button[data-interest-to=need]");
    browser.announced("Your interest was sent.");
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#interests tr[data-direction=sent][data-state=open]")));

    // B attests A's need
    browser.type("attest-subject", needUrl);
    browser.setValue("attest-on", "2026-11-30");
    browser.type("attest-method-en", "phone call with the field team");
    browser.el("attest-submit").click();
    browser.announced("The attestation was published.");
    browser.screenshot("en-partners-matches");
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(
                            a.api(
                                "GET",
                                "/api/v1/facts?subject="
                                    + URLEncoder.encode(needUrl, StandardCharsets.UTF_8),
                                null))
                        .get("attestations")
                        .size()
                    == 1);

    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(a.api("GET", "/api/v1/organizations/alef/interests", null))
                        .get("items")
                        .size()
                    == 1);
    login(a, "تسجيل الدخول", "لوحة المتابعة");
    browser.el("lang-toggle").click();
    browser.waitForHeading("Dashboard");
    browser.go("#/partners", "Partners and knowledge");
    assertThat(browser.el("interests").getText())
        .contains("Received", "We can run the training in March");
    browser
        .driver
        .findElement(By.cssSelector("#interests input[data-reply]"))
        .sendKeys("Yes, March suits us");
    click("#interests button[data-answer=accept]");
    browser.announced("Your acceptance was sent.");
    browser.screenshot("en-partners-interest-answered");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode sent =
                  TestNode.json(b.api("GET", "/api/v1/organizations/beit/interests", null))
                      .get("items")
                      .get(0);
              assertThat(sent.get("state").asText()).isEqualTo("accepted");
              assertThat(sent.get("answer").asText()).isEqualTo("Yes, March suits us");
            });
  }

  @Test
  @Order(3)
  void english_askAnswerAccept_andRetract() throws Exception {
    // both origins remember English from the test before
    login(a, "Log in", "Dashboard");
    browser.go("#/partners", "Partners and knowledge");
    browser.type("question-name-en", "Which insurer covers volunteer trainers?");
    browser.el("question-submit").click();
    browser.announced("The question was published to your followers.");
    String question =
        await()
            .atMost(WAIT)
            .until(
                () ->
                    TestNode.json(a.api("GET", "/api/v1/organizations/alef/questions", null))
                        .at("/asked/0/id")
                        .asText(),
                s -> s.contains("/questions/") && !s.isEmpty());
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(b.api("GET", "/api/v1/organizations/beit/questions", null))
                        .get("received")
                        .size()
                    == 2);
    login(b, "Log in", "Dashboard");
    browser.go("#/partners", "Partners and knowledge");
    browser
        .driver
        .findElement(By.cssSelector("textarea[data-answer-text='" + question + "']"))
        .sendKeys("We use a local cooperative insurer.");
    click("button[data-answer-submit='" + question + "']");
    browser.announced("Your answer was sent.");
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(a.api("GET", "/api/v1/organizations/alef/questions", null))
                        .at("/asked/0/answers")
                        .size()
                    == 1);
    login(a, "Log in", "Dashboard");
    browser.go("#/partners", "Partners and knowledge");
    click("article[data-question='" + question + "'] button[data-accept]");
    browser.announced("The answer was accepted.");
    new org.openqa.selenium.support.ui.Select(browser.el("correct-kind"))
        .selectByValue("retraction");
    browser.type("correct-note-en", "The need was met; please ignore it");
    browser.el("correct-submit").click();
    browser.announced("The correction was published.");
    browser.driver.get(a.base() + question.substring(question.indexOf("/orgs/")) + "?lang=en");
    assertThat(browser.driver.findElement(By.tagName("main")).getText())
        .contains("Accepted answer", "We use a local cooperative insurer.", "Answers (1)");
    browser.driver.get(a.base() + "/orgs/alef/entries/" + needId + "?lang=en");
    assertThat(browser.driver.findElement(By.tagName("main")).getText())
        .contains("Retracted on", "The need was met; please ignore it");
  }

  @Test
  @Order(4)
  void arabic_matchExplained_interestDeclined_verifiedBadge() throws Exception {
    login(b, "Log in", "Dashboard");
    browser.el("lang-toggle").click();
    browser.waitForHeading("لوحة المتابعة");
    browser.go("#/partners", "الشركاء والمعرفة");
    assertThat(browser.el("matches").getText())
        .contains("تدريب على الإسعاف الأولي", "القطاع نفسه", "لغة مشتركة: العربية");
    browser.type("interest-message", "نستطيع البدء في نيسان");
    click("button[data-interest-to=need]");
    browser.announced("أُرسل إبداء الاهتمام.");
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(a.api("GET", "/api/v1/organizations/alef/interests", null))
                        .get("items")
                        .size()
                    == 2);
    login(a, "Log in", "Dashboard");
    browser.el("lang-toggle").click();
    browser.waitForHeading("لوحة المتابعة");
    browser.go("#/partners", "الشركاء والمعرفة");
    click("#interests tr[data-state=open] button[data-answer=decline]");
    browser.announced("أُرسل الاعتذار.");
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(b.api("GET", "/api/v1/organizations/beit/interests", null))
                    .get("items")
                    .get(0)
                    .get("state")
                    .asText()
                    .equals("declined"));
    // B attested A's need (test 2); once A's node trusts B's, A's page says so in Arabic
    var trusted =
        a.api("PUT", "/api/v1/trust/nodes/" + b.base().getAuthority(), "{\"level\":\"trusted\"}");
    assertThat(trusted.statusCode()).as(trusted.body()).isEqualTo(200);
    await()
        .atMost(WAIT)
        .until(
            () ->
                TestNode.json(
                            a.api(
                                "GET",
                                "/api/v1/facts?subject="
                                    + URLEncoder.encode(needUrl, StandardCharsets.UTF_8),
                                null))
                        .get("verifiedByTrusted")
                        .asInt()
                    == 1);
    browser.driver.get(a.base() + "/orgs/alef/entries/" + needId + "?lang=ar");
    assertThat(browser.htmlAttr("dir")).isEqualTo("rtl");
    assertThat(browser.driver.findElement(By.tagName("main")).getText())
        .contains("تحقّقت منه منظمة واحدة تثقون بها", "2026-11-30");
    browser.screenshot("ar-partners-verified-page");
  }
}
