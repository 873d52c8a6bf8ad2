package org.madani.node.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.directory.search.SearchIndex;
import org.madani.node.model.DirectoryQuery;
import org.madani.node.model.DirectoryResult;
import org.madani.node.model.Urls;
import org.madani.node.store.Database;
import org.madani.node.store.DirectoryRepository;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.RemoteActorRepository;
import org.madani.node.store.RemoteObjectRepository;

/**
 * Not a unit test: a benchmark, run only with {@code -Pbench} (see benchmarks/README.md). Fills a
 * real H2 file with 100,000 received objects from 200 organizations (deterministic, mixed
 * Arabic/English, with diacritics, hamza variants and Arabic-Indic digits), rebuilds the index from
 * H2, then measures search latency over a realistic query mix after a warm-up, and writes the
 * figures into the repository's benchmarks/README.md between its directory markers.
 */
class DirectorySearchBenchmark {

  static final int ENTRIES = Integer.getInteger("bench.entries", 100_000);
  static final int ORGS = 200;
  static final int WARMUP = 1_000;
  static final int MEASURED = 3_000;

  static final String[] AR_WORDS = {
    "مُؤَسَّسَة",
    "إغاثة",
    "مستشفى",
    "التعليم",
    "الأطفال",
    "النساء",
    "تدريب",
    "ورشة",
    "الشباب",
    "حقوق",
    "الإنسان",
    "المعتقلين",
    "التوثيق",
    "الصحة",
    "النفسية",
    "المياه",
    "الإيواء",
    "المخيمات",
    "التعافي",
    "المبكر",
    "السلام",
    "المجتمع",
    "المدني",
    "مبادرة",
    "حملة",
    "تقرير",
    "مشروع",
    "دعم",
    "قانوني",
    "العدالة",
    "الانتقالية",
    "ذوي",
    "الإعاقة",
    "البيئة",
    "الزراعة",
    "سُبُل",
    "العيش",
    "الإعلام",
    "الثقافة",
    "الفنون",
    "مدارس",
    "متطوعين",
    "ترجمة",
    "منحة",
    "صغيرة",
    "لقاء",
    "تشاوري",
    "الشتاء",
    "مساعدات",
    "غذائية",
    "إدلب",
    "حلب",
    "الرقة",
    "دير",
    "الزور",
    "غازي",
    "عنتاب",
    "برلين",
    "بيروت",
    "عمّان",
    "٢٠٢٦",
    "٢٠٢٧"
  };
  static final String[] EN_WORDS = {
    "foundation",
    "relief",
    "hospital",
    "education",
    "children",
    "women",
    "training",
    "workshop",
    "youth",
    "rights",
    "human",
    "detainees",
    "documentation",
    "health",
    "mental",
    "water",
    "shelter",
    "camps",
    "recovery",
    "early",
    "peace",
    "civil",
    "society",
    "initiative",
    "campaign",
    "report",
    "project",
    "support",
    "legal",
    "justice",
    "transitional",
    "disability",
    "environment",
    "agriculture",
    "livelihoods",
    "media",
    "culture",
    "arts",
    "schools",
    "volunteers",
    "translation",
    "grant",
    "small",
    "meeting",
    "consultation",
    "winter",
    "food",
    "assistance",
    "organizing",
    "organizations",
    "Idlib",
    "Aleppo",
    "Raqqa",
    "Gaziantep",
    "Berlin",
    "Beirut",
    "Amman",
    "2026",
    "2027"
  };
  static final String[] AR_NAMES = {
    "سوا",
    "بسمة",
    "غراس",
    "النخيل",
    "نور",
    "أمل",
    "بصمات",
    "شباب",
    "مدى",
    "رؤية",
    "جسور",
    "بناء",
    "حياة",
    "كرامة",
    "ضمة",
    "عدالة",
    "الياسمين",
    "زيتونة",
    "سنابل",
    "بيت"
  };
  static final String[] LATIN_NAMES = {
    "Sawa",
    "Basma",
    "Ghiras",
    "Nakheel",
    "Nour",
    "Amal",
    "Basamat",
    "Shabab",
    "Mada",
    "Ruya",
    "Jusoor",
    "Binaa",
    "Hayat",
    "Karama",
    "Damma",
    "Adala",
    "Yasmin",
    "Zaytouna",
    "Sanabel",
    "Bayt"
  };
  static final String[] KINDS = {
    "event", "project", "campaign", "report", "article", "offer", "need"
  };
  static final String[] SECTORS = {
    "humanitarian-relief",
    "early-recovery",
    "health",
    "mental-health",
    "education",
    "child-protection",
    "women-gender",
    "human-rights",
    "detainees-missing",
    "legal-aid",
    "livelihoods",
    "shelter",
    "youth",
    "peacebuilding",
    "civic-participation",
    "media-journalism"
  };
  static final String[] REGIONS = {
    "sy",
    "sy-idlib",
    "sy-aleppo",
    "sy-raqqa",
    "sy-deir-ez-zor",
    "sy-damascus",
    "tr-gaziantep",
    "de-berlin",
    "lb-beirut",
    "jo-amman"
  };

