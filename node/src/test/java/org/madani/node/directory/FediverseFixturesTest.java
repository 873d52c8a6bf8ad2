package org.madani.node.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.Urls;
import org.madani.node.store.DirectoryRepository.RemoteRow;

/**
 * Real JSON published by Mobilizon, Gancio and Mastodon (src/test/resources/fediverse, sources and
 * licences in the README there), mapped into directory entries the way received objects are: events
 * keep their times and places, a status becomes a post; nothing is invented (no sectors, no
 * regions: the admin may assign them).
 */
class FediverseFixturesTest {

  private final ObjectMapper json = new ObjectMapper();
  private final DirectoryEntries entries =
      new DirectoryEntries(json, new Urls(URI.create("https://madani.example")));

  private DirectoryEntry map(String fixture) throws Exception {
    JsonNode activity;
    try (InputStream in = getClass().getResourceAsStream("/fediverse/" + fixture)) {
      activity = json.readTree(in);
    }
    assertThat(activity.path("type").asText()).isEqualTo("Create");
    JsonNode object = activity.get("object");
    Instant now = Instant.parse("2026-12-07T00:00:00Z");
    RemoteRow row =
        new RemoteRow(
            object.get("id").asText(),
            activity.get("actor").asText(),
            object.get("type").asText(),
            DirectoryEntry.PUBLIC,
            object.toString(),
            "cavage/rsa-v1_5-sha256",
            null,
            now,
            now,
            null,
            null,
            Set.of());
    return entries.remote(row).orElseThrow(() -> new AssertionError(fixture + " was not mapped"));
  }

  @Test
  void mobilizonEventKeepsItsTimeAndPostalAddress() throws Exception {
    DirectoryEntry e = map("mobilizon-create-event.json");
    assertThat(e.kind()).isEqualTo("event");
    assertThat(e.title()).containsValue("My first event");
    assertThat(e.orgId()).isEqualTo("https://test.mobilizon.org/@Alicia");
    assertThat(e.schedule().start()).isEqualTo(Instant.parse("2018-02-12T14:08:20Z"));
    assertThat(e.schedule().place().values())
        .singleElement()
        .asString()
        .contains("Locaux de Framasoft", "10 Rue Jangot", "69007 Lyon", "France");
    assertThat(e.sectors()).isEmpty();
    assertThat(e.regions()).isEmpty();
    assertThat(e.local()).isFalse();
  }

  @Test
  void gancioEventKeepsStartEndAndPlace() throws Exception {
    DirectoryEntry e = map("gancio-create-event.json");
    assertThat(e.kind()).isEqualTo("event");
    assertThat(e.title()).containsValue("Demo event");
    assertThat(e.schedule().start()).isEqualTo(Instant.parse("2021-07-14T15:30:57Z"));
    assertThat(e.schedule().end()).isEqualTo(Instant.parse("2021-07-14T16:30:57Z"));
    assertThat(e.schedule().place()).containsValue("Colosseo");
    assertThat(e.keywords()).contains("test", "Colosseo");
    assertThat(e.sectors()).isEmpty();
    assertThat(e.regions()).isEmpty();
  }

  @Test
  void mastodonStatusIsAPost() throws Exception {
    DirectoryEntry e = map("mastodon-create-note.json");
    assertThat(e.kind()).isEqualTo(DirectoryEntry.POST);
    assertThat(e.content().values()).singleElement().asString().contains("lain");
    assertThat(e.title().values()).singleElement().asString().contains("lain");
    assertThat(e.date()).isEqualTo(Instant.parse("2018-02-12T14:08:20Z"));
    assertThat(e.provenance().origin()).isEqualTo("http://framapiaf.org/users/admin");
  }
}
