package org.madani.node.directory.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.DirectoryQuery;
import org.madani.node.model.DirectoryResult;

/**
 * Answers of one reader generation: a directory is browsed with the same few queries (the front
 * page, a sector, a region), and between two refreshes of the index their answers cannot change.
 * The key is the whole {@link DirectoryQuery} (text, filters, page and the viewers a network entry
 * needs), so an answer is only ever reused for a request that would see exactly the same; a new
 * reader (a refresh after writes) starts an empty generation; the one before it is kept until the
 * next, for searches still running on the reader before. Bounded by an estimate of the bytes the
 * answers hold (Caffeine), so a 1 GiB server can afford it. Thread-safe.
 */
final class ResultCache {

  private final long maxBytes;
  private volatile Generation current = new Generation(-1, null);

  /**
   * The generation before {@link #current}: a new reader's answers are made (warmed) before
   * searches move to it, and searches still on the reader before keep theirs meanwhile.
   */
  private volatile Generation previous = new Generation(-1, null);

  private record Generation(long version, Cache<DirectoryQuery, DirectoryResult> results) {}

  /** With room for about {@code maxBytes} of answers; 0 caches nothing. */
  ResultCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Forgets every answer (something they show changed without a new reader). */
  synchronized void clear() {
    current = new Generation(-1, null);
    previous = current;
  }

  /** The answer to {@code q} on {@code reader}: remembered, or made by {@code search} now. */
  DirectoryResult get(DirectoryReader reader, DirectoryQuery q, Supplier<DirectoryResult> search) {
    if (maxBytes <= 0) return search.get();
    Generation g = generation(reader.getVersion());
    if (g == null) return search.get(); // a search still running on a reader before the last
    DirectoryResult cached = g.results().getIfPresent(q);
    if (cached != null) return cached;
    DirectoryResult r = search.get();
    g.results().put(q, r);
    return r;
  }

  private Generation generation(long version) {
    Generation g = current;
    if (g.version() == version) return g;
    Generation before = previous;
    if (before.version() == version && before.results() != null) return before;
    if (g.version() > version) return null;
    synchronized (this) {
      if (current.version() < version) {
        previous = current;
        current =
            new Generation(
                version,
                Caffeine.newBuilder()
                    .executor(Runnable::run) // evictions on the searching thread, no common pool
                    .maximumWeight(maxBytes)
                    .weigher((DirectoryQuery k, DirectoryResult v) -> weight(v))
                    .build());
      }
      return current.version() == version ? current : null;
    }
  }

  /** About the bytes an answer holds: its entries' text (UTF-16) and the facet maps. */
  static int weight(DirectoryResult r) {
    long bytes = 512;
    for (DirectoryEntry e : r.items()) {
      bytes += 400 + 2L * (e.id().length() + e.orgId().length());
      for (Map<String, String> m : java.util.List.of(e.title(), e.summary(), e.content())) {
        for (String v : m.values()) bytes += 48 + 2L * v.length();
      }
    }
    for (Map<String, Long> counts : r.facets().values()) {
      for (String label : counts.keySet()) bytes += 64 + 2L * label.length();
    }
    return (int) Math.min(Integer.MAX_VALUE, bytes);
  }
}
