package org.madani.node.directory.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.comparators.LongComparator;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * What a search reads of every hit, held on the heap per segment: its facet values, counted while
 * the search collects its top documents, and its date, which orders them. A segment never changes
 * once written, so its values (each document's facet ordinals and date, each ordinal's dimension
 * and label) are read once, when a reader first has it, and kept while the segment lives: a new
 * near-real-time reader reads only its new segments, and a hit costs a few array reads instead of
 * decoding doc values (for facets, then mapped through a reader-wide ordinal map rebuilt for every
 * reader: a quarter of a search; the date, read again for every hit compared: an eighth). About 4
 * bytes per facet value of a document plus 12 per document: ~3.5 MB for 100,000 entries.
 *
 * <p>Thread-safe: the per-segment values are immutable and shared; each search has its own counts.
 */
final class SegmentValues {

  private final List<String> dims;
  private final String dateField;
  private final Map<IndexReader.CacheKey, Segment> segments = new ConcurrentHashMap<>();

  /**
   * Counting the dimensions {@code dims} (others in the index are left out), ordering by the
   * numeric doc values of {@code dateField} (one per document, 0 when missing).
   */
  SegmentValues(List<String> dims, String dateField) {
    this.dims = List.copyOf(dims);
    this.dateField = dateField;
  }

  /**
   * The values of one segment. {@code ords[starts[doc] .. starts[doc + 1])} are a document's facet
   * ordinals; {@code dim[ord]} indexes {@link #dims} (-1: another dimension), {@code label[ord]} is
   * the value; {@code dates[doc]} is its date.
   */
  private record Segment(int[] starts, int[] ords, int[] dim, String[] label, long[] dates) {}

