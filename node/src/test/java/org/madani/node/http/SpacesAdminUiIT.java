package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The private spaces screens in real (headless, Debian) Chromium against two real nodes: A creates
 * a space in Arabic and invites B; B accepts and posts; A reads B's post, replies, and removes B;
 * the screens are right-to-left in Arabic and switch to English. The posts travel sealed between
 * the nodes (SpacesIT checks the bytes); here the point is that an admin can do each step.
 */
class SpacesAdminUiIT {

  static final String LOGIN = "تسجيل الدخول";
  static final String DASHBOARD = "لوحة المتابعة";

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

  static void login(TestNode node) {
    browser.open(node.base() + "/admin/");
    if (browser.heading().equals(DASHBOARD)) return;
    browser.logIn(LOGIN, DASHBOARD);
  }

  static JsonNode onlySpace(TestNode n) throws Exception {
    JsonNode items =
        TestNode.json(n.api("GET", "/api/v1/organizations/" + n.handle() + "/spaces", null))
            .path("items");
    return items.size() == 1 ? items.get(0) : null;
  }

  static WebElement rowWith(String tableOrList, String attr, String value) {
    return browser.el(tableOrList).findElement(By.cssSelector("[" + attr + "='" + value + "']"));
  }

  @Test
  void createInviteAcceptPostReplyAndRemove_inArabicAndEnglish() throws Exception {
    String name = "مشروع المياه المشترك";
    login(a);
    browser.go("#/spaces", "المساحات الخاصة");
    assertThat(browser.htmlAttr("dir")).isEqualTo("rtl");
    browser.type("space-name", name);
    browser.type("space-purpose", "تنسيق بين منظمتين");
    browser.el("space-create").click();
    browser.announced("أُنشئت المساحة.");
    String ref = onlySpace(a).path("ref").asText();
    rowWith("spaces", "data-ref", ref).findElement(By.tagName("a")).click();
    browser.waitForHeading("المساحة: " + name);
    browser.type("invite-actor", b.base() + "/orgs/beit");
    browser.el("invite-submit").click();
    browser.announced("أُرسلت الدعوة.");

    await().atMost(Duration.ofSeconds(60)).until(() -> onlySpace(b) != null);
    login(b);
    browser.go("#/spaces", "المساحات الخاصة");
    rowWith("spaces", "data-ref", ref)
        .findElement(By.cssSelector("[data-action='accept']"))
        .click();
    browser.announced("قُبلت الدعوة.");
    await().atMost(Duration.ofSeconds(60)).until(() -> onlySpace(b).path("epoch").asInt() == 1);
    browser.go("#/spaces/" + ref, "المساحة: " + name);
    browser.type("post-content", "مسودة الميزانية من بيت");
    Path file = dir.resolve("budget.txt");
    java.nio.file.Files.writeString(file, "budget lines");
    browser.el("post-files").sendKeys(file.toAbsolutePath().toString());
    browser.el("post-submit").click();
    browser.announced("نُشر المنشور مشفّرًا.");
    assertThat(browser.el("posts").getText()).contains("مسودة الميزانية من بيت");
    browser.el("space-catch-up").click();
    browser.announced("جُلبت المنشورات الفائتة من مالك المساحة: 0.");

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                TestNode.json(
                            a.api(
                                "GET", "/api/v1/organizations/alef/spaces/" + ref + "/posts", null))
                        .path("items")
                        .size()
                    == 1);
    login(a);
    browser.go("#/spaces/" + ref, "المساحة: " + name);
    assertThat(browser.el("posts").getText()).contains("مسودة الميزانية من بيت");
    assertThat(
            browser
                .el("posts")
                .findElement(By.cssSelector("[data-attachment='budget.txt']"))
                .getAttribute("href"))
        .startsWith("blob:");
    JsonNode sent =
        TestNode.json(a.api("GET", "/api/v1/organizations/alef/spaces/" + ref + "/posts", null))
            .path("items")
            .get(0)
            .path("attachments")
            .get(0);
    assertThat(new String(java.util.Base64.getDecoder().decode(sent.path("data").asText())))
        .isEqualTo("budget lines");
    browser.el("posts").findElement(By.cssSelector("[data-action='reply']")).click();
    browser.type("post-content", "شكرًا، موافقون");
    browser.el("post-submit").click();
    browser.announced("نُشر المنشور مشفّرًا.");
    JsonNode posts =
        TestNode.json(a.api("GET", "/api/v1/organizations/alef/spaces/" + ref + "/posts", null))
            .path("items");
    assertThat(posts.get(1).path("inReplyTo").asText()).isEqualTo(posts.get(0).path("id").asText());

    rowWith("members", "data-actor", b.base() + "/orgs/beit")
        .findElement(By.cssSelector("[data-action='remove']"))
        .click();
    browser.announced("أُزيل العضو وبدأت حقبة جديدة.");
    assertThat(onlySpace(a).path("epoch").asInt()).isEqualTo(2);

    browser.el("lang-toggle").click();
    browser.waitForHeading("Space: " + name);
    assertThat(browser.htmlAttr("dir")).isEqualTo("ltr");
    assertThat(browser.el("members").getText()).contains("Removed");
    browser.screenshot("spaces-en");
  }
}
