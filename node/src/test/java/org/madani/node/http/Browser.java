package org.madani.node.http;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver. Nothing is downloaded: the
 * driver and browser paths are given explicitly, so Selenium Manager is never consulted, and the
 * browser's own background networking (updates, sync, safe browsing lists) is switched off. Missing
 * binaries FAIL the test: CI installs them (.ci/run), so absence is a broken machine.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  final WebDriverWait wait;
  private final Path profile;

  Browser(Path tempDir) throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail(
          "Browser tests need Debian's chromium and chromium-driver ("
              + CHROMIUM
              + ", "
              + CHROMEDRIVER
              + "): apt-get install -y chromium chromium-driver (.ci/run does this).");
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    System.setProperty("SE_OFFLINE", "true");
    profile = Files.createDirectories(tempDir.resolve("chromium-profile"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-default-apps",
        "--force-device-scale-factor=1",
        // Deterministic screenshots: no animations, no scrollbars, no font hinting differences.
        "--force-prefers-reduced-motion",
        "--hide-scrollbars",
        "--font-render-hinting=none",
        "--lang=ar",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .withEnvironment(java.util.Map.of("TZ", "UTC"))
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 900));
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    Files.createDirectories(SCREENSHOTS);
  }

  void open(String url) {
    driver.get(url);
    wait.until(
        d ->
            "true"
                .equals(
                    ((JavascriptExecutor) d)
                        .executeScript("return document.documentElement.dataset.ready || null")));
  }

  /** Navigates inside the app and waits for the screen's heading. */
  void go(String hash, String headingText) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    String current = (String) js.executeScript("return location.hash || '#/'");
    if (current.equals(hash)) {
      // Same hash: no hashchange event, so reload to see the screen afresh.
      driver.navigate().refresh();
      wait.until(
          d ->
              "true"
                  .equals(
                      ((JavascriptExecutor) d)
                          .executeScript("return document.documentElement.dataset.ready || null")));
    } else {
      js.executeScript("location.hash = arguments[0]", hash);
    }
    waitForHeading(headingText);
  }

  /** The current screen's heading, once one is shown. */
  String heading() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")))
        .getText();
  }

  void waitForHeading(String text) {
    wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
    wait.until(d -> d.findElement(By.id("main")).getAttribute("aria-busy") == null);
  }

  WebElement el(String id) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  void type(String id, String text) {
    WebElement e = el(id);
    e.clear();
    e.sendKeys(text);
  }

  /** Sets an input whose native picker cannot be typed into reliably (datetime-local). */
  void setValue(String id, String value) {
    ((JavascriptExecutor) driver)
        .executeScript(
            "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + "e.dispatchEvent(new Event('input', {bubbles: true}));",
            id,
            value);
  }

  /**
   * Fills the admin login form the current page shows (user {@code admin}, the tests' password),
   * after its heading, and waits for the dashboard's.
   */
  void logIn(String loginHeading, String dashboardHeading) {
    waitForHeading(loginHeading);
    type("username", "admin");
    type("password", AdminUiBrowserIT.PASSWORD);
    el("login-submit").click();
    waitForHeading(dashboardHeading);
  }

  /** Waits for the live status region to announce {@code text}. */
  void announced(String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), text));
  }

  String htmlAttr(String name) {
    return driver.findElement(By.tagName("html")).getAttribute(name);
  }

  void screenshot(String name) throws Exception {
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name + ".png"), png);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
