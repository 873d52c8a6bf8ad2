package org.madani.node.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.Urls;
import org.madani.node.store.DirectoryRepository.OwnRow;
import org.madani.node.store.DirectoryRepository.RemoteRow;

class DirectoryEntriesTest {

  static final Instant T = Instant.parse("2026-05-01T10:00:00Z");
  static final String ACTOR = "https://b.example/orgs/beit";
  final DirectoryEntries entries =
      new DirectoryEntries(new ObjectMapper(), new Urls(URI.create("https://a.example")));

  static RemoteRow remote(String audience, String document, Set<Long> recipients, Instant deleted) {
    return new RemoteRow(
        ACTOR + "/entries/1",
        ACTOR,
        "Event",
        audience,
        document,
        "rfc9421/ed25519",
        "https://relay.example/orgs/r",
        T,
        T,
        deleted,
        "{\"nameMap\":{\"ar\":\"بيت\",\"en\":\"Beit\"}}",
        recipients);
  }

  static final String EVENT =
      """
      {"type":"Event","kind":"event","nameMap":{"ar":"لقاء","en":"Meeting"},"content":"<p>Bring &amp; share</p>",
       "startTime":"2027-02-01T10:00:00+03:00","location":{"type":"Place","nameMap":{"en":"Hall"},"region":"tr-gaziantep"},
       "sectors":["health"],"regions":["sy"],"languages":["de"],"tag":[{"type":"Hashtag","name":"#early_recovery"}]}
      """;

  @Test
  void remotePublicEntry_carriesProvenanceAndFacets() {
    DirectoryEntry e = entries.remote(remote("public", EVENT, Set.of(), null)).orElseThrow();
    assertThat(e.kind()).isEqualTo("event");
    assertThat(e.title()).containsEntry("ar", "لقاء");
    assertThat(e.content()).containsEntry("en", "Bring & share");
    assertThat(e.keywords()).contains("early recovery", "Hall");
    assertThat(e.regions()).containsExactly("sy", "tr-gaziantep");
    assertThat(e.languages()).containsExactly("ar", "en", "de");
    assertThat(e.date()).isEqualTo(Instant.parse("2027-02-01T07:00:00Z"));
    assertThat(e.orgName()).containsEntry("en", "Beit");
    assertThat(e.provenance())
        .isEqualTo(
            new DirectoryEntry.Provenance(
                ACTOR, "rfc9421/ed25519", "https://relay.example/orgs/r", T));
    assertThat(e.viewers()).isEmpty();
  }

  @Test
  void networkOnlyWithRecipients_privateAndDeletedNever() {
    assertThat(entries.remote(remote("network", EVENT, Set.of(1L), null)).orElseThrow().viewers())
        .containsExactly(1L);
    assertThat(entries.remote(remote("network", EVENT, Set.of(), null))).isEmpty();
    assertThat(entries.remote(remote("private", EVENT, Set.of(1L), null))).isEmpty();
    assertThat(entries.remote(remote("public", "{}", Set.of(), T))).isEmpty();
  }

  @Test
  void objectsWithoutAMadaniKind_byTheirActivityStreamsType() {
    assertThat(
            entries
                .remote(
                    remote("public", "{\"type\":\"Article\",\"name\":\"مرحبا\"}", Set.of(), null))
                .orElseThrow()
                .title())
        .containsEntry("ar", "مرحبا");
    // A Note (Mastodon status, Fedify post) from a followed account is shown as a post (issue 18).
    assertThat(
            entries
                .remote(remote("public", "{\"type\":\"Note\",\"content\":\"hi\"}", Set.of(), null))
                .orElseThrow()
                .kind())
        .isEqualTo(DirectoryEntry.POST);
    // A Question (issue 16's knowledge exchange; also a Mastodon poll) is a question.
    assertThat(
            entries
                .remote(
                    remote("public", "{\"type\":\"Question\",\"content\":\"hi\"}", Set.of(), null))
                .orElseThrow()
                .kind())
        .isEqualTo(DirectoryEntry.QUESTION);
    // Other ActivityStreams types have no place in the directory.
    assertThat(
            entries.remote(
                remote("public", "{\"type\":\"Video\",\"content\":\"hi\"}", Set.of(), null)))
        .isEmpty();
  }

  @Test
  void ownEntries_networkVisibleToTheirOrganization_privateNever() {
    String doc =
        "{\"title\":{\"en\":\"Project\"},\"startDate\":\"2026-03-01\",\"sectors\":[\"education\"]}";
    OwnRow row =
        new OwnRow(
            "e1",
            3,
            "alef",
            "{\"name\":{\"ar\":\"ألف\"}}",
            "project",
            "network",
            doc,
            null,
            T,
            T,
            null);
    DirectoryEntry e = entries.own(row).orElseThrow();
    assertThat(e.id()).isEqualTo("https://a.example/orgs/alef/entries/e1");
    assertThat(e.orgId()).isEqualTo("https://a.example/orgs/alef");
    assertThat(e.viewers()).containsExactly(3L);
    assertThat(e.local()).isTrue();
    assertThat(e.provenance().verifiedBy()).isEqualTo("local");
    assertThat(e.date()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(
            entries.own(
                new OwnRow("e2", 3, "alef", "{}", "offer", "private", doc, null, T, T, null)))
        .isEmpty();
    assertThat(
            entries.own(new OwnRow("e3", 3, "alef", "{}", "offer", "public", "{}", null, T, T, T)))
        .isEmpty();
  }
}
