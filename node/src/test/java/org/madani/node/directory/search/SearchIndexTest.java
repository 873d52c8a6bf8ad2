package org.madani.node.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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

class SearchIndexTest {

  static final String SAWA = "https://sawa.example/orgs/sawa";
  static final String BASMA = "https://basma.example/orgs/basma";

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

  static DirectoryEntry entry(
      String id,
      String kind,
      Map<String, String> title,
      String org,
      Map<String, String> orgName,
      List<String> sectors,
      List<String> regions,
      String date) {
    Instant d = Instant.parse(date);
    return new DirectoryEntry(
        "https://x.example/e/" + id,
        kind,
        "public",
        title,
        Map.of(),
        Map.of(),
        List.of(),
        org,
        orgName,
        sectors,
        regions,
        List.copyOf(title.keySet()),
        d,
        d,
        Set.of(),
        false,
        new DirectoryEntry.Provenance(org, "rfc9421/ed25519", null, d));
  }

  static DirectoryEntry ar(String id, String title) {
    return entry(
        id,
        "article",
        Map.of("ar", title),
        BASMA,
        Map.of("ar", "بسمة"),
        List.of(),
        List.of(),
        "2026-01-01T00:00:00Z");
  }

  static DirectoryEntry en(String id, String title) {
    return entry(
        id,
        "article",
        Map.of("en", title),
        BASMA,
        Map.of("en", "Basma"),
        List.of(),
        List.of(),
        "2026-01-01T00:00:00Z");
  }

  List<String> ids(String q) {
    return index.search(DirectoryQuery.all().withQ(q)).items().stream()
        .map(e -> e.id().substring(e.id().lastIndexOf('/') + 1))
        .toList();
  }

  void add(DirectoryEntry... entries) {
    for (DirectoryEntry e : entries) index.upsert(e);
    index.refresh();
  }

  @Test
  void arabicSpellingVariantsFindEachOther() {
    add(
        ar("muassasa", "مؤسسة الأمل للتنمية"),
        ar("ighatha", "حملة إغاثة الشتاء"),
        ar("diacritics", "مُؤَسَّسَةُ الرَّحْمَةِ لِلْإِغَاثَةِ الطِّبِّيَّةِ"),
        ar("hospital", "دعم مستشفى الأطفال في إدلب"),
        ar("other", "ورشة عمل عن التوثيق"));

    assertThat(ids("موسسه")).containsExactlyInAnyOrder("muassasa", "diacritics");
    assertThat(ids("اغاثه")).containsExactlyInAnyOrder("ighatha", "diacritics");
    assertThat(ids("الطبية")).containsExactly("diacritics");
    assertThat(ids("مؤسسة الرحمة")).containsExactly("diacritics");
    assertThat(ids("مستشفي")).containsExactly("hospital");
    assertThat(ids("مستشفى")).containsExactly("hospital");
    assertThat(ids("ادلب")).containsExactly("hospital");
    assertThat(ids("اغاثه")).doesNotContain("other");
  }

  @Test
  void arabicLightStemmingMatchesArticleAndPrefixes() {
    add(ar("schools", "المدارس في حلب"), ar("and-school", "والمدرسة الجديدة"));
    assertThat(ids("مدارس")).containsExactly("schools");
    assertThat(ids("مدرسة")).containsExactly("and-school");
  }

  @Test
  void englishStemming() {
    add(
        en("org", "Organization of civil society"),
        en("orgz", "We organize trainings"),
        en("volunteers", "Volunteers needed for translation"),
        en("none", "Garden party"));
    assertThat(ids("organizing")).containsExactlyInAnyOrder("org", "orgz");
    assertThat(ids("volunteer")).containsExactly("volunteers");
    assertThat(ids("translating")).containsExactly("volunteers");
    // only stop words: nothing to search for, so the query is a plain listing
    assertThat(ids("the")).hasSize(4);
  }

