package org.madani.node.collab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.madani.node.collab.match.MatchRanker;
import org.madani.node.collab.match.MatchRanker.Match;
import org.madani.node.collab.match.MatchRanker.Trust;
import org.madani.node.model.DirectoryEntry;

/** Ranking and explanations of partner matches, without I/O. */
class MatchRankerTest {

  final MatchRanker ranker =
      new MatchRanker(
          id -> Map.of("ar", "ع-" + id, "en", "E-" + id),
          id -> Map.of("ar", "م-" + id, "en", "R-" + id));

  static DirectoryEntry entry(
      String id,
      String kind,
      String org,
      List<String> sectors,
      List<String> regions,
      List<String> langs,
      String date) {
    return new DirectoryEntry(
        id,
        kind,
        DirectoryEntry.PUBLIC,
        Map.of("en", id),
        Map.of(),
        Map.of(),
        List.of(),
        org,
        Map.of("ar", "منظمة " + org, "en", "Org " + org),
        sectors,
        regions,
        langs,
        Instant.parse(date),
        Instant.parse(date),
        Set.of(),
        false,
        new DirectoryEntry.Provenance(org, "local", null, Instant.parse(date)),
        null);
  }

  @Test
  void sharedSectorOrRegionIsNeeded_sameOrganizationNeverMatches() {
    var offer =
        entry(
            "o1",
            "offer",
            "B",
            List.of("youth"),
            List.of("sy-idlib"),
            List.of("ar"),
            "2027-01-01T00:00:00Z");
    var unrelated =
        entry(
            "n1",
            "need",
            "C",
            List.of("health"),
            List.of("sy-daraa"),
            List.of("ar"),
            "2027-01-01T00:00:00Z");
    var own =
        entry(
            "n2",
            "need",
            "B",
            List.of("youth"),
            List.of("sy-idlib"),
            List.of("ar"),
            "2027-01-01T00:00:00Z");
    assertThat(ranker.rank(List.of(offer), List.of(unrelated, own), o -> Trust.NONE)).isEmpty();
  }

  @Test
  void moreInCommonAndMoreTrustRankHigher_andEachReasonIsWorded() {
    var offer =
        entry(
            "o1",
            "offer",
            "B",
            List.of("youth", "education"),
            List.of("sy-idlib"),
            List.of("ar"),
            "2027-01-01T00:00:00Z");
    var close =
        entry(
            "n1",
            "need",
            "C",
            List.of("youth", "education"),
            List.of("sy-idlib"),
            List.of("ar"),
            "2027-01-20T00:00:00Z");
    var far =
        entry(
            "n2",
            "need",
            "D",
            List.of("youth"),
            List.of("sy-aleppo"),
            List.of("en"),
            "2028-01-01T00:00:00Z");
    List<Match> ranked =
        ranker.rank(
            List.of(offer),
            List.of(far, close),
            org -> org.equals("C") ? new Trust(false, 2) : Trust.NONE);
    assertThat(ranked).extracting(m -> m.need().id()).containsExactly("n1", "n2");
    Match best = ranked.get(0);
    assertThat(best.explanation().get("en"))
        .isEqualTo(
            "same sector: E-youth; same sector: E-education; both work in "
                + "R-sy-idlib; shared language: Arabic; timing fits: within 19 days; Org C: trusted by two organizations you trust");
    assertThat(best.explanation().get("ar"))
        .contains(
            "القطاع نفسه: ع-youth",
            "كلاهما يعمل في م-sy-idlib",
            "لغة مشتركة: العربية",
            "خلال 19 يومًا",
            "منظمة C: تزكّيها منظمتان تثقون بهما");
    assertThat(best.score()).isEqualTo(30 + 30 + 20 + 5 + 10 + 20);
    assertThat(ranked.get(1).reasons())
        .extracting(MatchRanker.Reason::code)
        .containsExactly("sector");
  }

  @Test
  void projectSeekingPartners_matchesOnWhatItSeeks_andNamesTheSkillsTheOfferHas() {
    var offer =
        entry(
            "psychosocial support sessions",
            "offer",
            "A",
            List.of("mental-health"),
            List.of("sy-idlib"),
            List.of("ar"),
            "2027-01-01T00:00:00Z");
    var project =
        entry(
            "p1",
            "project",
            "B",
            List.of("education"),
            List.of("sy-idlib"),
            List.of("en"),
            "2027-01-10T00:00:00Z");
    var seeking =
        new MatchRanker.Seeking(
            project,
            List.of("mental-health"),
            List.of(),
            List.of("Psychosocial Support", "legal aid"));
    List<Match> out = ranker.rank(List.of(offer), List.of(), List.of(seeking), o -> Trust.NONE);
    assertThat(out).hasSize(1);
    Match m = out.get(0);
    assertThat(m.need()).isSameAs(project);
    assertThat(m.reasons())
        .extracting(MatchRanker.Reason::code)
        .containsExactly("seeking", "skill", "sector", "region", "timing");
    // sector 30 + region 20 (the project's own, as it names none to seek) + timing 10 + skill 15
    assertThat(m.score()).isEqualTo(75);
    assertThat(m.explanation().get("en"))
        .contains("a project seeking partners", "skill sought: Psychosocial Support")
        .doesNotContain("legal aid");
    assertThat(m.explanation().get("ar")).startsWith("مشروع يبحث عن شركاء");

    // sought in a sector the offer is not in, elsewhere: no match; never with its own organization
    var elsewhere =
        new MatchRanker.Seeking(project, List.of("legal-aid"), List.of("sy-daraa"), List.of());
    assertThat(ranker.rank(List.of(offer), List.of(), List.of(elsewhere), o -> Trust.NONE))
        .isEmpty();
    var ownOffer =
        entry(
            "o2",
            "offer",
            "B",
            List.of("mental-health"),
            List.of("sy-idlib"),
            List.of(),
            "2027-01-01T00:00:00Z");
    assertThat(ranker.rank(List.of(ownOffer), List.of(), List.of(seeking), o -> Trust.NONE))
        .isEmpty();
  }
}