  @TempDir Path dir;

  @Test
  void searchOver100kEntries() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Random rnd = new Random(42);
    Database db = Database.open(null, dir.resolve("madani"));
    Instant now = Instant.parse("2026-11-25T00:00:00Z");
    ObjectNode profile = (ObjectNode) json.readTree("{\"name\":{\"ar\":\"ألف\",\"en\":\"Alef\"}}");
    long orgId =
        db.txBlocking(c -> new OrganizationRepository(json).insert(c, "alef", profile, now).id());

    long t0 = System.nanoTime();
    RemoteActorRepository actors = new RemoteActorRepository();
    db.txBlocking(
        c -> {
          for (int o = 0; o < ORGS; o++) {
            String ar = "مؤسسة " + AR_NAMES[o % 20] + " " + AR_NAMES[(o / 20) % 20];
            String en = LATIN_NAMES[o % 20] + " " + LATIN_NAMES[(o / 20) % 20] + " Foundation";
            ObjectNode doc =
                json.createObjectNode()
                    .put("id", actor(o))
                    .put("type", "Organization")
                    .put("name", ar);
            doc.putObject("nameMap").put("ar", ar).put("en", en);
            actors.upsert(
                c,
                new RemoteActorRepository.ActorRow(
                    actor(o),
                    "org" + o + ".example",
                    "Organization",
                    actor(o) + "/inbox",
                    null,
                    "org" + o,
                    doc.toString(),
                    now));
          }
          return null;
        });
    RemoteObjectRepository objects = new RemoteObjectRepository();
    for (int start = 0; start < ENTRIES; start += 1000) {
      int from = start;
      List<ObjectNode> batch = new ArrayList<>();
      for (int i = from; i < Math.min(ENTRIES, from + 1000); i++) batch.add(object(json, rnd, i));
      db.txBlocking(
          c -> {
            for (ObjectNode o : batch) {
              String audience = o.path("visibility").asText();
              String id = o.get("id").asText();
              objects.upsert(
                  c,
                  new RemoteObjectRepository.ObjectRow(
                      id,
                      o.get("attributedTo").asText(),
                      o.get("type").asText(),
                      audience,
                      o.toString(),
                      "rfc9421/ed25519",
                      null,
                      now,
                      now,
                      null));
              if (!audience.equals("public")) objects.addRecipient(c, id, orgId);
            }
            return null;
          });
    }
    double h2Seconds = (System.nanoTime() - t0) / 1e9;

    Path indexDir = dir.resolve("index");
    SearchIndex index = SearchIndex.open(indexDir);
    DirectoryIndexer indexer =
        new DirectoryIndexer(
            db,
            new DirectoryRepository(),
            new DirectoryEntries(json, new Urls(URI.create("https://alef.example"))),
            index,
            Clock.systemUTC(),
            1000);
    long r0 = System.nanoTime();
    long indexed = indexer.rebuildBlocking();
    double rebuildSeconds = (System.nanoTime() - r0) / 1e9;
    assertThat(indexed).isEqualTo(ENTRIES);
    long indexBytes;
    try (var files = Files.list(indexDir)) {
      indexBytes = files.mapToLong(f -> f.toFile().length()).sum();
    }

