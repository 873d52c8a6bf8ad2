package org.madani.node.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * protocol-spec's example documents, read from the classpath (the protocol-spec jar): every valid
 * one passes its schema and the taxonomy check, every invalid one fails.
 */
class ProtocolExamplesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final SchemaValidator SCHEMAS = new SchemaValidator(JSON);
  static final DocumentChecks CHECKS = new DocumentChecks(SCHEMAS, new Taxonomies(JSON));

  static Stream<Path> valid() throws Exception {
    return files("valid");
  }

  static Stream<Path> invalid() throws Exception {
    return files("invalid");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validExamplesPass(Path file) throws IOException {
    JsonNode doc = JSON.readTree(Files.readAllBytes(file));
    assertThat(CHECKS.violations(schemaFor(file), doc)).as(file.getFileName().toString()).isEmpty();
    assertThat(CHECKS.taxonomyViolations(doc)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidExamplesFail(Path file) throws IOException {
    JsonNode doc = JSON.readTree(Files.readAllBytes(file));
    assertThat(CHECKS.violations(schemaFor(file), doc))
        .as(file.getFileName().toString())
        .isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("demoEntries")
  void demoOrganizationFilesAreValid(Path file) throws IOException {
    JsonNode doc = JSON.readTree(Files.readAllBytes(file));
    String schema =
        file.getFileName().toString().equals("organization.json")
            ? "profile.schema.json"
            : "entry.schema.json";
    assertThat(CHECKS.violations(schema, doc)).isEmpty();
    assertThat(CHECKS.taxonomyViolations(doc)).isEmpty();
  }

  static Stream<Path> demoEntries() throws IOException {
    Path examples = Path.of("..", "examples");
    return Stream.concat(
        Stream.of(examples.resolve("organization.json")),
        Files.list(examples.resolve("entries"))
            .filter(p -> p.toString().endsWith(".json"))
            .sorted());
  }

  static String schemaFor(Path file) {
    return file.getFileName().toString().startsWith("profile-")
        ? "profile.schema.json"
        : "entry.schema.json";
  }

  private static Stream<Path> files(String kind) throws IOException, URISyntaxException {
    URL url = ProtocolExamplesTest.class.getResource("/protocol-spec/examples/" + kind + "/");
    assertThat(url).as("protocol-spec examples on the classpath").isNotNull();
    // The protocol-spec module is a directory on the reactor classpath, or a jar when installed.
    Path dir;
    if ("jar".equals(url.getProtocol())) {
      java.nio.file.FileSystem fs;
      try {
        fs = java.nio.file.FileSystems.newFileSystem(url.toURI(), java.util.Map.of());
      } catch (java.nio.file.FileSystemAlreadyExistsException e) {
        fs = java.nio.file.FileSystems.getFileSystem(url.toURI());
      }
      dir = fs.getPath("/protocol-spec/examples/" + kind);
    } else {
      dir = Path.of(url.toURI());
    }
    List<Path> out = Files.list(dir).filter(p -> p.toString().endsWith(".json")).sorted().toList();
    assertThat(out).isNotEmpty();
    return out.stream();
  }
}
