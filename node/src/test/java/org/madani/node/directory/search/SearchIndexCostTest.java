package org.madani.node.directory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madani.node.directory.search.SearchIndexTest.BASMA;
import static org.madani.node.directory.search.SearchIndexTest.SAWA;
import static org.madani.node.directory.search.SearchIndexTest.entry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.DirectoryQuery;
import org.madani.node.model.DirectoryResult;

/**
 * What makes a search cheap must not change what it finds: near spellings only when the words as
 * typed find few entries, facet ordinals and answers kept per reader, segments merged after a
 * burst.
 */
class SearchIndexCostTest {

  @TempDir Path dir;
  SearchIndex index;

  @BeforeEach
  void open() throws Exception {
    index = SearchIndex.open(dir.resolve("index"));
  }

  @AfterEach
  void close() {
    index.close();
  }

  static DirectoryEntry en(String id, String title, String sector) {
    return entry(
        id,
        "article",
        Map.of("en", title),
        BASMA,
        Map.of("en", "Basma"),
        List.of(sector),
        List.of("sy-idlib"),
        "2026-01-01T00:00:00Z");
  }

  void add(DirectoryEntry... entries) {
    for (DirectoryEntry e : entries) index.upsert(e);
    index.refresh();
  }

  DirectoryResult search(String q) {
    return index.search(DirectoryQuery.all().withQ(q));
  }

  /** Text with a kind, sector or region filter (null: none). */
  static DirectoryQuery filter(String q, String kind, String sector, String region) {
    return SearchIndexBurstBenchmark.q(q, kind, sector, region, null);
  }

  List<String> ids(String q) {
    return search(q).items().stream()
        .map(e -> e.id().substring(e.id().lastIndexOf('/') + 1))
        .toList();
  }

  @Test
  void misspelledNames_areFoundInArabicAndEnglish() {
    add(
        entry(
            "karama",
            "project",
            Map.of("ar", "مؤسسة الكرامة للتنمية"),
            SAWA,
            Map.of("ar", "شبكة سوا", "en", "Sawa Civic Development Network"),
            List.of(),
            List.of(),
            "2026-03-01T00:00:00Z"),
        en("other", "Something else", "health"));
    assertThat(ids("الكرانة")).containsExactly("karama"); // م typed as ن
    assertThat(ids("Developmnet")).containsExactly("karama");
    assertThat(ids("Developmnet الكرانة")).containsExactly("karama");
  }

  @Test
  void nearSpellings_onlyWhenTheWordsAsTypedFindFewEntries() {
    for (int i = 0; i < SearchIndex.FUZZY_BELOW - 1; i++) {
      index.upsert(en("w" + i, "Winter relief " + i, "shelter"));
    }
    add(en("typo", "Wintre clothes", "shelter"));
    // 49 entries say "winter": the one spelled "Wintre" is near enough to be shown with them
    assertThat(search("winter").total()).isEqualTo(SearchIndex.FUZZY_BELOW);

    add(en("w-last", "Winter relief, the last", "shelter"));
    // 50 say it: near spellings would only follow them, so they are not looked for
    DirectoryResult r = search("winter");
    assertThat(r.total()).isEqualTo(SearchIndex.FUZZY_BELOW);
    assertThat(r.facets().get("sector")).containsEntry("shelter", (long) SearchIndex.FUZZY_BELOW);
    DirectoryResult typo = search("wintre"); // one as typed: the near spellings too, after it
    assertThat(typo.total()).isEqualTo(SearchIndex.FUZZY_BELOW + 1);
    assertThat(typo.items().get(0).id()).endsWith("/typo");
  }

  @Test
  void facetCounts_followNewAndDeletedEntries() {
    add(en("a", "Clinic in Idlib", "health"), en("b", "Clinic rebuilt", "health"));
    add(en("c", "School books", "education"));
    DirectoryResult first = index.search(DirectoryQuery.all());
    assertThat(first.total()).isEqualTo(3);
    assertThat(first.facets().get("sector")).containsEntry("health", 2L);
    assertThat(index.search(DirectoryQuery.all())).isEqualTo(first); // the same reader: remembered

    index.upsert(en("d", "Mobile clinic", "health"));
    assertThat(index.search(DirectoryQuery.all()).total()).isEqualTo(3); // not yet refreshed
    index.refresh();
    DirectoryResult added = index.search(DirectoryQuery.all());
    assertThat(added.total()).isEqualTo(4);
    assertThat(added.facets().get("sector")).containsEntry("health", 3L);
    assertThat(search("clinic").facets().get("sector"))
        .containsExactlyEntriesOf(Map.of("health", 3L));

    index.delete(false, "https://x.example/e/a");
    index.upsert(en("c", "School books", "health")); // changed its sector
    index.refresh();
    DirectoryResult changed = index.search(DirectoryQuery.all());
    assertThat(changed.total()).isEqualTo(3);
    assertThat(changed.facets().get("sector")).containsExactlyEntriesOf(Map.of("health", 3L));
    assertThat(search("clinic").total()).isEqualTo(2);
  }