    Map<String, Function<Random, DirectoryQuery>> mix = queryMix(orgId);
    List<String> names = new ArrayList<>(mix.keySet());
    Random qr = new Random(7);
    for (int i = 0; i < WARMUP; i++) index.search(mix.get(names.get(i % names.size())).apply(qr));
    Map<String, List<Long>> byKind = new LinkedHashMap<>();
    List<Long> all = new ArrayList<>();
    long totalHits = 0;
    for (int i = 0; i < MEASURED; i++) {
      String name = names.get(i % names.size());
      DirectoryQuery q = mix.get(name).apply(qr);
      long s = System.nanoTime();
      DirectoryResult r = index.search(q);
      long micros = (System.nanoTime() - s) / 1000;
      totalHits += r.total();
      all.add(micros);
      byKind.computeIfAbsent(name, k -> new ArrayList<>()).add(micros);
    }
    assertThat(totalHits).isPositive();
    index.close();

    StringBuilder table = new StringBuilder();
    table.append("| what | figure |\n|---|---|\n");
    table.append(
        String.format(
            "| entries (received objects in H2, 200 organizations, ~30%% network) | %,d |%n",
            ENTRIES));
    table.append(
        String.format(
            "| H2 fill (batches of 1,000, durable commits) — setup, not Madani search | %.1f s |%n",
            h2Seconds));
    table.append(
        String.format(
            "| index rebuild from H2 (read, convert, analyze, commit) | %.1f s (%,.0f entries/s), index %,d MiB |%n",
            rebuildSeconds, ENTRIES / rebuildSeconds, indexBytes >> 20));
    table.append(
        String.format(
            "| search, all %,d queries of the mix: p50 / p95 / p99 | %s / %s / %s |%n",
            MEASURED, ms(pct(all, 50)), ms(pct(all, 95)), ms(pct(all, 99))));
    byKind.forEach(
        (k, v) ->
            table.append(
                String.format(
                    "| — %s: p50 / p95 | %s / %s |%n", k, ms(pct(v, 50)), ms(pct(v, 95)))));
    System.out.println(table);
    write(table.toString());
    db.close();
  }

  /**
   * The query mix: what visitors and admins type, with and without filters. Every query also counts
   * facets.
   */
  static Map<String, Function<Random, DirectoryQuery>> queryMix(long orgId) {
    Map<String, Function<Random, DirectoryQuery>> m = new LinkedHashMap<>();
    m.put(
        "one Arabic word, spelling variant («موسسه», «اغاثه», «مستشفي»…)",
        r ->
            q(
                pick(
                    r,
                    "موسسه",
                    "اغاثه",
                    "مستشفي",
                    "الاطفال",
                    "التعليم",
                    "ادلب",
                    "المعتقلين",
                    "الايواء"),
                null));
    m.put(
        "one English word, stemmed",
        r ->
            q(
                pick(
                    r,
                    "organizing",
                    "hospitals",
                    "volunteer",
                    "trainings",
                    "documenting",
                    "shelters",
                    "children"),
                null));
    m.put(
        "two words, mixed Arabic/English",
        r ->
            q(
                pick(
                    r,
                    "ورشة documentation",
                    "إغاثة winter",
                    "حلب health",
                    "training النساء",
                    "تقرير rights"),
                null));
    m.put(
        "organization name: typo or transliteration",
        r ->
            q(
                pick(
                    r,
                    "Sawa",
                    "Basma",
                    "Ghiras",
                    "Nakheel",
                    "Jusor",
                    "Karamah",
                    "Zaytona",
                    "سوا",
                    "غراس النخيل"),
                null));
    m.put(
        "text + kind + sector filters, sorted by date",
        r ->
            new DirectoryQuery(
                pick(r, "relief", "تدريب", "health"),
                pick(r, KINDS),
                pick(r, SECTORS),
                null,
                null,
                null,
                null,
                null,
                DirectoryQuery.Sort.DATE,
                1,
                20,
                Set.of()));
    m.put(
        "no text: browse with region + date range (admin, network too)",
        r ->
            new DirectoryQuery(
                null,
                null,
                null,
                pick(r, REGIONS),
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"),
                null,
                null,
                null,
                1 + r.nextInt(3),
                20,
                Set.of(orgId)));
    return m;
  }

  static DirectoryQuery q(String text, String kind) {
    return new DirectoryQuery(
        text, kind, null, null, null, null, null, null, null, 1, 20, Set.of());
  }

  static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }

  static String actor(int o) {
    return "https://org" + o + ".example/orgs/org" + o;
  }

  static ObjectNode object(ObjectMapper json, Random r, int i) {
    int org = r.nextInt(ORGS);
    String kind = KINDS[r.nextInt(KINDS.length)];
    ObjectNode o = json.createObjectNode();
    o.put("id", actor(org) + "/entries/" + i);
    o.put(
        "type",
        kind.equals("event")
            ? "Event"
            : kind.equals("article") || kind.equals("report") ? "Article" : "Page");
    o.put("kind", kind);
    o.put("attributedTo", actor(org));
    boolean arabic = r.nextInt(10) < 8;
    boolean english = !arabic || r.nextBoolean();
    ObjectNode name = o.putObject("nameMap");
    ObjectNode summary = o.putObject("summaryMap");
    ObjectNode content = o.putObject("contentMap");
    if (arabic) {
      name.put("ar", words(r, AR_WORDS, 4 + r.nextInt(4)));
      summary.put("ar", words(r, AR_WORDS, 15 + r.nextInt(15)));
      content.put("ar", "<p>" + words(r, AR_WORDS, 60 + r.nextInt(60)) + "</p>");
    }
    if (english) {
      name.put("en", words(r, EN_WORDS, 4 + r.nextInt(4)));
      summary.put("en", words(r, EN_WORDS, 15 + r.nextInt(15)));
      content.put("en", "<p>" + words(r, EN_WORDS, 60 + r.nextInt(60)) + "</p>");
    }
    o.put("visibility", r.nextInt(10) < 7 ? "public" : "network");
    LocalDate day = LocalDate.of(2020, 1, 1).plusDays(r.nextInt(8 * 365));
    Instant date = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    if (kind.equals("event")) o.put("startTime", day + "T10:00:00+03:00");
    else if (kind.equals("project") || kind.equals("campaign")) o.put("startDate", day.toString());
    o.put("published", date.toString());
    o.put("updated", date.toString());
    o.putArray("sectors")
        .add(SECTORS[r.nextInt(SECTORS.length)])
        .add(SECTORS[r.nextInt(SECTORS.length)]);
    o.putArray("regions").add(REGIONS[r.nextInt(REGIONS.length)]);
    return o;
  }

  /** Words with the variation real text has: diacritics now and then, tatweel, mixed digits. */
  static String words(Random r, String[] vocab, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) b.append(' ');
      String w = vocab[r.nextInt(vocab.length)];
      if (r.nextInt(20) == 0) w = w.replace("ا", "ـا");
      b.append(w);
    }
    return b.toString();
  }

  static long pct(List<Long> v, int p) {
    long[] a = v.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(a);
    return a[Math.min(a.length - 1, (int) Math.ceil(p / 100.0 * a.length) - 1)];
  }

  static String ms(long micros) {
    return String.format("%.1f ms", micros / 1000.0);
  }

  /**
   * Replaces the figures between the markers in benchmarks/README.md (the harness runs in node/).
   */
  static void write(String table) throws Exception {
    Path readme = Path.of("..", "benchmarks", "README.md");
    if (!Files.exists(readme)) return;
    String s = Files.readString(readme);
    String start = "<!-- directory-search:start -->";
    String end = "<!-- directory-search:end -->";
    int a = s.indexOf(start);
    int b = s.indexOf(end);
    if (a < 0 || b < a) return;
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).trim())
            .orElse("unknown CPU");
    String head =
        String.format(
            "Run %s on %s, %d cores, Java %s.%n%n",
            LocalDate.now(),
            cpu,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"));
    Files.writeString(
        readme, s.substring(0, a + start.length()) + "\n" + head + table + s.substring(b));
  }
}
