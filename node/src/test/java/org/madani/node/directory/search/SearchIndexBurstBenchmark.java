package org.madani.node.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.DirectoryQuery;

/**
 * Not a unit test: a benchmark, run only with {@code -Pbench}. The directory part of {@code
 * HubScaleBenchmark} without HTTP, H2 or the inbox, to iterate on the index quickly: 100,000
 * entries shaped like that benchmark's received articles (the same words, sectors, regions and 100
 * sender organizations) are indexed the way the indexer does under a burst (batches of {@link
 * #BATCH}, a near-real-time refresh after each, a commit every ten), then the same query mix is
 * timed in-process, right after the burst (background merges may still run, as on a node) and again
 * after {@link SearchIndex#optimize()} (which leaves an index this large to Lucene's merge policy).
 * Prints the figures (nothing is written: the HTTP figure of record is HubScaleBenchmark's).
 *
 * <p>{@code -Dbench.entries=N} for a smaller count.
 */
class SearchIndexBurstBenchmark {

  static final int ENTRIES = Integer.getInteger("bench.entries", 100_000);

  /** About what the indexer writes between two refreshes at ~1,200 activities/s. */
  static final int BATCH = 600;

  static final String[] SECTORS = {
    "health", "education", "shelter", "legal-aid", "livelihoods", "youth"
  };
  static final String[] REGIONS = {
    "sy-idlib", "sy-aleppo", "sy-raqqa", "tr-gaziantep", "de-berlin"
  };
  static final String[] WORDS = {
    "clinic",
    "school",
    "winter",
    "water",
    "training",
    "report",
    "camp",
    "grant",
    "مستشفى",
    "تدريب",
    "مياه",
    "مدرسة"
  };

  @TempDir Path dir;

  @Test
  void burstThenSearch() throws Exception {
    run(dir);
  }

  public static void main(String[] args) throws Exception {
    Path d = Files.createTempDirectory("search-burst");
    run(d);
  }

  static void run(Path dir) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Random rnd = new Random(42);
    boolean cache = Boolean.parseBoolean(System.getProperty("bench.cache", "true"));
    System.out.println("answers of a reader remembered: " + cache);
    try (SearchIndex index =
        SearchIndex.open(dir.resolve("index"), cache ? SearchIndex.RESULT_CACHE_BYTES : 0)) {
      long cpu0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      for (int n = 0; n < ENTRIES; n++) {
        index.upsert(entry(rnd, n));
        if ((n + 1) % BATCH == 0) {
          index.refresh();
          if ((n + 1) % (10 * BATCH) == 0) index.commit(n);
        }
      }
      index.refresh();
      index.commit(ENTRIES);
      long cpu = mx.getCurrentThreadCpuTime() - cpu0;
      double wall = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "indexed %,d in %.1f s: %.3f ms CPU per entry on the writing thread; %d segments%n",
          ENTRIES, wall, cpu / 1e6 / ENTRIES, index.segmentCount());
      assertThat(index.size()).isEqualTo(ENTRIES);
      measure("right after the burst", index);
      measure("again", index);
      long o0 = System.nanoTime();
      boolean merged = index.optimize(); // not above SearchIndex.MERGE_UP_TO_BYTES
      System.out.printf(
          "optimize: merged %s in %.1f s, %d segments%n",
          merged, (System.nanoTime() - o0) / 1e9, index.segmentCount());
      measure("after merging", index);
      for (int i = 0; i < Integer.getInteger("bench.rounds", 1); i++) measure("again", index);
    }
  }

  static void measure(String what, SearchIndex index) {
    List<DirectoryQuery> queries = queries();
    List<Long> micros = new ArrayList<>();
    List<Long> cpus = new ArrayList<>();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long hits = 0;
    for (int i = 0; i < queries.size(); i++) {
      long c = mx.getCurrentThreadCpuTime();
      long t = System.nanoTime();
      hits += index.search(queries.get(i)).total();
      if (i >= 100) micros.add((System.nanoTime() - t) / 1000); // the first 100 warm up
      if (i >= 100) cpus.add((mx.getCurrentThreadCpuTime() - c) / 1000);
    }
    micros.sort(null);
    cpus.sort(null);
    System.out.printf(
        "  CPU of the searching thread: p50 %.2f ms, p95 %.2f ms%n",
        cpus.get(cpus.size() / 2) / 1000.0, cpus.get(cpus.size() * 95 / 100) / 1000.0);
    System.out.printf(
        "%s: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (%,d hits)%n",
        what,
        micros.get(micros.size() / 2) / 1000.0,
        micros.get(micros.size() * 95 / 100) / 1000.0,
        micros.get(micros.size() * 99 / 100) / 1000.0,
        hits);
  }

  /** HubScaleBenchmark's mix: a word; a word and a sector; region and kind; word, region, date. */
  static List<DirectoryQuery> queries() {
    Random rnd = new Random(7);
    List<DirectoryQuery> out = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      String w = WORDS[rnd.nextInt(WORDS.length)];
      out.add(
          switch (i % 4) {
            case 0 -> q(w, null, null, null, null);
            case 1 -> q(w, null, SECTORS[rnd.nextInt(SECTORS.length)], null, null);
            case 2 -> q(null, "report", null, REGIONS[rnd.nextInt(REGIONS.length)], null);
            default ->
                q(w, null, null, REGIONS[rnd.nextInt(REGIONS.length)], DirectoryQuery.Sort.DATE);
          });
    }
    return out;
  }

  static DirectoryQuery q(
      String text, String kind, String sector, String region, DirectoryQuery.Sort sort) {
    return new DirectoryQuery(
        text, kind, sector, region, null, null, null, null, sort, 1, 20, Set.of());
  }

  static DirectoryEntry entry(Random rnd, int n) {
    int h = n % 100;
    String org = "http://127.0.0." + (h + 2) + ":9000/actors/s" + h;
    Instant d = Instant.parse("2026-12-07T00:00:00Z").plusMillis(n);
    String title =
        WORDS[rnd.nextInt(WORDS.length)] + " " + WORDS[rnd.nextInt(WORDS.length)] + " " + n;
    String content = WORDS[rnd.nextInt(WORDS.length)] + " " + WORDS[rnd.nextInt(WORDS.length)];
    return new DirectoryEntry(
        org + "/e/" + n,
        "report",
        "public",
        Map.of(title.chars().anyMatch(c -> c > 0x600) ? "ar" : "en", title),
        Map.of(),
        Map.of("und", content),
        List.of(),
        org,
        Map.of("en", "Organization " + h),
        List.of(SECTORS[rnd.nextInt(SECTORS.length)]),
        List.of(REGIONS[rnd.nextInt(REGIONS.length)]),
        List.of("en"),
        d,
        d,
        Set.of(),
        false,
        new DirectoryEntry.Provenance(org, "rfc9421/ed25519", null, d),
        null);
  }
}