  @Test
  void facetValues_areReadOncePerSegment_andDroppedWithIt() {
    add(en("a", "Clinic in Idlib", "health"));
    add(en("b", "Clinic rebuilt", "health"));
    add(en("c", "School books", "education"));
    assertThat(search("clinic").facets().get("sector"))
        .containsExactlyEntriesOf(Map.of("health", 2L));
    assertThat(index.facetSegmentsHeld()).isEqualTo(3);

    assertThat(index.optimize()).isTrue(); // the three segments merged into one
    assertThat(search("school").facets().get("sector"))
        .containsExactlyEntriesOf(Map.of("education", 1L));
    assertThat(index.facetSegmentsHeld()).isEqualTo(1);
  }

  @Test
  void aNewReader_answersTheQueriesJustAsked_beforeSearchesMoveToIt() {
    index.warmFor(60_000_000_000L);
    add(en("a", "Clinic in Idlib", "health"), en("b", "School books", "education"));
    assertThat(search("clinic").total()).isEqualTo(1);
    assertThat(index.search(filter(null, null, "health", null)).total()).isEqualTo(1);
    long run = index.searchesRun();

    add(en("c", "Mobile clinic", "health")); // a refresh: a new reader, warmed with both queries
    assertThat(index.searchesRun()).isEqualTo(run + 2);
    assertThat(search("clinic").total()).isEqualTo(2);
    assertThat(index.search(filter(null, null, "health", null)).total()).isEqualTo(2);
    assertThat(index.searchesRun()).isEqualTo(run + 2); // both answered by the warmed generation
    assertThat(search("school").total()).isEqualTo(1); // a new query is searched
    assertThat(index.searchesRun()).isEqualTo(run + 3);
  }

  @Test
  void filtersEveryEntryPasses_areLeftOut_untilAnEntryDiffers() {
    add(en("a", "Clinic in Idlib", "health"), en("b", "Clinic rebuilt", "health"));
    DirectoryQuery articles = filter("clinic", "article", null, null);
    assertThat(index.search(articles).total()).isEqualTo(2);

    Instant d = Instant.parse("2026-01-01T00:00:00Z");
    DirectoryEntry network =
        new DirectoryEntry(
            "https://x.example/e/net",
            "article",
            "network",
            Map.of("en", "Clinic for members"),
            Map.of(),
            Map.of(),
            List.of(),
            SAWA,
            Map.of(),
            List.of("health"),
            List.of("sy-idlib"),
            List.of(),
            d,
            d,
            Set.of(7L),
            false,
            new DirectoryEntry.Provenance(SAWA, "rfc9421/ed25519", null, d));
    DirectoryEntry event =
        entry(
            "ev",
            "event",
            Map.of("en", "Clinic open day"),
            BASMA,
            Map.of("en", "Basma"),
            List.of("health"),
            List.of("sy-idlib"),
            "2026-01-02T00:00:00Z");
    add(network, event);
    assertThat(ids("clinic")).containsExactlyInAnyOrder("a", "b", "ev");
    assertThat(index.search(articles).total()).isEqualTo(2);
    assertThat(index.search(articles.withViewers(Set.of(7L))).total()).isEqualTo(3);
    assertThat(index.search(filter(null, null, null, "sy-idlib")).total()).isEqualTo(3);
  }

  @Test
  void optimize_mergesTheSegmentsOfABurst_andFindsTheSame() {
    add(en("a", "Clinic in Idlib", "health"));
    add(en("b", "Clinic rebuilt", "health"));
    add(en("c", "School books", "education"));
    assertThat(index.segmentCount()).isGreaterThan(1);
    DirectoryResult before = search("clinic");

    assertThat(index.optimize()).isTrue();
    assertThat(index.segmentCount()).isEqualTo(1);
    assertThat(search("clinic")).isEqualTo(before);
    assertThat(index.optimize()).isFalse(); // one segment: nothing to do
  }
}
