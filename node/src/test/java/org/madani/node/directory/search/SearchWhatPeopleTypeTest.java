package org.madani.node.directory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madani.node.directory.search.SearchIndexTest.BASMA;
import static org.madani.node.directory.search.SearchIndexTest.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.DirectoryQuery;

/**
 * Issue 12's search examples, each against a real index: tanween with alef, hamza spellings, and
 * Latin transliterations of Syrian place names through the regions taxonomy's labels and aliases.
 */
class SearchWhatPeopleTypeTest {

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

  static DirectoryEntry ar(String id, String title, String... regions) {
    return entry(
        id,
        "article",
        Map.of("ar", title),
        BASMA,
        Map.of("ar", "بسمة"),
        List.of(),
        List.of(regions),
        "2026-01-01T00:00:00Z");
  }

  static DirectoryEntry en(String id, String title, String... regions) {
    return entry(
        id,
        "article",
        Map.of("en", title),
        BASMA,
        Map.of("en", "Basma"),
        List.of(),
        List.of(regions),
        "2026-01-01T00:00:00Z");
  }

  static DirectoryEntry withContent(String id, String title, String content) {
    java.time.Instant d = java.time.Instant.parse("2026-01-01T00:00:00Z");
    return new DirectoryEntry(
        "https://x.example/e/" + id,
        "event",
        "public",
        Map.of("en", title),
        Map.of(),
        Map.of("ar", content),
        List.of(),
        BASMA,
        Map.of("en", "Basma"),
        List.of(),
        List.of(),
        List.of("en"),
        d,
        d,
        java.util.Set.of(),
        false,
        new DirectoryEntry.Provenance(BASMA, "rfc9421/ed25519", null, d));
  }

  @Test
  void placeNamedOnlyInTheBody_isFoundByItsTransliteration() {
    add(withContent("panel", "Panel evening", "ممثلون عن مبادرات محلية في حلب وإدلب والرقة"));
    assertThat(ids("Halab")).containsExactly("panel");
    assertThat(ids("Rakka")).containsExactly("panel");
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
  void tanweenWithAlef_isFoundByTheBareWord() {
    add(
        ar("tanween", "نقدم تدريبًا مجانيًا للمنظمات"),
        ar("tanween-before", "نقدم تدريباً للشباب"),
        ar("other", "ورشة عن التوثيق"));
    assertThat(ids("تدريب")).containsExactlyInAnyOrder("tanween", "tanween-before");
    assertThat(ids("تدريبًا")).containsExactlyInAnyOrder("tanween", "tanween-before");
    assertThat(ids("مجاني")).containsExactly("tanween");
  }

  @Test
  void hamzaOnYehAndOnWaw_findEachOther() {
    add(
        ar("waw", "المسؤولية الاجتماعية للشركات"),
        ar("yeh", "مسئولية المجتمع المدني"),
        ar("other", "ورشة عن التوثيق"));
    assertThat(ids("مسئولية")).containsExactlyInAnyOrder("waw", "yeh");
    assertThat(ids("مسؤولية")).containsExactlyInAnyOrder("waw", "yeh");
    // a visitor typing without hamza (on its carrier) still finds the spelling with that carrier
    assertThat(ids("مسوولية")).contains("waw");
  }

  @Test
  void hamzaSeatsAndHamzaOnTheLine_findEachOther() {
    add(
        ar("shuun", "شؤون اللاجئين"),
        ar("haya", "هيئة التنسيق"),
        ar("juz", "جزء من الحل"),
        ar("masala", "مسألة السكن"));
    assertThat(ids("شئون")).containsExactly("shuun");
    assertThat(ids("هيأة")).containsExactly("haya");
    assertThat(ids("جزئ")).containsExactly("juz");
    assertThat(ids("مسئلة")).containsExactly("masala");
    // carrier-folded spellings keep working too
    assertThat(ids("هييه")).containsExactly("haya");
  }

  @Test
  void latinTransliterationsOfSyrianPlaces_findTheRegionAndItsNames() {
    add(
        ar("aleppo-ar", "مركز مجتمعي في حلب"),
        en("aleppo-en", "Community centre in Aleppo"),
        en("aleppo-tag", "Community kitchen", "sy-aleppo"),
        ar("idlib", "دعم مستشفى الأطفال في إدلب"),
        en("deir", "Water in Deir ez-Zor"),
        ar("deir-ar", "مياه الشرب في دير الزور"),
        ar("raqqa", "ترميم مدارس الرقة"),
        en("berlin", "Panel evening in Berlin", "de-berlin"));
    assertThat(ids("Halab")).containsExactlyInAnyOrder("aleppo-ar", "aleppo-en", "aleppo-tag");
    assertThat(ids("halab")).containsExactlyInAnyOrder("aleppo-ar", "aleppo-en", "aleppo-tag");
    assertThat(ids("Idleb")).containsExactly("idlib");
    assertThat(ids("Idlib")).containsExactly("idlib");
    assertThat(ids("Deir ez-Zor")).containsExactlyInAnyOrder("deir", "deir-ar");
    assertThat(ids("Deir Ezzor")).containsExactlyInAnyOrder("deir", "deir-ar");
    assertThat(ids("Raqqa")).containsExactly("raqqa");
    assertThat(ids("Rakka")).containsExactly("raqqa");
    // a place name and another word: both required
    assertThat(ids("Halab kitchen")).containsExactly("aleppo-tag");
  }

  @Test
  void analyzer_putsTheHamzaVariantAtTheSamePosition() {
    var positions = DirectoryQueries.positions(DirectoryAnalyzers.name(), "مسئولية كبيرة");
    assertThat(positions).hasSize(2);
    assertThat(positions.get(0)).hasSize(2);
    assertThat(DirectoryQueries.positions(DirectoryAnalyzers.name(), "مسؤولية").get(0))
        .contains(positions.get(0).get(1));
  }
}
