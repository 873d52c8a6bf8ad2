package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.jsoup.Jsoup;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An admin publishes a training through the admin UI (real Chromium, real node, real H2): in Arabic
 * with two sessions (one in a place, one online), capacity and registration mode, then edits it in
 * English; the stored document holds every field, and its public page in both languages (RTL for
 * Arabic) lists the sessions, the places and how to register.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminUiTrainingIT {

  @TempDir static Path dir;
  static TestNode a;
  static Browser browser;
  static String id;

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

  static JsonNode stored() throws Exception {
    return TestNode.json(a.api("GET", a.entriesPath() + "/" + id, null));
  }

  static void select(String elementId, String value) {
    new Select(browser.el(elementId)).selectByValue(value);
  }

  @Test
  @Order(1)
  void publishInArabic_withTwoSessionsCapacityAndRegistration() throws Exception {
    browser.go("#/entries/new/training", "منشور جديد");
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#entry-form[data-kind=training]")));
    assertThat(browser.el("kind-fields").getText()).contains("الجلسات", "عدد المقاعد", "التسجيل");
    browser.type("title-ar", "دورة السلامة الرقمية");
    browser.type("title-en", "Digital safety course");
    browser.type("timeZone", "Asia/Damascus");
    browser.type("capacity", "12");
    select("registration", "approval");
    browser.setValue("sessions-0-startTime", "2027-04-05T10:00");
    browser.setValue("sessions-0-endTime", "2027-04-05T13:00");
    browser.type("sessions-0-place-name-ar", "مركز الشباب");
    browser.type("sessions-0-place-name-en", "Youth centre");
    browser.el("sessions-add").click();
    browser.setValue("sessions-1-startTime", "2027-04-12T10:00");
    browser.setValue("sessions-1-endTime", "2027-04-12T12:00");
    browser.type("sessions-1-onlineUrl", "https://meet.example.org/safety");
    browser.el("entry-save").click();
    browser.waitForHeading("المنشورات والفعاليات");

    JsonNode items = TestNode.json(a.api("GET", a.entriesPath(), null)).get("items");
    assertThat(items).hasSize(1);
    id = items.get(0).get("id").asText();
    JsonNode e = stored();
    assertThat(e.get("kind").asText()).isEqualTo("training");
    assertThat(e.get("capacity").asInt()).isEqualTo(12);
    assertThat(e.get("registration").asText()).isEqualTo("approval");
    assertThat(e.get("timeZone").asText()).isEqualTo("Asia/Damascus");
    assertThat(e.get("sessions")).hasSize(2);
    assertThat(e.at("/sessions/0/startTime").asText()).isEqualTo("2027-04-05T10:00:00+03:00");
    assertThat(e.at("/sessions/0/endTime").asText()).isEqualTo("2027-04-05T13:00:00+03:00");
    assertThat(e.at("/sessions/0/place/name/ar").asText()).isEqualTo("مركز الشباب");
    assertThat(e.at("/sessions/1/onlineUrl").asText()).isEqualTo("https://meet.example.org/safety");
    assertThat(e.at("/sessions/1/place").isMissingNode()).isTrue();
  }

  @Test
  @Order(2)
  void editInEnglish_thenThePublicPagesShowTheSessionsInBothLanguages() throws Exception {
    browser.el("lang-toggle").click();
    browser.waitForHeading("Entries and events");
    browser.go("#/entries/" + id, "Edit");
    assertThat(browser.el("kind-fields").getText()).contains("Sessions", "Places", "Registration");
    assertThat(browser.el("sessions-1-onlineUrl").getAttribute("value"))
        .isEqualTo("https://meet.example.org/safety");
    browser.type("capacity", "2");
    select("registration", "open");
    browser.el("sessions-add").click();
    browser.setValue("sessions-2-startTime", "2027-04-19T10:00");
    browser.setValue("sessions-2-endTime", "2027-04-19T12:00");
    browser.type("sessions-2-place-name-en", "Library");
    browser.el("entry-save").click();
    browser.announced("Saved.");
    JsonNode e = stored();
    assertThat(e.get("version").asInt()).isEqualTo(2);
    assertThat(e.get("capacity").asInt()).isEqualTo(2);
    assertThat(e.get("registration").asText()).isEqualTo("open");
    assertThat(e.get("sessions")).hasSize(3);
    assertThat(e.at("/sessions/2/place/name/en").asText()).isEqualTo("Library");

    String path = "/orgs/alef/entries/" + id;
    Document ar = Jsoup.parse(a.get(path + "?lang=ar", "Accept", "text/html").body());
    assertThat(ar.selectFirst("html").attr("dir")).isEqualTo("rtl");
    assertThat(ar.select(".badge").text()).contains("تدريب");
    assertThat(ar.select("li.session")).hasSize(3);
    assertThat(ar.select("section.sessions").text()).contains("مركز الشباب", "meet.example.org");
    assertThat(ar.select("dl.facts").first().text())
        .contains("عدد المقاعد", "2", "مفتوح حتى امتلاء المقاعد");
    assertThat(ar.select("section.cta").text()).contains("للتسجيل");
    assertThat(ar.select("section.cta code.join-url").text()).isEqualTo(a.base() + path);
    assertThat(ar.select("section.cta a[type=text/calendar]").attr("href"))
        .isEqualTo(path + ".ics");

    Document en = Jsoup.parse(a.get(path + "?lang=en", "Accept", "text/html").body());
    assertThat(en.selectFirst("html").attr("dir")).isEqualTo("ltr");
    assertThat(en.select(".badge").text()).contains("Training");
    assertThat(en.select("li.session")).hasSize(3);
    assertThat(en.select("section.sessions").text()).contains("Youth centre", "Library");
    assertThat(en.select("section.cta").text()).contains("To register");

    String ics = a.get(path + ".ics").body();
    assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(4);
    browser.go("#/entries/" + id, "Edit");
    new AccessibilityCheck().assertNoSeriousViolations(browser, "en training editor");
  }
}
