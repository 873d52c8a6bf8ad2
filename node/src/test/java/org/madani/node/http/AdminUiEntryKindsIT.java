package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jsoup.nodes.Document;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An admin fills in EVERY field of the profile and of each of the seven entry kinds through the
 * admin UI (real Chromium, real node, real H2), and each entry then appears on its public page, in
 * the directory's facets and in its organization, sector and region feeds. Bad input shows the
 * field and a sentence in the UI's language, and nothing is stored. The node runs on a fixed clock
 * so that the screenshots compared with baselines (see {@link ScreenshotBaselines}) are the same on
 * every run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminUiEntryKindsIT {

  static final Duration SECONDS = Duration.ofSeconds(30);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-10T09:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path dir;
  static TestNode a;
  static Browser browser;
  static final ScreenshotBaselines baselines = new ScreenshotBaselines();
  static final Map<String, String> ids = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    a = TestNode.start(dir.resolve("a"), "alef", false, CLOCK);
    browser = new Browser(dir);
    browser.open(a.base() + "/admin/");
    browser.logIn("تسجيل الدخول", "لوحة المتابعة");
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (a != null) a.close();
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Opens the editor for a new entry of kind (the heading is the same for every kind). */
  static void newEntry(String kind, String heading) {
    browser.go("#/entries/new/" + kind, heading);
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#entry-form[data-kind=" + kind + "]")));
    browser.wait.until(d -> d.findElement(By.id("main")).getAttribute("aria-busy") == null);
  }

  /**
   * Waits (read atomically in the page, so a re-rendered error is no stale element) for an error's
   * code.
   */
  static void waitForCode(String selector, String code) {
    browser.wait.until(
        d ->
            code.equals(
                js().executeScript(
                        "const e = document.querySelector(arguments[0]); return e ? e.dataset.code : null",
                        selector)));
  }

  static JavascriptExecutor js() {
    return (JavascriptExecutor) browser.driver;
  }

  static void select(String id, String... values) {
    Select s = new Select(browser.el(id));
    if (s.isMultiple()) s.deselectAll();
    for (String v : values) s.selectByValue(v);
  }

  /** The fields every kind has, each filled in both languages where it has two. */
  static void fillCommon(String tag) {
    browser.type("title-ar", "عنوان " + tag);
    browser.type("title-en", "Title " + tag);
    browser.type("summary-ar", "ملخص " + tag);
    browser.type("summary-en", "Summary " + tag);
    browser.type("content-ar", "النص الكامل عن " + tag + " في حلب.");
    browser.type("content-en", "The full text about " + tag + " in Aleppo.");
    select("sectors", "education", "health");
    select("regions", "sy-aleppo", "tr-gaziantep");
    browser.type("tags", "تدريب, youth");
    browser.type("languages", "ar, en");
    browser.type("links-0-url", "https://example.org/" + tag + "/more");
    browser.type("links-0-label-ar", "المزيد");
    browser.type("links-0-label-en", "More");
    browser.type("image-url", "https://example.org/" + tag + ".jpg");
    browser.type("image-alt-ar", "صورة " + tag);
    browser.type("image-alt-en", "Picture of " + tag);
  }

  static void checkCommon(JsonNode e, String tag) {
    assertThat(e.at("/title/ar").asText()).isEqualTo("عنوان " + tag);
    assertThat(e.at("/title/en").asText()).isEqualTo("Title " + tag);
    assertThat(e.at("/summary/en").asText()).isEqualTo("Summary " + tag);
    assertThat(e.at("/content/ar").asText()).isEqualTo("النص الكامل عن " + tag + " في حلب.");
    assertThat(e.get("sectors"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("education", "health");
    assertThat(e.get("regions"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("sy-aleppo", "tr-gaziantep");
    assertThat(e.get("tags")).extracting(JsonNode::asText).containsExactly("تدريب", "youth");
    assertThat(e.get("languages")).extracting(JsonNode::asText).containsExactly("ar", "en");
    assertThat(e.at("/links/0/url").asText()).isEqualTo("https://example.org/" + tag + "/more");
    assertThat(e.at("/links/0/label/ar").asText()).isEqualTo("المزيد");
    assertThat(e.at("/image/url").asText()).isEqualTo("https://example.org/" + tag + ".jpg");
    assertThat(e.at("/image/alt/en").asText()).isEqualTo("Picture of " + tag);
    assertThat(e.get("visibility").asText()).isEqualTo("public");
  }

  /**
   * One kind: how its own fields are filled, what the stored document must then hold, and what its
   * public page must show. Extend {@code publicPage} when the public pages show more (the calls to
   * action: registration link, application link, campaign call, partners, byline, document).
   */
  record Kind(
      String kind,
      Consumer<String> fill,
      Consumer<JsonNode> check,
      Consumer<Document> publicPage) {}

  /** The Arabic public page's call to action: a button with this label and link. */
  static void cta(Document d, String label, String href) {
    assertThat(
            d.select("section.cta a.button").stream()
                .map(a -> a.text() + " -> " + a.attr("href"))
                .toList())
        .as("calls to action")
        .contains(label + " -> " + href);
  }

  static final List<Kind> KINDS =
      List.of(
          new Kind(
              "event",
              tag -> {
                browser.setValue("startTime", "2027-02-01T10:00");
                browser.setValue("endTime", "2027-02-01T12:30");
                browser.type("timeZone", "Asia/Damascus");
                browser.type("onlineUrl", "https://meet.example.org/event");
                browser.type("registrationUrl", "https://example.org/event/register");
                browser.type("place-name-ar", "مركز المجتمع المدني");
                browser.type("place-name-en", "Civil society centre");
                browser.type("place-address-ar", "شارع النيل، حلب");
                browser.type("place-address-en", "Nile Street, Aleppo");
                select("place-region", "sy-aleppo");
                browser.type("place-latitude", "36.2");
                browser.type("place-longitude", "37.15");
              },
              e -> {
                assertThat(e.get("startTime").asText()).isEqualTo("2027-02-01T10:00:00+03:00");
                assertThat(e.get("endTime").asText()).isEqualTo("2027-02-01T12:30:00+03:00");
                assertThat(e.get("timeZone").asText()).isEqualTo("Asia/Damascus");
                assertThat(e.get("onlineUrl").asText()).isEqualTo("https://meet.example.org/event");
                assertThat(e.get("registrationUrl").asText())
                    .isEqualTo("https://example.org/event/register");
                assertThat(e.at("/place/name/en").asText()).isEqualTo("Civil society centre");
                assertThat(e.at("/place/address/ar").asText()).isEqualTo("شارع النيل، حلب");
                assertThat(e.at("/place/region").asText()).isEqualTo("sy-aleppo");
                assertThat(e.at("/place/latitude").asDouble()).isEqualTo(36.2);
                assertThat(e.at("/place/longitude").asDouble()).isEqualTo(37.15);
              },
              d -> {
                cta(d, "سجّل للحضور", "https://example.org/event/register");
                cta(d, "انضم عبر الإنترنت", "https://meet.example.org/event");
                assertThat(d.select("section.cta a[type=text/calendar]").attr("href"))
                    .endsWith(".ics");
                assertThat(d.text()).contains("مركز المجتمع المدني");
              }),
          new Kind(
              "project",
              tag -> {
                select("status", "active");
                browser.setValue("startDate", "2026-09-01");
                browser.setValue("endDate", "2027-08-31");
                browser.type("partners", "شبكة سوا\nhttps://partner.example.org/orgs/p");
              },
              e -> {
                assertThat(e.get("status").asText()).isEqualTo("active");
                assertThat(e.get("startDate").asText()).isEqualTo("2026-09-01");
                assertThat(e.get("endDate").asText()).isEqualTo("2027-08-31");
                assertThat(e.get("partners"))
                    .extracting(JsonNode::asText)
                    .containsExactly("شبكة سوا", "https://partner.example.org/orgs/p");
              },
              d -> {
                assertThat(d.select("section.partners li").eachText())
                    .containsExactly("شبكة سوا", "partner.example.org");
                assertThat(d.select("a[href=https://example.org/project.jpg]").text())
                    .contains("صورة project");
              }),
          new Kind(
              "campaign",
              tag -> {
                browser.setValue("startDate", "2027-01-01");
                browser.setValue("endDate", "2027-03-31");
                browser.type("goal-ar", "ألف توقيع من أجل المياه");
                browser.type("goal-en", "A thousand signatures for water");
                browser.type("callToAction-url", "https://example.org/sign");
                browser.type("callToAction-label-ar", "وقّع العريضة");
                browser.type("callToAction-label-en", "Sign the petition");
              },
              e -> {
                assertThat(e.get("startDate").asText()).isEqualTo("2027-01-01");
                assertThat(e.at("/goal/en").asText()).isEqualTo("A thousand signatures for water");
                assertThat(e.at("/callToAction/url").asText())
                    .isEqualTo("https://example.org/sign");
                assertThat(e.at("/callToAction/label/ar").asText()).isEqualTo("وقّع العريضة");
              },
              d -> {
                cta(d, "وقّع العريضة", "https://example.org/sign");
                assertThat(d.select("section.goal").text()).contains("ألف توقيع من أجل المياه");
              }),
          new Kind(
              "report",
              tag -> {
                browser.setValue("period-start", "2026-01-01");
                browser.setValue("period-end", "2026-12-31");
                select("reportType", "annual");
                browser.type("document-url", "https://example.org/report-2026.pdf");
                browser.type("document-label-ar", "التقرير كاملًا");
                browser.type("document-label-en", "The full report");
              },
              e -> {
                assertThat(e.at("/period/start").asText()).isEqualTo("2026-01-01");
                assertThat(e.at("/period/end").asText()).isEqualTo("2026-12-31");
                assertThat(e.get("reportType").asText()).isEqualTo("annual");
                assertThat(e.at("/document/url").asText())
                    .isEqualTo("https://example.org/report-2026.pdf");
                assertThat(e.at("/document/label/en").asText()).isEqualTo("The full report");
              },
              d -> cta(d, "التقرير كاملًا", "https://example.org/report-2026.pdf")),
          new Kind(
              "article",
              tag -> {
                browser.type("byline-ar", "فاطمة الحلبي");
                browser.type("byline-en", "Fatima Al-Halabi");
              },
              e -> {
                assertThat(e.at("/byline/ar").asText()).isEqualTo("فاطمة الحلبي");
                assertThat(e.at("/byline/en").asText()).isEqualTo("Fatima Al-Halabi");
              },
              d -> assertThat(d.select(".byline").text()).contains("فاطمة الحلبي")),
          new Kind(
              "offer",
              tag -> {
                select("category", "training");
                browser.setValue("validUntil", "2027-06-30");
                browser.type("quantity-ar", "عشرون مقعدًا");
                browser.type("quantity-en", "Twenty seats");
              },
              e -> {
                assertThat(e.get("category").asText()).isEqualTo("training");
                assertThat(e.get("validUntil").asText()).isEqualTo("2027-06-30");
                assertThat(e.at("/quantity/en").asText()).isEqualTo("Twenty seats");
              },
              d -> cta(d, "قدّم طلبك", "https://example.org/offer/more")),
          new Kind(
              "need",
              tag -> {
                select("category", "volunteers");
                browser.setValue("validUntil", "2027-05-31");
                browser.type("quantity-ar", "ثلاثة متطوعين");
                browser.type("quantity-en", "Three volunteers");
              },
              e -> {
                assertThat(e.get("category").asText()).isEqualTo("volunteers");
                assertThat(e.get("validUntil").asText()).isEqualTo("2027-05-31");
                assertThat(e.at("/quantity/ar").asText()).isEqualTo("ثلاثة متطوعين");
              },
              d -> cta(d, "سجّل اهتمامك", "https://example.org/need/more")));

  static long count(JsonNode items, String kind) {
    long n = 0;
    for (JsonNode e : items) if (e.get("kind").asText().equals(kind)) n++;
    return n;
  }

  static JsonNode entries() throws Exception {
    return TestNode.json(a.api("GET", a.entriesPath() + "?pageSize=100", null)).get("items");
  }

  // ---- tests --------------------------------------------------------------------------------

  @Test
  @Order(1)
  void profileWithEveryField_hiddenContactStaysOffThePublicPage() throws Exception {
    browser.go("#/profile", "الملف التعريفي");
    browser.type("name-ar", "جمعية النور");
    browser.type("name-en", "Al-Nour Association");
    browser.type("summary-ar", "نعمل في التعليم والصحة.");
    browser.type("summary-en", "We work in education and health.");
    browser.type("mission-ar", "رسالتنا تمكين المجتمعات المحلية.");
    browser.type("mission-en", "Our mission is to empower local communities.");
    select("sectors", "education", "health");
    select("regions", "sy-aleppo", "sy-idlib");
    select("legalForm", "association");
    browser.type("foundingYear", "2013");
    browser.el("contacts-add").click();
    browser.el("contacts-add").click();
    select("contacts-0-kind", "email");
    browser.type("contacts-0-value", "info@example.org");
    browser.el("contacts-0-visibility-public").click();
    browser.type("contacts-0-label-ar", "البريد العام");
    select("contacts-1-kind", "phone");
    browser.type("contacts-1-value", "+963 21 555 0100");
    // the second stays on the default: hidden
    browser.type("links-0-url", "https://example.org/about");
    browser.type("links-0-label-en", "About us");
    // The logo is uploaded from a phone photo with its GPS position: the node strips it.
    Path photo = dir.resolve("logo.jpg");
    java.nio.file.Files.write(photo, TestImages.jpegWithGps(120, 80));
    browser.driver.findElement(By.id("logo-file")).sendKeys(photo.toAbsolutePath().toString());
    browser.wait.until(ExpectedConditions.textToBe(By.id("logo-file-status"), "رُفعت الصورة."));
    assertThat(browser.el("logo-url").getAttribute("value")).startsWith(a.base() + "/media/alef/");
    browser.type("logo-alt-ar", "شعار الجمعية");
    browser.type("languages", "ar, en, ku");
    browser.el("profile-save").click();
    browser.announced("حُفظ الملف التعريفي.");

    JsonNode p = TestNode.json(a.api("GET", "/api/v1/organizations/alef/profile", null));
    assertThat(p.at("/name/en").asText()).isEqualTo("Al-Nour Association");
    assertThat(p.at("/mission/ar").asText()).isEqualTo("رسالتنا تمكين المجتمعات المحلية.");
    assertThat(p.get("sectors"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("education", "health");
    assertThat(p.get("regions"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("sy-aleppo", "sy-idlib");
    assertThat(p.get("legalForm").asText()).isEqualTo("association");
    assertThat(p.get("foundingYear").asInt()).isEqualTo(2013);
    assertThat(p.get("contacts")).hasSize(2);
    assertThat(p.at("/contacts/0/visibility").asText()).isEqualTo("public");
    assertThat(p.at("/contacts/0/label/ar").asText()).isEqualTo("البريد العام");
    assertThat(p.at("/contacts/1/visibility").asText()).as("hidden by default").isEqualTo("hidden");
    assertThat(p.at("/links/0/label/en").asText()).isEqualTo("About us");
    String logo = p.at("/logo/url").asText();
    assertThat(logo).startsWith(a.base() + "/media/alef/").endsWith(".jpg");
    var served = a.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(logo)).build());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.body()).doesNotContain(TestImages.SECRET, "Exif");
    assertThat(p.at("/logo/alt/ar").asText()).isEqualTo("شعار الجمعية");
    assertThat(p.get("languages")).extracting(JsonNode::asText).containsExactly("ar", "en", "ku");

    String page = a.get("/orgs/alef", "Accept", "text/html").body();
    assertThat(page).contains("جمعية النور", "info@example.org").doesNotContain("555 0100");
  }

  @Test
  @Order(2)
  void everyKindWithEveryField_throughTheUi() throws Exception {
    for (Kind k : KINDS) {
      newEntry(k.kind(), "منشور جديد");
      assertThat(new Select(browser.el("kind")).getFirstSelectedOption().getAttribute("value"))
          .isEqualTo(k.kind());
      fillCommon(k.kind());
      k.fill().accept(k.kind());
      if (k.kind().equals("event")) {
        // limits are shown before they are reached
        assertThat(browser.el("title-ar-hint").getText()).contains("حتى ٣٠٠ حرف");
        assertThat(browser.el("title-ar").getAttribute("maxlength")).isEqualTo("300");
      }
      browser.el("entry-save").click();
      browser.waitForHeading("المنشورات والفعاليات");
      JsonNode created = null;
      for (JsonNode e : entries()) {
        if (e.at("/title/en").asText().equals("Title " + k.kind())) created = e;
      }
      assertThat(created).as(k.kind() + " stored").isNotNull();
      assertThat(created.get("kind").asText()).isEqualTo(k.kind());
      checkCommon(created, k.kind());
      k.check().accept(created);
      ids.put(k.kind(), created.get("id").asText());
    }
    assertThat(entries()).hasSize(7);
  }

  @Test
  @Order(3)
  void eachKindIsOnItsPublicPage_inTheDirectoryFacets_andInItsFeeds() throws Exception {
    for (Kind k : KINDS) {
      String id = ids.get(k.kind());
      String path =
          "/orgs/alef/entries/"
              + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
      String page = a.get(path, "Accept", "text/html").body();
      assertThat(page)
          .as(k.kind() + " public page")
          .contains("عنوان " + k.kind(), "ملخص " + k.kind(), "النص الكامل عن " + k.kind());
      k.publicPage().accept(org.jsoup.Jsoup.parse(page));
      String english = a.get(path + "?lang=en", "Accept", "text/html").body();
      assertThat(english).contains("Title " + k.kind());

      JsonNode dirResult =
          await()
              .atMost(SECONDS)
              .until(
                  () -> TestNode.json(a.get("/api/v1/directory?kind=" + k.kind())),
                  r -> r.get("total").asInt() == 1);
      assertThat(dirResult.at("/items/0/id").asText()).endsWith("/orgs/alef/entries/" + id);
      assertThat(dirResult.at("/facets/kind/" + k.kind()).asLong()).isEqualTo(1);
      assertThat(dirResult.at("/facets/sector/education").asLong()).isEqualTo(1);
      assertThat(dirResult.at("/facets/region/sy-aleppo").asLong()).isEqualTo(1);
      assertThat(a.get("/directory?kind=" + k.kind(), "Accept", "text/html").body())
          .contains("عنوان " + k.kind());

      String title = "Title " + k.kind();
      await()
          .atMost(SECONDS)
          .untilAsserted(
              () -> {
                assertThat(a.get("/feeds/org/alef.atom").body())
                    .as("organization feed")
                    .contains(title);
                assertThat(a.get("/feeds/sector/education.json").body())
                    .as("sector feed")
                    .contains(title);
                assertThat(a.get("/feeds/region/sy-aleppo.atom").body())
                    .as("region feed")
                    .contains(title);
              });
    }
    assertThat(a.get("/feeds/org/alef.ics").body()).contains("Title event");
  }

  @Test
  @Order(4)
  void badInput_showsTheFieldAndASentence_inArabic_thenEnglish_andNothingIsStored()
      throws Exception {
    int before = entries().size();
    newEntry("article", "منشور جديد");
    // 1. no title at all: "required", on the title field
    browser.el("entry-save").click();
    WebElement error =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field=title] .field-error")));
    assertThat(error.getAttribute("data-code")).isEqualTo("required");
    String required = error.getText();
    assertThat(required).isEqualTo("«العنوان» مطلوب.");
    assertThat(browser.el("title-ar").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.el("title-ar").getAttribute("aria-describedby"))
        .contains(error.getAttribute("id"));
    assertThat(browser.driver.findElement(By.cssSelector(".error-summary")).getText())
        .contains("لم يُحفظ شيء", "خطأ واحد");
    baselines.check(browser, "ar-entry-error-required");

    // 2. a 100 KB title (past the input's maxlength, as a script or a paste through devtools could)
    js().executeScript("document.getElementById('title-ar').value = 'ب'.repeat(100000);");
    browser.el("entry-save").click();
    waitForCode("[data-field=title] .field-error", "tooLong");
    String tooLong =
        (String)
            js().executeScript(
                    "return document.querySelector('[data-field=title] .field-error').innerText");
    assertThat(tooLong)
        .isEqualTo("«العنوان — بالعربية» طويل جدًا: ١٠٠٬٠٠٠ حرف، والحد الأقصى ٣٠٠ حرف.");
    assertThat(tooLong).isNotEqualTo(required);

    // 3. an event with neither place nor online link: both fields are named
    newEntry("event", "منشور جديد");
    browser.type("title-ar", "فعالية بلا مكان");
    browser.setValue("startTime", "2027-02-01T10:00");
    browser.type("timeZone", "Asia/Damascus");
    browser.type("links-0-url", "not a link");
    browser.el("entry-save").click();
    WebElement place =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#place-group .field-error")));
    assertThat(place.getText())
        .isEqualTo("أدخل المكان أو رابط المشاركة عبر الإنترنت (أحدهما على الأقل).");
    assertThat(browser.el("onlineUrl").getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(
            browser.driver.findElement(By.cssSelector("[data-field=links] .field-error")).getText())
        .isEqualTo("«روابط — الرابط» ليس رابطًا كاملًا. ابدأ بـ https://");
    assertThat(browser.driver.findElement(By.cssSelector(".error-summary")).getText())
        .contains("خطأين");
    new AccessibilityCheck().assertNoSeriousViolations(browser, "ar event editor with errors");

    // 4. English: the same mistakes, English sentences
    browser.el("lang-toggle").click();
    browser.waitForHeading("New entry");
    browser.el("entry-save").click();
    WebElement en =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field=title] .field-error")));
    assertThat(en.getText()).isEqualTo("\"Title\" is required.");
    js().executeScript("document.getElementById('title-en').value = 'x'.repeat(100000);");
    browser.el("entry-save").click();
    waitForCode("[data-field=title] .field-error", "tooLong");
    assertThat(
            (String)
                js().executeScript(
                        "return document.querySelector('[data-field=title] .field-error').innerText"))
        .isEqualTo(
            "\"Title — English\" is too long: 100,000 characters; the limit is 300 characters.");
    browser.el("lang-toggle").click();
    browser.waitForHeading("منشور جديد");

    assertThat(entries()).as("nothing stored").hasSize(before);
    // and failed validation is not an action: neither the audit log nor the dashboard lists it
    JsonNode done =
        TestNode.json(a.api("GET", "/api/v1/audit?done=true&pageSize=200", null)).get("items");
    assertThat(done).noneMatch(r -> r.path("outcome").asInt() >= 400);
    JsonNode all = TestNode.json(a.api("GET", "/api/v1/audit?pageSize=200", null)).get("items");
    assertThat(all).anyMatch(r -> r.path("outcome").asInt() == 422);
  }

  @Test
  @Order(5)
  void profileErrorsToo_andTheYearRangeIsShownBeforehand() throws Exception {
    browser.go("#/profile", "الملف التعريفي");
    assertThat(browser.el("foundingYear-hint").getText()).isEqualTo("من 1900 إلى 2100.");
    browser.type("foundingYear", "1850");
    browser.el("profile-save").click();
    WebElement e =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-field=foundingYear] .field-error")));
    assertThat(e.getText()).isEqualTo("«سنة التأسيس» أصغر من المسموح.");
    assertThat(
            TestNode.json(a.api("GET", "/api/v1/organizations/alef/profile", null))
                .get("foundingYear")
                .asInt())
        .isEqualTo(2013);
  }

  @Test
  @Order(6)
  void auditAndDashboard_inPlainLanguage_bothLanguages_noRedToastOnFirstLoad() throws Exception {
    browser.open(a.base() + "/admin/");
    browser.waitForHeading("لوحة المتابعة");
    assertThat(browser.driver.findElements(By.cssSelector("#status [data-kind=error]"))).isEmpty();
    String recent = browser.el("recent").getText();
    assertThat(recent).contains("admin: نشر منشور جديد").doesNotContain("/api/v1", "422");
    browser.go("#/audit", "سجل التدقيق");
    assertThat(browser.el("audit").getText())
        .contains("admin: تسجيل الدخول", "admin: تعديل الملف التعريفي", "admin: نشر منشور جديد")
        .doesNotContain("/api/v1", "session.login");
    browser.el("lang-toggle").click();
    browser.waitForHeading("Audit log");
    assertThat(browser.el("audit").getText())
        .contains("admin signed in", "admin edited the profile", "admin published a new entry");
    browser.el("lang-toggle").click();
    browser.waitForHeading("سجل التدقيق");
  }

  @Test
  @Order(7)
  void publishAReportNow_andExportDownloads() throws Exception {
    long reportsBefore = count(entries(), "report");
    browser.go("#/publish", "تقارير الدليل");
    select("publish-period", "quarter");
    browser.el("publish-submit").click();
    browser.announced("نُشر التقرير.");
    browser.el("published-link");
    assertThat(count(entries(), "report")).isEqualTo(reportsBefore + 1);
    assertThat(entries()).anyMatch(e -> e.path("reportType").asText().equals("quarterly"));

    browser.go("#/export", "تصدير البيانات");
    for (String id : List.of("export-entries", "export-organizations", "export-hsds")) {
      String href = browser.el(id).getAttribute("href");
      Object status =
          js().executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "fetch(arguments[0], {credentials: 'same-origin'}).then(async r => done(r.status + ' ' + (await r.text()).length))",
                  href);
      assertThat(String.valueOf(status)).as(id).startsWith("200 ");
    }
    browser.go("#/discovery", "اقتراحات للمتابعة");
    browser.el("no-suggestions");
    browser.go("#/received", "ما يصلنا من المنظمات التي نتابعها");
    browser.el("no-received");

    // Scheduled reports: turned on from the same screen, saved through the API.
    browser.go("#/publish", "تقارير الدليل");
    browser.el("schedule-monthly").click();
    browser.el("schedule-save").click();
    browser.announced("حُفظ جدول التقارير.");
    assertThat(
            TestNode.json(a.api("GET", "/api/v1/organizations/alef/report-schedule", null))
                .get("monthly")
                .asBoolean())
        .isTrue();
    assertThat(browser.el("schedule-next").getText()).startsWith("التقرير الشهري القادم في");
    browser.el("schedule-monthly").click();
    browser.el("schedule-save").click();
    await()
        .atMost(SECONDS)
        .until(
            () ->
                !TestNode.json(a.api("GET", "/api/v1/organizations/alef/report-schedule", null))
                    .get("monthly")
                    .asBoolean());
  }

  @Test
  @Order(7)
  void remoteFollowFromAPublicPage_landsOnTheFollowFormFilledIn() throws Exception {
    // Our subscribe template (the public follow box of another Madani node sends its visitors
    // here).
    browser.driver.get(
        a.base()
            + "/authorize_interaction?uri="
            + java.net.URLEncoder.encode(
                "acct:nour@peer.example.org", java.nio.charset.StandardCharsets.UTF_8));
    browser.waitForHeading("من نتابعهم");
    assertThat(browser.el("follow-actor").getAttribute("value")).isEqualTo("nour@peer.example.org");
    assertThat(js().executeScript("return location.hash"))
        .asString()
        .startsWith("#/following?follow=");
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector("nav a[aria-current=page]"))
                .getAttribute("href"))
        .endsWith("#/following");
  }

  @Test
  @Order(8)
  void remoteFollowWhileSignedOut_landsOnTheFollowFormFilledIn_afterTheLogin() throws Exception {
    browser.el("logout").click();
    browser.waitForHeading("تسجيل الدخول");
    browser.driver.get(
        a.base()
            + "/authorize_interaction?uri="
            + java.net.URLEncoder.encode(
                "acct:huda@peer.example.org", java.nio.charset.StandardCharsets.UTF_8));
    browser.logIn("تسجيل الدخول", "من نتابعهم");
    assertThat(browser.el("follow-actor").getAttribute("value")).isEqualTo("huda@peer.example.org");
  }

  record Screen(String hash, String name, String ar, String en) {}

  static final List<Screen> ADMIN_SCREENS =
      List.of(
          new Screen("#/", "dashboard", "لوحة المتابعة", "Dashboard"),
          new Screen("#/profile", "profile", "الملف التعريفي", "Profile"),
          new Screen("#/entries", "entries", "المنشورات والفعاليات", "Entries and events"),
          new Screen("#/entries/new/event", "new-event", "منشور جديد", "New entry"),
          new Screen("#/entries/new/need", "new-need", "منشور جديد", "New entry"),
          new Screen("#/followers", "followers", "من يتابعنا", "Followers"),
          new Screen("#/following", "following", "من نتابعهم", "Following"),
          new Screen(
              "#/discovery",
              "discovery",
              "اقتراحات للمتابعة",
              "Organizations you may want to follow"),
          new Screen(
              "#/trust", "trust", "مستويات الثقة ووضع الاتحاد", "Trust levels and federation mode"),
          new Screen("#/moderation", "moderation", "الإشراف", "Moderation"),
          new Screen("#/publish", "publish", "تقارير الدليل", "Directory reports"),
          new Screen("#/export", "export", "تصدير البيانات", "Export"),
          new Screen("#/audit", "audit", "سجل التدقيق", "Audit log"));

  @Test
  @Order(8)
  void adminScreens_baselinesAndAccessibility_bothLanguages_desktopAndPhone() throws Exception {
    AccessibilityCheck axe = new AccessibilityCheck();
    for (String lang : List.of("ar", "en")) {
      for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
        browser.driver.manage().window().setSize(size);
        String width = size.getWidth() < 500 ? "phone" : "desktop";
        for (Screen s : ADMIN_SCREENS) {
          if (s.hash().startsWith("#/entries/new/"))
            newEntry(s.hash().substring(14), lang.equals("ar") ? s.ar() : s.en());
          else browser.go(s.hash(), lang.equals("ar") ? s.ar() : s.en());
          if (width.equals("phone")) {
            // Arabic and English words are never broken in the middle at phone width.
            assertThat(
                    (Long)
                        js().executeScript(
                                "return document.querySelectorAll('main th, main td, main label, main legend, nav a').length"))
                .isPositive();
            assertThat(
                    (String)
                        js().executeScript(
                                "return getComputedStyle(document.querySelector('nav a')).overflowWrap"))
                .isNotEqualTo("anywhere");
          }
          axe.assertNoSeriousViolations(browser, lang + " " + width + " " + s.hash());
          baselines.check(browser, "admin-" + lang + "-" + width + "-" + s.name());
        }
      }
      browser.driver.manage().window().setSize(new Dimension(1280, 900));
      browser.el("lang-toggle").click();
      browser.waitForHeading(lang.equals("ar") ? "Audit log" : "سجل التدقيق");
    }
  }

  @Test
  @Order(9)
  void publicPages_baselinesAndAccessibility_bothLanguages_desktopAndPhone() throws Exception {
    AccessibilityCheck axe = new AccessibilityCheck();
    String entry =
        "/orgs/alef/entries/"
            + java.net.URLEncoder.encode(ids.get("event"), java.nio.charset.StandardCharsets.UTF_8);
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("home", "/");
    pages.put("organization", "/orgs/alef");
    pages.put("entry", entry);
    pages.put("directory", "/directory");
    pages.put("reports", "/reports");
    for (String lang : List.of("ar", "en")) {
      for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
        browser.driver.manage().window().setSize(size);
        String width = size.getWidth() < 500 ? "phone" : "desktop";
        for (var p : pages.entrySet()) {
          String url =
              a.base() + p.getValue() + (p.getValue().contains("?") ? "&" : "?") + "lang=" + lang;
          browser.driver.get(url);
          browser.wait.until(
              d -> "complete".equals(js().executeScript("return document.readyState")));
          assertThat(browser.htmlAttr("lang")).as(url).isEqualTo(lang);
          axe.assertNoSeriousViolations(browser, url + " at " + width);
          baselines.check(browser, "public-" + lang + "-" + width + "-" + p.getKey());
        }
      }
    }
    browser.driver.manage().window().setSize(new Dimension(1280, 900));
  }
}
