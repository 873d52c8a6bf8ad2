package org.madani.node.federation.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Entry;
import org.madani.node.model.EntryKind;
import org.madani.node.model.Organization;
import org.madani.node.model.Urls;
import org.madani.node.model.Visibility;
import org.madani.node.store.KeyRepository;

/**
 * Entry objects and tombstones, now built as typed records ({@code federation.wire.EntryObject},
 * {@code Tombstone}), serialize to exactly the bytes the hand-built trees produced for every
 * example entry of the repository (examples/entries and protocol-spec/examples/valid): the golden
 * file {@code wire/entry-objects.golden.json} was written by the tree-building code before the
 * change (set {@code -Dmadani.writeEntryObjectsGolden=true} to write it again).
 */
class EntryObjectsTest {

  static final ObjectMapper JSON = new JsonCodec(64).mapper();
  static final Path GOLDEN =
      Path.of("src", "test", "resources", "wire", "entry-objects.golden.json");
  static final Instant CREATED = Instant.parse("2026-11-02T08:15:00.123456Z");
  static final Instant UPDATED = Instant.parse("2026-11-03T09:00:00Z");

  @Test
  void everyExampleEntrySerializesAsBefore() throws Exception {
    Urls urls = new Urls(URI.create("https://sawa.example"));
    EntryObjects objects =
        new EntryObjects(JSON, urls, new LocalActors(JSON, urls, new KeyRepository()));
    Organization org = new Organization(1, "sawa", JSON.createObjectNode(), 1, CREATED, UPDATED);
    Map<String, String> actual = new TreeMap<>();
    for (Path f : examples()) {
      ObjectNode doc = (ObjectNode) JSON.readTree(f.toFile());
      EntryKind kind = EntryKind.fromWire(doc.path("kind").asText()).orElseThrow();
      Visibility visibility =
          Visibility.fromWire(doc.path("visibility").asText("public")).orElseThrow();
      Entry e =
          new Entry(
              "0f6c2c1e-" + f.getFileName().toString().hashCode(),
              1,
              kind,
              visibility,
              doc,
              1,
              null,
              CREATED,
              UPDATED);
      actual.put(f.getFileName() + " object", JSON.writeValueAsString(objects.object(org, e)));
      actual.put(
          f.getFileName() + " tombstone",
          JSON.writeValueAsString(objects.tombstone(org, e, UPDATED)));
    }
    assertThat(actual).hasSizeGreaterThan(30);
    if (Boolean.getBoolean("madani.writeEntryObjectsGolden")) {
      Files.writeString(
          GOLDEN, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
    }
    JsonNode golden = JSON.readTree(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    for (var kv : actual.entrySet()) {
      assertThat(kv.getValue()).as(kv.getKey()).isEqualTo(golden.path(kv.getKey()).asText());
    }
    assertThat(golden.size()).isEqualTo(actual.size());
  }

  private static List<Path> examples() throws Exception {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> a = Files.list(Path.of("..", "examples", "entries"));
        Stream<Path> b = Files.list(Path.of("..", "protocol-spec", "examples", "valid"))) {
      a.filter(p -> p.toString().endsWith(".json")).sorted().forEach(out::add);
      b.filter(p -> p.getFileName().toString().startsWith("entry-")).sorted().forEach(out::add);
    }
    return out;
  }
}
