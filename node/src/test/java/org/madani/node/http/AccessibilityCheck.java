package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Runs axe-core (vendored from npm in test resources, see axe/README.md) in the page the browser
 * shows and fails on any serious or critical violation. The script is evaluated through WebDriver,
 * which the pages' Content-Security-Policy does not govern, so nothing is loosened for the test.
 */
final class AccessibilityCheck {

  private final String axe;

  AccessibilityCheck() {
    try (InputStream in = AccessibilityCheck.class.getResourceAsStream("/axe/axe.min.js")) {
      if (in == null) throw new IllegalStateException("axe/axe.min.js missing from test resources");
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The serious and critical violations on the current page, as "rule: target (summary)" lines. */
  @SuppressWarnings("unchecked")
  List<String> violations(Browser browser) {
    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
      js.executeScript(axe);
    }
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + "  .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' — '"
                + "  + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 200))}))))"
                + ".catch(e => done([{id: 'axe-error', impact: 'critical', nodes: [String(e)]}]));");
    List<String> out = new ArrayList<>();
    for (Object o : (List<Object>) result) {
      Map<String, Object> v = (Map<String, Object>) o;
      out.add(v.get("impact") + " " + v.get("id") + ": " + v.get("nodes"));
    }
    return out;
  }

  void assertNoSeriousViolations(Browser browser, String where) {
    assertThat(violations(browser))
        .as("axe-core serious/critical violations on " + where)
        .isEmpty();
  }
}
