package org.madani.node.collab.match;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.madani.node.model.DirectoryEntry;

/**
 * Pairs offers with needs, and with projects seeking partners, and ranks the pairs; pure (no I/O),
 * so it is tested alone. A pair counts only when the two share a sector or a region, and never when
 * both come from the same organization. Weights: each shared sector 30, region 20, language 5;
 * dates within {@value #TIMING_DAYS} days 10; each side's trust: trusted by this node 15, plus 10
 * per organization you trust that vouches for it (at most 3). Thread-safe.
 */
public final class MatchRanker {

  static final int TIMING_DAYS = 90;
  static final int MAX_MATCHES = 50;

  /** One reason, in both languages. */
  public record Reason(String code, String ar, String en) {}

  public record Match(DirectoryEntry offer, DirectoryEntry need, int score, List<Reason> reasons) {
    /** The whole explanation as one sentence per language, reasons joined. */
    public Map<String, String> explanation() {
      Map<String, String> out = new LinkedHashMap<>();
      out.put("ar", String.join("؛ ", reasons.stream().map(Reason::ar).toList()));
      out.put("en", String.join("; ", reasons.stream().map(Reason::en).toList()));
      return out;
    }
  }

  /**
   * How the viewer's side trusts an organization: directly, and how many organizations it trusts
   * vouch for it.
   */
  public record Trust(boolean direct, int vouchers) {
    public static final Trust NONE = new Trust(false, 0);
  }

  /**
   * A project that seeks partners (entry-project {@code seeksPartners}): the sectors and regions it
   * seeks partners in (empty: the project's own), and the skills a partner should bring.
   */
  public record Seeking(
      DirectoryEntry project, List<String> sectors, List<String> regions, List<String> skills) {
    public Seeking {
      sectors = List.copyOf(sectors);
      regions = List.copyOf(regions);
      skills = List.copyOf(skills);
    }
  }

  private final Function<String, Map<String, String>> sectorLabel;
  private final Function<String, Map<String, String>> regionLabel;

  public MatchRanker(
      Function<String, Map<String, String>> sectorLabel,
      Function<String, Map<String, String>> regionLabel) {
    this.sectorLabel = sectorLabel;
    this.regionLabel = regionLabel;
  }

  public List<Match> rank(
      List<DirectoryEntry> offers, List<DirectoryEntry> needs, Function<String, Trust> trust) {
    return rank(offers, needs, List.of(), trust);
  }

  /**
   * Offers paired with needs and with projects seeking partners, ranked together (at most {@value
   * #MAX_MATCHES}). A project's match has the project where a need's has the need.
   */
  public List<Match> rank(
      List<DirectoryEntry> offers,
      List<DirectoryEntry> needs,
      List<Seeking> projects,
      Function<String, Trust> trust) {
    List<Match> out = new ArrayList<>();
    for (DirectoryEntry offer : offers) {
      for (DirectoryEntry need : needs) {
        if (offer.orgId() != null && offer.orgId().equals(need.orgId())) continue;
        Match m = match(offer, need, trust);
        if (m != null) out.add(m);
      }
      for (Seeking project : projects) {
        if (offer.orgId() != null && offer.orgId().equals(project.project().orgId())) continue;
        Match m = match(offer, project, trust);
        if (m != null) out.add(m);
      }
    }
    out.sort(
        Comparator.comparingInt(Match::score)
            .reversed()
            .thenComparing(m -> m.offer().id())
            .thenComparing(m -> m.need().id()));
    return out.size() > MAX_MATCHES ? List.copyOf(out.subList(0, MAX_MATCHES)) : out;
  }

  Match match(DirectoryEntry offer, DirectoryEntry need, Function<String, Trust> trust) {
    List<Reason> reasons = new ArrayList<>();
    int score = 0;
    for (String s : shared(offer.sectors(), need.sectors())) {
      Map<String, String> l = sectorLabel.apply(s);
      reasons.add(
          new Reason(
              "sector",
              "القطاع نفسه: " + l.getOrDefault("ar", s),
              "same sector: " + l.getOrDefault("en", s)));
      score += 30;
    }
    for (String r : shared(offer.regions(), need.regions())) {
      Map<String, String> l = regionLabel.apply(r);
      reasons.add(
          new Reason(
              "region",
              "كلاهما يعمل في " + l.getOrDefault("ar", r),
              "both work in " + l.getOrDefault("en", r)));
      score += 20;
    }
    if (score == 0) return null; // neither sector nor region in common: not a match
    for (String lang : shared(offer.languages(), need.languages())) {
      reasons.add(
          new Reason(
              "language",
              "لغة مشتركة: " + languageName(lang, "ar"),
              "shared language: " + languageName(lang, "en")));
      score += 5;
    }
    if (offer.date() != null && need.date() != null) {
      long days = Math.abs(Duration.between(offer.date(), need.date()).toDays());
      if (days <= TIMING_DAYS) {
        reasons.add(
            new Reason(
                "timing",
                "التوقيت متقارب: خلال " + days + " يومًا",
                "timing fits: within " + days + " days"));
        score += 10;
      }
    }
    score += trustReasons(offer, trust.apply(offer.orgId()), reasons);
    score += trustReasons(need, trust.apply(need.orgId()), reasons);
    return new Match(offer, need, score, List.copyOf(reasons));
  }

