package org.madani.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The repository's {@code .dockerignore}, read the way Docker reads it (patterns relative to the
 * context root, {@code *} within one path segment, {@code **} across any number of them, a matched
 * directory taking its contents along): a local data directory, database files and keys never enter
 * the build context of {@code docker/Dockerfile}'s {@code COPY . .}, and the sources the build
 * needs still do.
 */
class DockerIgnoreTest {

  static List<Pattern> patterns() throws Exception {
    Path file = Path.of("..", ".dockerignore");
    assertThat(file).as("a .dockerignore beside docker/Dockerfile's build context").exists();
    return Files.readAllLines(file).stream()
        .map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .peek(
            l ->
                assertThat(l)
                    .as("no re-inclusions: they are easy to get wrong")
                    .doesNotStartWith("!"))
        .map(DockerIgnoreTest::regex)
        .toList();
  }

  static Pattern regex(String glob) {
    StringBuilder re = new StringBuilder();
    String g = glob.startsWith("/") ? glob.substring(1) : glob;
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (g.startsWith("**/", i)) {
        re.append("(?:.*/)?");
        i += 2;
      } else if (g.startsWith("**", i)) {
        re.append(".*");
        i += 1;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }

  static boolean ignored(List<Pattern> patterns, String path) {
    String[] parts = path.split("/");
    StringBuilder prefix = new StringBuilder();
    for (String part : parts) {
      if (prefix.length() > 0) prefix.append('/');
      prefix.append(part);
      for (Pattern p : patterns) {
        if (p.matcher(prefix).matches()) return true;
      }
    }
    return false;
  }

  @Test
  void secretsAndLocalState_stayOutOfTheBuildContext() throws Exception {
    List<Pattern> patterns = patterns();
    for (String secret :
        List.of(
            "madani-data/keys/sawa-ed25519.pem",
            "madani-data/initial-admin-credentials.txt",
            "madani-data/madani.mv.db",
            "node/madani-data/node.json",
            "madani-data-old/madani.mv.db",
            "backup/madani.mv.db",
            "madani.trace.db",
            "keys/recovery-ed25519.pem",
            "somewhere/sawa.key",
            ".env",
            "docker/.env.production",
            "secrets/key.passphrase",
            ".git/config",
            "node/target/madani-node.jar")) {
      assertThat(ignored(patterns, secret)).as(secret).isTrue();
    }
    for (String needed :
        List.of(
            "pom.xml",
            "node/pom.xml",
            "node/src/main/java/org/madani/node/MadaniNode.java",
            "protocol-spec/schemas/entry.schema.json",
            "protocol-spec/taxonomies/sectors.json",
            "admin-ui/pom.xml",
            "docker/entrypoint.sh",
            "examples/organization.json",
            "node/src/test/java/org/madani/node/federation/delivery/DeliveryRecoveryTest.java")) {
      assertThat(ignored(patterns, needed)).as(needed).isFalse();
    }
  }
}
