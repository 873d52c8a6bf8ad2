package org.madani.node.http.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;

/**
 * The demo node's feeds as third-party readers see them: the Atom feed through rss-parser and the
 * calendar through Mozilla's ical.js (npm, pinned in node/src/test/feeds, run by Node.js, which
 * .ci/run installs; a missing Node.js fails the test). Every entry of the JSON Feed is an Atom item
 * with its title and link; every event is a calendar event with its summary and start.
 */
class FeedReadersIT {

  static final Path READERS = Path.of("src", "test", "feeds").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void atomAndICalendarParseInThirdPartyReaders() throws Exception {
    try (TestNode node = TestNode.start(dir, "sawa", true)) {
      JsonNode jsonFeed =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> TestNode.json(node.get("/feeds/directory.json")),
                  f -> f.path("items").size() > 2);
      JsonNode read =
          read(node.local() + "/feeds/directory.atom", node.local() + "/feeds/directory.ics");

      JsonNode atom = read.path("atom");
      assertThat(atom.path("title").asText()).isNotBlank();
      assertThat(atom.path("items").size()).isEqualTo(jsonFeed.path("items").size());
      for (JsonNode item : atom.path("items")) {
        assertThat(item.path("title").asText()).as(item.toString()).isNotBlank();
        assertThat(item.path("link").asText())
            .as(item.toString())
            .startsWith(node.base().toString());
        assertThat(item.path("date").asText(null)).as(item.toString()).isNotNull();
      }

      JsonNode events = read.path("ics").path("events");
      long expected = 0;
      for (JsonNode i : jsonFeed.path("items")) if (i.toString().contains("\"event\"")) expected++;
      assertThat(events.size()).isGreaterThan(0).isEqualTo((int) expected);
      for (JsonNode e : events) {
        assertThat(e.path("summary").asText()).as(e.toString()).isNotBlank();
        assertThat(e.path("uid").asText()).as(e.toString()).isNotBlank();
        assertThat(e.path("start").asText(null)).as(e.toString()).isNotNull();
      }
    }
  }

  private static JsonNode read(String atomUrl, String icsUrl) throws Exception {
    if (!Files.isDirectory(READERS.resolve("node_modules").resolve("rss-parser"))) {
      Process npm =
          new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
              .directory(READERS.toFile())
              .redirectErrorStream(true)
              .start();
      String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(npm.waitFor(5, TimeUnit.MINUTES) && npm.exitValue() == 0).as(out).isTrue();
    }
    Process p =
        new ProcessBuilder("node", "read.mjs", atomUrl, icsUrl).directory(READERS.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    return TestNode.JSON.readTree(out);
  }
}
