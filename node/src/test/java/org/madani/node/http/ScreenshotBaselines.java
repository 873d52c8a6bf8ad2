package org.madani.node.http;

import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;

/**
 * Screenshots compared with committed baselines (src/test/resources/baselines/*.png), so that a
 * layout regression fails the build. A pixel counts as different when a colour channel differs by
 * more than {@link #CHANNEL_TOLERANCE}; a screen fails when more than {@link #PIXEL_TOLERANCE} of
 * its pixels differ, or its size changed. The failing shot and a diff image go to
 * target/screenshots/.
 *
 * <p>Regenerate every baseline with one command (after an intended change, or on a new machine):
 * {@code mvn -B -pl node -am verify -Dit.test='Admin*IT,PublicPagesBrowserIT'
 * -Dmadani.updateBaselines=true -Dsurefire.failIfNoSpecifiedTests=false} (see README, "Browser
 * tests").
 *
 * <p>Before each shot the page is made deterministic: the caret and focus ring are removed (focus
 * is dropped), animations are off (Chromium runs with reduced motion), and the loopback port, which
 * changes on every run, is replaced by a fixed one in visible text; the toast region is emptied.
 */
final class ScreenshotBaselines {

  static final Path BASELINES = Path.of("src", "test", "resources", "baselines");
  static final int CHANNEL_TOLERANCE = 48;
  static final double PIXEL_TOLERANCE = 0.01;

  private final boolean update = Boolean.getBoolean("madani.updateBaselines");

  void check(Browser browser, String name) throws Exception {
    stabilize(browser);
    byte[] png = browser.driver.getScreenshotAs(OutputType.BYTES);
    Files.createDirectories(Browser.SCREENSHOTS);
    Files.write(Browser.SCREENSHOTS.resolve(name + ".png"), png);
    Path baseline = BASELINES.resolve(name + ".png");
    if (update) {
      Files.createDirectories(BASELINES);
      Files.write(baseline, png);
      return;
    }
    if (!Files.exists(baseline)) {
      fail(
          "No baseline "
              + baseline
              + ": run once with -Dmadani.updateBaselines=true and commit it.");
    }
    BufferedImage expected = ImageIO.read(baseline.toFile());
    BufferedImage actual = ImageIO.read(new ByteArrayInputStream(png));
    String problem =
        compare(expected, actual, Browser.SCREENSHOTS.resolve("diff-" + name + ".png"));
    if (problem != null) {
      fail(
          "Screenshot "
              + name
              + " differs from its baseline: "
              + problem
              + " (see target/screenshots/"
              + name
              + ".png and diff-"
              + name
              + ".png; after an intended change regenerate with -Dmadani.updateBaselines=true)");
    }
  }

  /**
   * Null when the images match within tolerance; otherwise what differs. Writes a diff image then.
   */
  static String compare(BufferedImage expected, BufferedImage actual, Path diffOut)
      throws IOException {
    if (expected.getWidth() != actual.getWidth() || expected.getHeight() != actual.getHeight()) {
      return "size "
          + actual.getWidth()
          + "x"
          + actual.getHeight()
          + " instead of "
          + expected.getWidth()
          + "x"
          + expected.getHeight();
    }
    int w = expected.getWidth();
    int h = expected.getHeight();
    BufferedImage diff = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    long different = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int a = expected.getRGB(x, y);
        int b = actual.getRGB(x, y);
        boolean differs = false;
        for (int shift = 0; shift <= 16; shift += 8) {
          if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > CHANNEL_TOLERANCE)
            differs = true;
        }
        if (differs) different++;
        diff.setRGB(x, y, differs ? 0xff0000 : (a & 0xfefefe) >> 1 | 0x808080);
      }
    }
    double share = (double) different / ((long) w * h);
    if (share <= PIXEL_TOLERANCE) return null;
    Files.createDirectories(diffOut.getParent());
    ImageIO.write(diff, "png", diffOut.toFile());
    return String.format(
        "%.2f%% of pixels differ (tolerance %.2f%%)", share * 100, PIXEL_TOLERANCE * 100);
  }

  static void stabilize(Browser browser) {
    ((JavascriptExecutor) browser.driver)
        .executeScript(
            "if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();"
                + "const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
                + "for (let n = walker.nextNode(); n; n = walker.nextNode()) {"
                + "  if (/127\\.0\\.0\\.1:\\d+/.test(n.nodeValue)) n.nodeValue = n.nodeValue.replace(/127\\.0\\.0\\.1:\\d+/g, '127.0.0.1:8080');"
                + "}"
                + "for (const i of document.querySelectorAll('input, textarea')) {"
                + "  if (/127\\.0\\.0\\.1:\\d+/.test(i.value)) i.value = i.value.replace(/127\\.0\\.0\\.1:\\d+/g, '127.0.0.1:8080');"
                + "}"
                // toasts clear on a timer: whether one is still up is timing, not layout
                + "const status = document.getElementById('status'); if (status) status.replaceChildren();"
                + "window.scrollTo(0, 0);");
  }
}