  @Test
  void mixedArabicAndEnglishQueries() {
    add(
        entry(
            "mixed",
            "event",
            Map.of("ar", "ورشة التوثيق", "en", "Documentation workshop"),
            SAWA,
            Map.of("ar", "سوا", "en", "Sawa"),
            List.of(),
            List.of(),
            "2026-03-01T00:00:00Z"),
        en("doc-only", "Documentation of violations"));
    assertThat(ids("ورشة documentation")).containsExactly("mixed");
    assertThat(ids("documentation")).containsExactlyInAnyOrder("mixed", "doc-only");
  }

  @Test
  void typosInNamesAreTolerated() {
    add(
        entry(
            "sawa",
            "project",
            Map.of("en", "Learning spaces"),
            SAWA,
            Map.of("en", "Sawa Civic Development Network"),
            List.of(),
            List.of(),
            "2026-03-01T00:00:00Z"),
        en("other", "Something else"));
    assertThat(ids("Developmnet")).containsExactly("sawa");
    assertThat(ids("Netwrok")).containsExactly("sawa");
    assertThat(ids("Lerning")).containsExactly("sawa");
  }

  @Test
  void transliteratedOrganizationNames() {
    add(
        entry(
            "sawa-ar",
            "event",
            Map.of("ar", "لقاء تشاوري"),
            SAWA,
            Map.of("ar", "شبكة سوا للتنمية"),
            List.of(),
            List.of(),
            "2026-03-01T00:00:00Z"),
        entry(
            "ghiras",
            "event",
            Map.of("en", "Tree planting"),
            BASMA,
            Map.of("en", "Ghiras al-Nakheel"),
            List.of(),
            List.of(),
            "2026-03-02T00:00:00Z"));
    assertThat(ids("Sawa")).containsExactly("sawa-ar");
    assertThat(ids("غراس النخيل")).containsExactly("ghiras");
  }

  @Test
  void facetCountsAndFilters() {
    add(
        entry(
            "e1",
            "event",
            Map.of("en", "Health day"),
            SAWA,
            Map.of("en", "Sawa"),
            List.of("health"),
            List.of("sy-idlib"),
            "2026-02-01T00:00:00Z"),
        entry(
            "e2",
            "event",
            Map.of("en", "Health training"),
            SAWA,
            Map.of("en", "Sawa"),
            List.of("health", "education"),
            List.of("sy-aleppo"),
            "2026-03-01T00:00:00Z"),
        entry(
            "p1",
            "project",
            Map.of("ar", "مشروع صحة", "en", "Health project"),
            BASMA,
            Map.of("en", "Basma"),
            List.of("health"),
            List.of("sy-idlib"),
            "2026-04-01T00:00:00Z"),
        entry(
            "n1",
            "need",
            Map.of("en", "Translators"),
            BASMA,
            Map.of("en", "Basma"),
            List.of("education"),
            List.of(),
            "2026-05-01T00:00:00Z"));

    DirectoryResult all = index.search(DirectoryQuery.all());
    assertThat(all.total()).isEqualTo(4);
    assertThat(all.facets().get("kind"))
        .containsExactly(Map.entry("event", 2L), Map.entry("need", 1L), Map.entry("project", 1L));
    assertThat(all.facets().get("sector"))
        .containsExactly(Map.entry("health", 3L), Map.entry("education", 2L));
    assertThat(all.facets().get("region"))
        .containsExactly(Map.entry("sy-idlib", 2L), Map.entry("sy-aleppo", 1L));
    assertThat(all.facets().get("language"))
        .containsExactly(Map.entry("en", 4L), Map.entry("ar", 1L));
    assertThat(all.facets().get("organization"))
        .containsOnly(Map.entry(SAWA, 2L), Map.entry(BASMA, 2L));
    assertThat(all.organizations().get(SAWA)).containsEntry("en", "Sawa");
    // newest first when there is no text
    assertThat(all.items())
        .extracting(e -> e.id().substring(e.id().lastIndexOf('/') + 1))
        .containsExactly("n1", "p1", "e2", "e1");

    DirectoryResult health = index.search(DirectoryQuery.all().withQ("health"));
    assertThat(health.total()).isEqualTo(3);
    assertThat(health.facets().get("kind"))
        .containsExactly(Map.entry("event", 2L), Map.entry("project", 1L));

    DirectoryResult filtered =
        index.search(
            new DirectoryQuery(
                null,
                "event",
                "health",
                "sy-idlib",
                null,
                null,
                "en",
                SAWA,
                null,
                1,
                20,
                Set.of()));
    assertThat(filtered.items())
        .extracting(e -> e.id().substring(e.id().lastIndexOf('/') + 1))
        .containsExactly("e1");

    DirectoryResult dated =
        index.search(
            new DirectoryQuery(
                null,
                null,
                null,
                null,
                Instant.parse("2026-02-15T00:00:00Z"),
                Instant.parse("2026-04-01T00:00:00Z"),
                null,
                null,
                null,
                1,
                20,
                Set.of()));
    assertThat(dated.items())
        .extracting(e -> e.id().substring(e.id().lastIndexOf('/') + 1))
        .containsExactly("e2");

    DirectoryResult arabic =
        index.search(
            new DirectoryQuery(
                null, null, null, null, null, null, "ar", null, null, 1, 20, Set.of()));
    assertThat(arabic.total()).isEqualTo(1);
  }

