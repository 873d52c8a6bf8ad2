package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The admin UI's texts: Arabic and English have exactly the same keys, none empty, and every key
 * the screens ask for with t('…') exists. Also: no inline styles or scripts and nothing from other
 * hosts in the UI's files, so the strict Content-Security-Policy holds.
 */
class AdminUiMessagesTest {

  static final Path SOURCES = Path.of("..", "admin-ui", "src");

  static JsonNode messages() throws IOException {
    try (InputStream in =
        AdminUiMessagesTest.class.getResourceAsStream("/admin-ui/js/messages.js")) {
      assertThat(in).as("admin-ui on the classpath").isNotNull();
      String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String json =
          js.substring(js.indexOf("/* BEGIN MESSAGES */") + 20, js.indexOf("/* END MESSAGES */"));
      return new ObjectMapper().readTree(json);
    }
  }

  static Set<String> keys(JsonNode lang) {
    Set<String> out = new TreeSet<>();
    lang.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void arabicAndEnglishHaveTheSameKeys_noneEmpty() throws Exception {
    JsonNode m = messages();
    assertThat(keys(m.get("ar"))).isEqualTo(keys(m.get("en"))).hasSizeGreaterThan(100);
    for (String l : new String[] {"ar", "en"}) {
      m.get(l)
          .properties()
          .forEach(e -> assertThat(e.getValue().asText()).as(l + " " + e.getKey()).isNotBlank());
    }
    // Arabic texts are Arabic (a key left in English would slip through otherwise).
    m.get("ar")
        .properties()
        .forEach(
            e ->
                assertThat(e.getValue().asText())
                    .as(e.getKey())
                    .containsPattern("[\\u0600-\\u06FF]"));
  }

  @Test
  void everyKeyTheScreensUseExists() throws Exception {
    Set<String> known = keys(messages().get("ar"));
    Pattern literal = Pattern.compile("\\bt\\('([a-zA-Z]+\\.[a-zA-Z.]*[a-zA-Z])'");
    Pattern prefixed = Pattern.compile("\\bt\\('([a-zA-Z]+\\.)' \\+");
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES.resolve("js"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
        String src = Files.readString(f);
        Matcher m = literal.matcher(src);
        while (m.find()) used.add(m.group(1));
        Matcher p = prefixed.matcher(src);
        while (p.find()) {
          String prefix = p.group(1);
          assertThat(known).as("keys under " + prefix).anyMatch(k -> k.startsWith(prefix));
        }
      }
    }
    // keys named in arrays (navigation, table heads)
    try (Stream<Path> files = Files.walk(SOURCES.resolve("js"))) {
      Pattern quoted =
          Pattern.compile(
              "'((?:nav|dashboard|entries|followers|following|keys|reports|audit|trust|lists|endorse|moderation)\\.[a-zA-Z]+)'");
      for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
        Matcher m = quoted.matcher(Files.readString(f));
        while (m.find()) used.add(m.group(1));
      }
    }
    assertThat(used).hasSizeGreaterThan(100);
    assertThat(known).containsAll(used);
  }

  @Test
  void nothingInlineAndNothingFromOtherHosts() throws Exception {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String src = Files.readString(f);
        assertThat(src)
            .as(f.toString())
            .doesNotContain("http://", "<style", "style=", "innerHTML", "eval(", "@import");
        if (f.toString().endsWith(".html")) {
          assertThat(src)
              .as(f.toString())
              .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
              .doesNotContainPattern(" on[a-z]+=");
        }
        assertThat(src)
            .as(f.toString())
            .doesNotContainPattern("https://(?!example\\.org|meet\\.example|node\\.example)[a-z]");
      }
    }
  }
}
