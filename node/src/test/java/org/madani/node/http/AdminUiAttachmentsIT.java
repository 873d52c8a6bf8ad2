package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
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
 * A knowledge post with a document, from the admin UI (real Chromium, real node, real H2): in
 * Arabic the admin picks a PDF that still names its author, the node stores it without its
 * metadata, the post is saved with the attachment named in both languages and carries its type,
 * size and digest; in English the attachment is listed with the post and can be removed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminUiAttachmentsIT {

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

  static Path pdfNamingItsAuthor() throws Exception {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      PDDocumentInformation info = new PDDocumentInformation();
      info.setAuthor("Fatima, Idlib office");
      doc.setDocumentInformation(info);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      Path file = dir.resolve("field-guide.pdf");
      Files.write(file, out.toByteArray());
      return file;
    }
  }

  @Test
  @Order(1)
  void anArticleGetsADocumentInArabic_storedWithoutItsMetadata() throws Exception {
    browser.go("#/entries/new/article", "منشور جديد");
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#entry-form[data-kind=article]")));
    assertThat(browser.el("kind-fields").getText()).contains("المرفقات (وثائق وصور)");
    browser.type("title-ar", "دليل التوثيق الميداني");
    browser
        .driver
        .findElement(By.id("attachments-file"))
        .sendKeys(pdfNamingItsAuthor().toAbsolutePath().toString());
    browser.wait.until(
        ExpectedConditions.textToBe(
            By.id("attachments-file-status"), "رُفع الملف؛ احفظوا المنشور لنشره معه."));
    assertThat(browser.el("attachments-0-name-ar").getAttribute("value")).isEqualTo("field-guide");
    browser.type("attachments-0-name-en", "Field documentation guide");
    browser.el("entry-save").click();
    browser.waitForHeading("المنشورات والفعاليات");

    JsonNode items = TestNode.json(a.api("GET", a.entriesPath(), null)).get("items");
    assertThat(items).hasSize(1);
    id = items.get(0).get("id").asText();
    JsonNode att = stored().at("/attachments/0");
    assertThat(att.get("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(att.at("/name/ar").asText()).isEqualTo("field-guide");
    assertThat(att.at("/name/en").asText()).isEqualTo("Field documentation guide");
    assertThat(att.get("digestMultibase").asText()).startsWith("z");
    HttpResponse<byte[]> served =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(att.get("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(att.get("size").asLong()).isEqualTo(served.body().length);
    try (PDDocument clean = Loader.loadPDF(served.body())) {
      assertThat(clean.getDocumentInformation().getAuthor()).isNull();
    }
    new AccessibilityCheck().assertNoSeriousViolations(browser, "ar entries after attachment");
  }

  @Test
  @Order(2)
  void inEnglishTheAttachmentIsListed_andCanBeRemoved() throws Exception {
    browser.el("lang-toggle").click();
    browser.waitForHeading("Entries and events");
    browser.go("#/entries/" + id, "Edit");
    assertThat(browser.el("kind-fields").getText())
        .contains("Attachments (documents and images)", "application/pdf");
    assertThat(browser.el("attachments-0-name-en").getAttribute("value"))
        .isEqualTo("Field documentation guide");
    new AccessibilityCheck().assertNoSeriousViolations(browser, "en article with attachment");
    browser.driver.findElement(By.cssSelector("#attachments-rows > li button.danger")).click();
    browser.el("entry-save").click();
    browser.announced("Saved.");
    assertThat(stored().path("attachments").size()).isZero();
  }
}
