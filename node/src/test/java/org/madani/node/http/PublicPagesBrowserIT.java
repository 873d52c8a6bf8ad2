package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The public pages in Debian's Chromium, as a visitor uses them: landing page → search ("Halab") →
 * directory → entry → its call to action; the language switch kept on the next click; and, at phone
 * width in both languages, no horizontal overflow and no Arabic word broken across lines; the
 * Arabic font comes from the node itself.
 */
class PublicPagesBrowserIT {

  static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir static Path dir;
  static TestNode node;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(dir.resolve("n"), "sawa", true);
    browser = new Browser(dir);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    node.close();
  }

  static String url(String path) {
    return node.base() + path;
  }

  JavascriptExecutor js() {
    return (JavascriptExecutor) browser.driver;
  }

  void load(String path) {
    browser.driver.get(url(path));
    browser.wait.until(d -> "complete".equals(js().executeScript("return document.readyState")));
  }

  @Test
  void landing_search_directory_entry_callToAction_andTheLanguageIsKept() throws Exception {
    browser.driver.manage().window().setSize(new Dimension(1280, 900));
    browser.driver.manage().deleteAllCookies();
    // The directory index fills asynchronously after start: wait until the search finds the event.
    await()
        .atMost(WAIT)
        .until(
            () ->
                node.get("/directory?q=Halab").body().contains("Panel evening")
                    || node.get("/directory?q=Halab").body().contains("أمسية حوارية"));
    load("/?lang=ar");
    assertThat(browser.htmlAttr("lang")).isEqualTo("ar");
    assertThat(browser.htmlAttr("dir")).isEqualTo("rtl");
    WebElement q = browser.driver.findElement(By.id("home-q"));
    q.sendKeys("Halab");
    q.submit();
    browser.wait.until(ExpectedConditions.urlContains("/directory"));
    WebElement result =
        browser.wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//section[@class='results']//li[contains(., 'أمسية حوارية')]/a")));
    browser.screenshot("public-directory-halab-ar");
    result.click();
    browser.wait.until(ExpectedConditions.urlContains("/entries/"));
    WebElement cta =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.cta a.button")));
    assertThat(cta.getText()).isEqualTo("سجّل للحضور");
    assertThat(cta.getAttribute("href"))
        .isEqualTo("https://sawa.example.org/events/berlin-panel-2027/register");
    browser.screenshot("public-entry-ar");

    // Switch to English, then follow plain links: the pages stay English.
    browser.driver.findElement(By.cssSelector("a.switch")).click();
    browser.wait.until(d -> "en".equals(browser.htmlAttr("lang")));
    assertThat(browser.driver.findElement(By.cssSelector("section.cta a.button")).getText())
        .isEqualTo("Register to attend");
    browser.driver.findElement(By.cssSelector("a.brand")).click();
    browser.wait.until(ExpectedConditions.urlToBe(url("/")));
    assertThat(browser.htmlAttr("lang")).isEqualTo("en");
    assertThat(browser.htmlAttr("dir")).isEqualTo("ltr");
    browser.driver.findElement(By.cssSelector("nav.nav a[href='/directory']")).click();
    browser.wait.until(ExpectedConditions.urlContains("/directory"));
    assertThat(browser.htmlAttr("lang")).isEqualTo("en");
    browser.driver.manage().deleteAllCookies();
  }

  @Test
  void phoneWidth_bothLanguages_noHorizontalOverflow_noArabicWordBrokenAcrossLines()
      throws Exception {
    browser.driver.manage().window().setSize(new Dimension(390, 844));
    browser.driver.manage().deleteAllCookies();
    String eventId = null;
    for (var e :
        TestNode.json(node.api("GET", node.entriesPath() + "?kind=event", null)).get("items")) {
      if (e.path("title").path("en").asText().startsWith("Panel evening"))
        eventId = e.get("id").asText();
    }
    List<String> paths =
        List.of(
            "/",
            "/orgs/sawa",
            "/orgs/sawa/entries/" + eventId,
            "/directory?q=تدريب",
            "/reports",
            "/no/such/page");
    for (String lang : List.of("ar", "en")) {
      for (String p : paths) {
        load(p + (p.contains("?") ? "&" : "?") + "lang=" + lang);
        assertThat(browser.htmlAttr("lang")).as(p).isEqualTo(lang);
        Number inner = (Number) js().executeScript("return window.innerWidth");
        Number scroll = (Number) js().executeScript("return document.documentElement.scrollWidth");
        assertThat(scroll.intValue())
            .as(
                "horizontal overflow on %s (%s): %s",
                p,
                lang,
                js().executeScript(
                        "return Array.from(document.querySelectorAll('body *')).filter(e => { const r = e.getBoundingClientRect();"
                            + " return r.right > innerWidth + 1 || r.left < -1; }).map(e => e.tagName + '.' + e.className).slice(0, 8)"))
            .isLessThanOrEqualTo(inner.intValue());
        if (lang.equals("ar")) {
          @SuppressWarnings("unchecked")
          List<String> broken = (List<String>) js().executeScript(BROKEN_ARABIC_WORDS);
          assertThat(broken).as("Arabic words broken across lines on %s", p).isEmpty();
        }
        browser.screenshot("public-phone-" + lang + p.replaceAll("[^a-z]+", "-"));
      }
    }
    browser.driver.manage().window().setSize(new Dimension(1280, 900));
  }

  @Test
  void reportCharts_arabicLabelsLieWhollyInsideThePicture() throws Exception {
    browser.driver.manage().window().setSize(new Dimension(1280, 900));
    load("/reports?lang=ar&period=year&from=2020-01-01&to=2028-01-01");
    @SuppressWarnings("unchecked")
    List<Object> boxes =
        (List<Object>)
            js().executeScript(
                    "return Array.from(document.querySelectorAll('svg.chart text[direction=rtl]')).map(t => {"
                        + " const b = t.getBBox(); const w = t.ownerSVGElement.viewBox.baseVal.width;"
                        + " return {label: t.textContent, x: b.x, right: b.x + b.width, width: b.width, svg: w}; })");
    assertThat(boxes).isNotEmpty();
    for (Object o : boxes) {
      @SuppressWarnings("unchecked")
      var box = (java.util.Map<String, Object>) o;
      double x = ((Number) box.get("x")).doubleValue();
      double right = ((Number) box.get("right")).doubleValue();
      double svg = ((Number) box.get("svg")).doubleValue();
      assertThat(x).as("label %s starts inside", box.get("label")).isGreaterThanOrEqualTo(0);
      assertThat(right).as("label %s ends inside", box.get("label")).isLessThanOrEqualTo(svg);
      // more than one glyph is visible: the label is as wide as its text, not clipped to a glyph
      assertThat(((Number) box.get("width")).doubleValue()).isGreaterThan(12);
    }
    browser.screenshot("public-reports-ar");
  }

  @Test
  void arabicFont_isTheNodesOwn() throws Exception {
    load("/orgs/sawa?lang=ar");
    Boolean loaded =
        (Boolean)
            js().executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "document.fonts.load('16px \"Madani Naskh\"', 'شبكة').then(fs => done(fs.length > 0"
                        + " && document.fonts.check('16px \"Madani Naskh\"', 'شبكة')), () => done(false));");
    assertThat(loaded).isTrue();
    @SuppressWarnings("unchecked")
    List<String> fonts =
        (List<String>)
            js().executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/fonts/'))");
    assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f).startsWith(url("/static/fonts/")));
  }

  /**
   * Every Arabic word in the page's main part whose glyphs lie on more than one line (a word broken
   * mid-word): the tops of the word's client rectangles differ.
   */
  static final String BROKEN_ARABIC_WORDS =
      """
      const out = [];
      const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
      let n;
      while ((n = walker.nextNode())) {
        const text = n.textContent;
        const re = /[\\u0600-\\u06FF]+/g;
        let m;
        while ((m = re.exec(text))) {
          if (m[0].length < 2) continue;
          const r = document.createRange();
          r.setStart(n, m.index);
          r.setEnd(n, m.index + m[0].length);
          const tops = new Set(Array.from(r.getClientRects()).filter(x => x.width > 0).map(x => Math.round(x.top / 4)));
          if (tops.size > 1) out.push(m[0]);
        }
      }
      return out;
      """;
}
