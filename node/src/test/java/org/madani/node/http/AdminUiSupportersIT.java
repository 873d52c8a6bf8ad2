package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Supporters through the admin UI (real Chromium, real node, real H2; issue 16 item 5): an admin
 * adds a funder and a partner in Arabic, edits one, links both to a project, removes one, then
 * works in English; the project's public page in both languages names exactly the supporters linked
 * at each step.
 */
class AdminUiSupportersIT {

  @TempDir static Path dir;
  static TestNode a;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false);
    browser = new Browser(dir);
    browser.open(a.base() + "/admin/");
    browser.logIn("تسجيل الدخول", "لوحة المتابعة");
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (a != null) a.close();
  }

  static JsonNode supporters() throws Exception {
    return TestNode.json(a.api("GET", "/api/v1/organizations/alef/supporters", null)).get("items");
  }

  static Document page(String path, String lang) throws Exception {
    return Jsoup.parse(a.get(path + "?lang=" + lang, "Accept", "text/html").body());
  }

  static int loads() {
    String v = browser.el("supporter-links").getAttribute("data-loads");
    return v == null ? 0 : Integer.parseInt(v);
  }

  /** Runs a step that reloads the screen, and waits until the reload is drawn. */
  static void reloading(Runnable step) {
    int before = loads();
    step.run();
    browser.wait.until(d -> loads() > before);
  }

  static void waitForRows(int n) {
    browser.wait.until(d -> d.findElements(By.cssSelector("#supporters tbody tr")).size() == n);
  }

  @Test
  void addEditLinkAndRemove_inArabicThenEnglish_andTheProjectPageFollows() throws Exception {
    String project =
        TestNode.json(
                a.api(
                    "POST",
                    a.entriesPath(),
                    "{\"kind\":\"project\",\"title\":{\"ar\":\"مشروع المياه\",\"en\":\"Water"
                        + " project\"},\"status\":\"active\"}"))
            .get("id")
            .asText();
    String path = "/orgs/alef/entries/" + project;

    // reached from the invitations and participation screen, as partner matching is
    browser.go("#/invitations", "الدعوات والمشاركة");
    browser.el("supporters-link").click();
    browser.waitForHeading("الداعمون");
    browser.type("supporter-name-ar", "مؤسسة الأمل");
    browser.type("supporter-name-en", "Hope Foundation");
    new Select(browser.el("supporter-kind")).selectByValue("funder");
    browser.type("supporter-country", "de");
    browser.type("supporter-url", "https://hope.example.org");
    reloading(() -> browser.el("supporter-save").click());
    browser.announced("أُضيف الداعم.");
    waitForRows(1);
    browser.type("supporter-name-ar", "جامعة الشمال");
    browser.type("supporter-name-en", "Northern University");
    new Select(browser.el("supporter-kind")).selectByValue("institution");
    reloading(() -> browser.el("supporter-save").click());
    waitForRows(2);
    JsonNode list = supporters();
    assertThat(list).hasSize(2);
    long hope = list.get(0).get("id").asLong();
    long university = list.get(1).get("id").asLong();
    assertThat(list.get(0).get("country").asText()).isEqualTo("DE");
    assertThat(list.get(0).get("url").asText()).isEqualTo("https://hope.example.org");
    assertThat(list.get(1).get("kind").asText()).isEqualTo("institution");

    // edit: the form fills with the record, and saving changes it in place
    browser.el("supporters").findElement(By.cssSelector("[data-edit='" + hope + "']")).click();
    browser.wait.until(
        ExpectedConditions.textToBe(By.id("supporter-form-heading"), "تعديل الداعم"));
    assertThat(browser.el("supporter-name-en").getAttribute("value")).isEqualTo("Hope Foundation");
    browser.type("supporter-name-en", "Hope Foundation e.V.");
    reloading(() -> browser.el("supporter-save").click());
    browser.announced("حُفظ الداعم.");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> supporters().get(0).at("/name/en").asText(), "Hope Foundation e.V."::equals);
    assertThat(supporters()).hasSize(2);

    // link both to the project
    new Select(browser.el("supporter-entry")).selectByValue(project);
    browser.el("link-" + hope).click();
    browser.el("link-" + university).click();
    browser.el("supporter-links-save").click();
    browser.announced("حُفظ الداعمون لهذا المنشور.");
    Document ar = page(path, "ar");
    assertThat(ar.selectFirst("html").attr("dir")).isEqualTo("rtl");
    assertThat(ar.select("section.supporters h2").text()).isEqualTo("بدعم من");
    assertThat(ar.select("section.supporters li").eachText())
        .containsExactly("مؤسسة الأمل (جهة مانحة, DE)", "جامعة الشمال (مؤسسة شريكة)");
    assertThat(ar.select("section.supporters a").attr("href"))
        .isEqualTo("https://hope.example.org");

    // remove the university: gone from the list and from the project's page
    ((JavascriptExecutor) browser.driver).executeScript("window.confirm = () => true;");
    browser
        .el("supporters")
        .findElement(By.cssSelector("[data-remove='" + university + "']"))
        .click();
    browser.announced("أُزيل الداعم.");
    waitForRows(1);
    assertThat(supporters()).hasSize(1);
    assertThat(page(path, "ar").select("section.supporters li").eachText())
        .containsExactly("مؤسسة الأمل (جهة مانحة, DE)");

    // English: the same screen in English; the links form shows what is linked
    browser.el("lang-toggle").click();
    browser.waitForHeading("Supporters");
    assertThat(browser.el("supporter-form-heading").getText()).isEqualTo("Add a supporter");
    assertThat(browser.el("supporters").getText()).contains("Hope Foundation e.V.", "Funder");
    new Select(browser.el("supporter-entry")).selectByValue(project);
    browser.wait.until(d -> d.findElement(By.id("link-" + hope)).isSelected());
    browser.type("supporter-name-ar", "منظمة الجسر");
    browser.type("supporter-name-en", "Bridge Organization");
    new Select(browser.el("supporter-kind")).selectByValue("partner");
    reloading(() -> browser.el("supporter-save").click());
    browser.announced("Supporter added.");
    waitForRows(2);
    // a supporter without a name is refused with the field marked, nothing stored
    browser.el("supporter-save").click();
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".form-error, .field-error")));
    assertThat(supporters()).hasSize(2);

    Document en = page(path, "en");
    assertThat(en.selectFirst("html").attr("dir")).isEqualTo("ltr");
    assertThat(en.select("section.supporters h2").text()).isEqualTo("Supported by");
    assertThat(en.select("section.supporters li").eachText())
        .containsExactly("Hope Foundation e.V. (funder, DE)");
    new AccessibilityCheck().assertNoSeriousViolations(browser, "en supporters screen");
  }
}