  @Test
  void pagingAndDateSort() {
    for (int i = 1; i <= 25; i++) {
      add(
          entry(
              "x" + i,
              "article",
              Map.of("en", "Report number " + i),
              SAWA,
              Map.of("en", "Sawa"),
              List.of(),
              List.of(),
              String.format("2026-01-%02dT00:00:00Z", i)));
    }
    DirectoryResult p2 =
        index.search(
            new DirectoryQuery(
                "report",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                DirectoryQuery.Sort.DATE,
                2,
                10,
                Set.of()));
    assertThat(p2.total()).isEqualTo(25);
    assertThat(p2.items()).hasSize(10).first().satisfies(e -> assertThat(e.id()).endsWith("/x15"));
    assertThat(p2.hasNext()).isTrue();
  }

  @Test
  void networkEntriesOnlyForTheirViewers_andDeletesRemove() {
    Instant d = Instant.parse("2026-01-01T00:00:00Z");
    DirectoryEntry network =
        new DirectoryEntry(
            "https://x.example/e/net",
            "need",
            "network",
            Map.of("en", "Shelter"),
            Map.of(),
            Map.of(),
            List.of(),
            SAWA,
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            d,
            d,
            Set.of(7L),
            false,
            new DirectoryEntry.Provenance(SAWA, "rfc9421/ed25519", null, d));
    add(network, en("pub", "Shelter map"));
    assertThat(ids("shelter")).containsExactly("pub");
    assertThat(index.search(DirectoryQuery.all().withQ("shelter").withViewers(Set.of(7L))).total())
        .isEqualTo(2);
    assertThat(index.search(DirectoryQuery.all().withQ("shelter").withViewers(Set.of(8L))).total())
        .isEqualTo(1);

    index.delete(false, "https://x.example/e/pub");
    index.refresh();
    assertThat(ids("shelter")).isEmpty();
  }

  @Test
  void survivesReopen_andAnUnreadableIndexAsksForARebuild() throws Exception {
    add(en("kept", "Kept across restarts"));
    index.commit(42);
    index.close();
    index = SearchIndex.open(dir.resolve("index"));
    assertThat(index.needsRebuild()).isFalse();
    assertThat(index.changeSeq()).isEqualTo(42);
    assertThat(ids("kept")).containsExactly("kept");
    index.close();

    try (var files = Files.list(dir.resolve("index"))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
        Files.write(f, new byte[] {1, 2, 3});
      }
    }
    index = SearchIndex.open(dir.resolve("index"));
    assertThat(index.needsRebuild()).isTrue();
    assertThat(index.size()).isZero();
  }
}