  /** Reads the values of every segment of {@code reader} not read before. */
  void warm(IndexReader reader) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) segment(leaf.reader());
  }

  /** How many segments' values are held (tests). */
  int segmentsHeld() {
    return segments.size();
  }

  private Segment segment(LeafReader leaf) throws IOException {
    IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
    if (helper == null) return read(leaf);
    IndexReader.CacheKey key = helper.getKey();
    Segment s = segments.get(key);
    if (s != null) return s;
    s = read(leaf);
    // The caller holds a reader with this segment open, so it cannot close before the listener is
    // registered; a segment read twice by racing searches registers it once.
    if (segments.putIfAbsent(key, s) == null) helper.addClosedListener(segments::remove);
    return s;
  }

  private Segment read(LeafReader leaf) throws IOException {
    SortedSetDocValues dv = DocValues.getSortedSet(leaf, FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
    int values = Math.toIntExact(dv.getValueCount());
    int[] dim = new int[values];
    String[] label = new String[values];
    TermsEnum terms = dv.termsEnum();
    for (int ord = 0; ord < values; ord++) {
      BytesRef term = terms.next();
      String[] path = FacetsConfig.stringToPath(term.utf8ToString());
      dim[ord] = path.length == 2 ? dims.indexOf(path[0]) : -1;
      label[ord] = path.length == 2 ? path[1] : "";
    }
    int maxDoc = leaf.maxDoc();
    int[] starts = new int[maxDoc + 1];
    int[] ords = new int[values == 0 ? 0 : maxDoc * dims.size()];
    int n = 0;
    int next = dv.nextDoc();
    for (int doc = 0; doc < maxDoc; doc++) {
      starts[doc] = n;
      if (doc != next) continue;
      int count = dv.docValueCount();
      ords = ArrayUtil.grow(ords, n + count);
      for (int i = 0; i < count; i++) ords[n++] = (int) dv.nextOrd();
      next = dv.nextDoc();
    }
    starts[maxDoc] = n;
    long[] dates = new long[maxDoc];
    SortedNumericDocValues date = DocValues.getSortedNumeric(leaf, dateField);
    for (int doc = date.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = date.nextDoc()) {
      dates[doc] = date.nextValue(); // the least, as SortedNumericSortField orders by default
    }
    return new Segment(starts, ArrayUtil.copyOfSubArray(ords, 0, n), dim, label, dates);
  }

  /** Orders by date (newest first when {@code reverse}), read from the held values. */
  SortField byDate(boolean reverse) {
    return new SortField(dateField, new DateSource(), reverse);
  }

  /**
   * Lucene's own comparator of longs (ties, bottom and pruning as for a numeric sort field), with
   * the values read from {@link Segment#dates} instead of doc values.
   */
  private final class DateSource extends FieldComparatorSource {
    @Override
    public FieldComparator<?> newComparator(
        String field, int numHits, Pruning pruning, boolean reversed) {
      return new LongComparator(numHits, field, 0L, reversed, Pruning.NONE) {
        @Override
        public LeafFieldComparator getLeafComparator(LeafReaderContext context) throws IOException {
          return new LongLeafComparator(context) {
            @Override
            protected NumericDocValues getNumericDocValues(LeafReaderContext leaf, String f)
                throws IOException {
              return new Dates(segment(leaf.reader()).dates());
            }
          };
        }
      };
    }
  }

  /** A segment's held dates as doc values: every document has one. */
  private static final class Dates extends NumericDocValues {
    private final long[] dates;
    private int doc = -1;

    Dates(long[] dates) {
      this.dates = dates;
    }

    @Override
    public long longValue() {
      return dates[doc];
    }

    @Override
    public boolean advanceExact(int target) {
      doc = target;
      return true;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      return advance(doc + 1);
    }

    @Override
    public int advance(int target) {
      doc = target < dates.length ? target : NO_MORE_DOCS;
      return doc;
    }

    @Override
    public long cost() {
      return dates.length;
    }
  }

  /**
   * A search collecting the top {@code n} by {@code sort}, every hit counted: the total and the
   * facet counts are over all matches (no hit is skipped as non-competitive).
   */
  CollectorManager<Counting, Result> manager(org.apache.lucene.search.Sort sort, int n) {
    // One collector (the searcher has no executor): no hit counter shared between threads to bump.
    TopFieldCollectorManager top =
        new TopFieldCollectorManager(sort, n, null, Integer.MAX_VALUE, false);
    return new CollectorManager<>() {
      @Override
      public Counting newCollector() {
        return new Counting(top.newCollector());
      }

      @Override
      public Result reduce(Collection<Counting> collectors) throws IOException {
        List<TopFieldCollector> tops = new ArrayList<>();
        List<Segment> segs = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        long total = 0;
        for (Counting c : collectors) {
          tops.add(c.top);
          segs.addAll(c.segments);
          counts.addAll(c.counts);
          total += c.total;
        }
        return new Result(top.reduce(tops), total, facets(segs, counts));
      }
    };
  }

  /**
   * What a search found: the top documents, how many matched, and per dimension the matches per
   * value, most frequent first (then by value), at most {@link #TOP_VALUES} values.
   */
  record Result(TopFieldDocs top, long total, Map<String, Map<String, Long>> facets) {}

  /** Values shown per dimension at most. */
  static final int TOP_VALUES = 100;

  private Map<String, Map<String, Long>> facets(List<Segment> segs, List<int[]> counts) {
    List<Map<String, long[]>> byDim = new ArrayList<>();
    for (int d = 0; d < dims.size(); d++) byDim.add(new HashMap<>());
    for (int i = 0; i < segs.size(); i++) {
      Segment s = segs.get(i);
      int[] c = counts.get(i);
      for (int ord = 0; ord < c.length; ord++) {
        if (c[ord] == 0 || s.dim()[ord] < 0) continue;
        byDim.get(s.dim()[ord]).computeIfAbsent(s.label()[ord], l -> new long[1])[0] += c[ord];
      }
    }
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (int d = 0; d < dims.size(); d++) {
      List<Map.Entry<String, long[]>> values = new ArrayList<>(byDim.get(d).entrySet());
      values.sort(
          Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
              .thenComparing(Map.Entry::getKey));
      Map<String, Long> m = new LinkedHashMap<>();
      for (Map.Entry<String, long[]> e : values.subList(0, Math.min(TOP_VALUES, values.size())))
        m.put(e.getKey(), e.getValue()[0]);
      out.put(dims.get(d), m);
    }
    return out;
  }

  /** Counts each hit's facet values and total, and hands the hit on to the top collector. */
  final class Counting implements Collector {
    private final TopFieldCollector top;
    private final List<Segment> segments = new ArrayList<>();
    private final List<int[]> counts = new ArrayList<>();
    private long total;

    private Counting(TopFieldCollector top) {
      this.top = top;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      Segment s = segment(context.reader());
      int[] c = new int[s.label().length];
      segments.add(s);
      counts.add(c);
      LeafCollector next = top.getLeafCollector(context);
      int[] starts = s.starts();
      int[] ords = s.ords();
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) throws IOException {
          next.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
          total++;
          for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) c[ords[i]]++;
          next.collect(doc);
        }

        @Override
        public void finish() throws IOException {
          next.finish();
        }
      };
    }

    @Override
    public ScoreMode scoreMode() {
      return top.scoreMode(); // COMPLETE or COMPLETE_NO_SCORES: every hit is collected
    }
  }
}
