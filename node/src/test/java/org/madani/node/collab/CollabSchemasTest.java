package org.madani.node.collab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.madani.node.TestNode;

/**
 * The collaboration schemas accept their examples (protocol-spec/examples/collab/valid) and refuse
 * the counter-examples (…/invalid); Mobilizon's own Join (test fixture from Mobilizon's repository)
 * is a Join this node accepts. The file name's first word names the schema.
 */
class CollabSchemasTest {

  static final Path EXAMPLES = Path.of("..", "protocol-spec", "examples", "collab");
  final CollabSchemas schemas = new CollabSchemas();

  static List<Path> files(String dir) throws Exception {
    try (Stream<Path> s = Files.list(EXAMPLES.resolve(dir))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  static String schemaOf(Path p) {
    String name = p.getFileName().toString();
    return name.substring(0, name.indexOf('-') > 0 ? name.indexOf('-') : name.indexOf('.'))
        + ".schema.json";
  }

  @Test
  void validExamplesValidate() throws Exception {
    List<Path> valid = files("valid");
    assertThat(valid).hasSizeGreaterThanOrEqualTo(3);
    for (Path p : valid) schemas.assertValid(schemaOf(p), TestNode.JSON.readTree(p.toFile()));
  }

  @Test
  void invalidExamplesAreRefused() throws Exception {
    List<Path> invalid = files("invalid");
    assertThat(invalid).hasSizeGreaterThanOrEqualTo(5);
    for (Path p : invalid) {
      assertThat(schemas.valid(schemaOf(p), TestNode.JSON.readTree(p.toFile())))
          .as(p.toString())
          .isFalse();
    }
  }

  @Test
  void mobilizonsOwnJoinIsAJoin() throws Exception {
    JsonNode join;
    try (InputStream in =
        getClass().getResourceAsStream("/fediverse/mobilizon-join-activity.json")) {
      join = TestNode.JSON.readTree(in);
    }
    schemas.assertValid("join.schema.json", join);
  }
}