  /**
   * An offer for a project seeking partners: matched on the sectors and regions the project seeks
   * partners in (its own when it names none) like a need, plus 15 for each skill sought that the
   * offer's words name.
   */
  Match match(DirectoryEntry offer, Seeking seeking, Function<String, Trust> trust) {
    DirectoryEntry p = seeking.project();
    DirectoryEntry sought =
        new DirectoryEntry(
            p.id(),
            p.kind(),
            p.audience(),
            p.title(),
            p.summary(),
            p.content(),
            p.keywords(),
            p.orgId(),
            p.orgName(),
            seeking.sectors().isEmpty() ? p.sectors() : seeking.sectors(),
            seeking.regions().isEmpty() ? p.regions() : seeking.regions(),
            p.languages(),
            p.date(),
            p.updated(),
            p.viewers(),
            p.local(),
            p.provenance(),
            p.schedule());
    Match m = match(offer, sought, trust);
    if (m == null) return null;
    List<Reason> reasons = new ArrayList<>();
    reasons.add(new Reason("seeking", "مشروع يبحث عن شركاء", "a project seeking partners"));
    int score = m.score();
    for (String skill : seeking.skills()) {
      if (mentions(offer, skill)) {
        reasons.add(new Reason("skill", "المهارة المطلوبة: " + skill, "skill sought: " + skill));
        score += 15;
      }
    }
    reasons.addAll(m.reasons());
    return new Match(offer, p, score, List.copyOf(reasons));
  }

  /** Whether the entry's title, summary, body or keywords name {@code word}, in any case. */
  static boolean mentions(DirectoryEntry e, String word) {
    String w = word.strip().toLowerCase(java.util.Locale.ROOT);
    if (w.isEmpty()) return false;
    List<String> texts = new ArrayList<>(e.keywords());
    texts.addAll(e.title().values());
    texts.addAll(e.summary().values());
    texts.addAll(e.content().values());
    return texts.stream().anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains(w));
  }

  private static int trustReasons(DirectoryEntry e, Trust t, List<Reason> reasons) {
    if (t == null) return 0;
    String ar = orgName(e, "ar");
    String en = orgName(e, "en");
    int score = 0;
    if (t.direct()) {
      reasons.add(new Reason("trusted", ar + ": موثوقة لديكم", en + ": trusted by you"));
      score += 15;
    }
    if (t.vouchers() > 0) {
      reasons.add(
          new Reason(
              "vouched", ar + ": " + vouchedAr(t.vouchers()), en + ": " + vouchedEn(t.vouchers())));
      score += 10 * Math.min(3, t.vouchers());
    }
    return score;
  }

  static String vouchedEn(int n) {
    return switch (n) {
      case 1 -> "trusted by one organization you trust";
      case 2 -> "trusted by two organizations you trust";
      default -> "trusted by " + n + " organizations you trust";
    };
  }

  /**
   * Arabic counts agree with the number: one (singular), two (dual), 3-10 (plural), 11+ (singular).
   */
  static String vouchedAr(int n) {
    if (n == 1) return "تزكّيها منظمة واحدة تثقون بها";
    if (n == 2) return "تزكّيها منظمتان تثقون بهما";
    if (n <= 10) return "تزكّيها " + n + " منظمات تثقون بها";
    return "تزكّيها " + n + " منظمةً تثقون بها";
  }

  private static String orgName(DirectoryEntry e, String lang) {
    Map<String, String> n = e.orgName();
    if (n != null && n.get(lang) != null) return n.get(lang);
    if (n != null && !n.isEmpty()) return n.values().iterator().next();
    return e.orgId();
  }

  private static String languageName(String code, String lang) {
    return switch (code) {
      case "ar" -> lang.equals("ar") ? "العربية" : "Arabic";
      case "en" -> lang.equals("ar") ? "الإنجليزية" : "English";
      case "ku" -> lang.equals("ar") ? "الكردية" : "Kurdish";
      case "tr" -> lang.equals("ar") ? "التركية" : "Turkish";
      case "fr" -> lang.equals("ar") ? "الفرنسية" : "French";
      default -> code;
    };
  }

  private static List<String> shared(List<String> a, List<String> b) {
    if (a == null || b == null) return List.of();
    return a.stream().filter(b::contains).distinct().toList();
  }
}
