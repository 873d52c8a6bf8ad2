package org.madani.node.directory.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.FSDirectory;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.DirectoryQuery;
import org.madani.node.model.DirectoryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory's Lucene index in one directory on disk. A derived copy of H2: when it is missing,
 * from an older schema or unreadable, {@link #open} starts it empty and {@link #needsRebuild()}
 * says so.
 *
 * <p>Writes become visible to searches on {@link #refresh()} (near-real-time reader, cheap) and
 * durable on {@link #commit} (an fsync, ~tens of ms: never once per change; MEASURED.md). Each
 * commit records how far the index is in step with H2 (the last applied number of H2's {@code
 * directory_change} sequence, {@link #changeSeq()}), so a restart after a crash catches up from
 * there. An index without that number (written before V10) asks for a rebuild.
 *
 * <p>Thread-safety: all methods may be called from any thread; searches run concurrently with
 * writes. Writers should still be serialized by the caller so that a rebuild and a sync do not
 * interleave.
 */
public final class SearchIndex implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

  /** Bump when the document layout or analysis changes: an index of another schema is rebuilt. */
  static final String SCHEMA =
      "3"; // 2: entries carry their schedule (feeds); 3: hamza variants, tanween alef

  static final String KEY = "key";
  static final String SOURCE = "src";
  static final String TEXT = "text";
  static final String NAME = "name";
  static final String TRANSLIT = "translit";
  static final String AUDIENCE = "audience";
  static final String VIEWER = "viewer";
  static final String KIND = "kind";
  static final String SECTOR = "sector";
  static final String REGION = "region";
  static final String LANGUAGE = "language";
  static final String ORGANIZATION = "organization";
  static final String DATE = "date";

  private final FSDirectory dir;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final FacetsConfig facets = new FacetsConfig();
  private final DirectoryQueries queries;
  private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();
  private final Map<String, Map<String, String>> orgNames = new ConcurrentHashMap<>();
  private final boolean needsRebuild;
  private volatile long changeSeq;
  private final ResultCache results;
  private final SegmentValues values = new SegmentValues(DirectoryResult.DIMENSIONS, DATE);
  private final Sort byDate =
      new Sort(values.byDate(true), SortField.FIELD_SCORE); // newest first, then relevance
  private final Sort byRelevance = new Sort(SortField.FIELD_SCORE, values.byDate(true));

  private SearchIndex(
      FSDirectory dir,
      IndexWriter writer,
      boolean needsRebuild,
      long changeSeq,
      Analyzer text,
      Analyzer name,
      long cacheBytes)
      throws IOException {
    this.dir = dir;
    this.results = new ResultCache(cacheBytes);
    this.writer = writer;
    this.searchers = new SearcherManager(writer, new Warming());
    this.needsRebuild = needsRebuild;
    this.changeSeq = changeSeq;
    this.queries = new DirectoryQueries(text, name);
    for (String dim : List.of(SECTOR, REGION, LANGUAGE)) facets.setMultiValued(dim, true);
  }

  /** Opens the index in {@code path}, creating it, or starting it afresh if it cannot be used. */
  public static SearchIndex open(Path path) throws IOException {
    return open(path, RESULT_CACHE_BYTES);
  }

  /**
   * Answers of the current reader kept for repeated queries ({@link ResultCache}): a few MiB of a
   * 160 MiB heap.
   */
  static final long RESULT_CACHE_BYTES = 8L << 20;

  /** {@link #open(Path)} with room for {@code cacheBytes} of remembered answers (0: none). */
  static SearchIndex open(Path path, long cacheBytes) throws IOException {
    Files.createDirectories(path);
    FSDirectory dir = FSDirectory.open(path);
    long synced = -1;
    boolean rebuild = true;
    try {
      if (DirectoryReader.indexExists(dir)) {
        try (DirectoryReader r = DirectoryReader.open(dir)) {
          Map<String, String> data = r.getIndexCommit().getUserData();
          if (SCHEMA.equals(data.get("schema")) && data.containsKey("changeSeq")) {
            synced = Long.parseLong(data.get("changeSeq"));
            rebuild = false;
          } else {
            LOG.info("directory index has another schema; it will be rebuilt");
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // Corrupt or half-written: it is only a copy, so throw it away and rebuild from H2.
      LOG.warn("directory index unreadable ({}); it will be rebuilt", e.toString());
      dir.close();
      wipe(path);
      dir = FSDirectory.open(path);
    }
    Analyzer text = DirectoryAnalyzers.text();
    Analyzer name = DirectoryAnalyzers.name();
    IndexWriterConfig cfg =
        new IndexWriterConfig(new PerFieldAnalyzerWrapper(text, Map.of(NAME, name)))
            .setOpenMode(
                rebuild
                    ? IndexWriterConfig.OpenMode.CREATE
                    : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
            .setRAMBufferSizeMB(32);
    return new SearchIndex(dir, new IndexWriter(dir, cfg), rebuild, synced, text, name, cacheBytes);
  }

  private static void wipe(Path path) throws IOException {
    try (Stream<Path> files = Files.list(path)) {
      for (Path f : files.toList()) Files.deleteIfExists(f);
    }
  }

  /** True when the index was missing, of another schema or unreadable at open. */
  public boolean needsRebuild() {
    return needsRebuild;
  }

  /** Changes in H2 up to this number are in the last commit; -1 when never committed. */
  public long changeSeq() {
    return changeSeq;
  }

  /**
   * Adds or replaces an entry. An entry whose organization name was not at hand (a received object
   * whose author document was never fetched, or a hosted organization's own question, whose author
   * is no remote actor) takes the name the index knows for that organization.
   */
  public void upsert(DirectoryEntry e) {
    if (e.orgName().isEmpty()) {
      Map<String, String> known = orgNames.get(e.orgId());
      if (known != null) e = e.withOrgName(known);
    }
    try {
      writer.updateDocument(new Term(KEY, key(e.local(), e.id())), document(e));
      if (!e.orgName().isEmpty()) orgNames.put(e.orgId(), e.orgName());
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Removes an entry if present. */
  public void delete(boolean local, String id) {
    try {
      writer.deleteDocuments(new Term(KEY, key(local, id)));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Removes every entry (visible to searches after the next refresh, as one step). */
  public void deleteAll() {
    try {
      writer.deleteAll();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Records an organization's display name for facet labels. */
  public void organizationName(String orgId, Map<String, String> name) {
    if (name != null && !name.isEmpty()) {
      orgNames.put(orgId, Map.copyOf(name));
      results.clear(); // answers name organizations
    }
  }

  /** Makes the writes so far visible to searches. */
  public void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /**
   * Makes the writes so far durable, noting that H2 changes up to number {@code synced} are
   * included.
   */
  public void commit(long synced) {
    try {
      writer.setLiveCommitData(
          Map.of("schema", SCHEMA, "changeSeq", Long.toString(synced)).entrySet());
      writer.commit();
      changeSeq = synced;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Segments in the current reader (each costs per search: fewer after {@link #optimize()}). */
  public int segmentCount() {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return s.getIndexReader().leaves().size();
      } finally {
        searchers.release(s);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /**
   * Indexes up to this size are merged into one segment when a burst is over ({@link #optimize}),
   * which costs them a few hundred milliseconds at most. Larger ones are left to Lucene's merge
   * policy (at most about ten segments per size tier): the six segments a burst of 100,000 received
   * entries leaves (15 MiB) search as fast as one (SearchIndexBurstBenchmark, CPU per search, once
   * the filters every entry passes are left out), while merging them took one of the two cores for
   * one to two seconds just when people search after the burst (HubScaleBenchmark: the merge
   * overlapped the first third of the timed queries).
   */
  static final long MERGE_UP_TO_BYTES = 4L << 20;

  /**
   * Merges the index into one segment, when it has several and is at most {@link
   * #MERGE_UP_TO_BYTES}, and makes the result searchable. Blocking and CPU heavy (about a second
   * for 100,000 small entries): for the indexer's thread when writes have stopped.
   *
   * @return whether it merged
   */
  public boolean optimize() {
    try {
      if (segmentCount() <= 1) return false;
      long bytes = 0;
      for (String f : dir.listAll()) {
        try {
          bytes += dir.fileLength(f);
        } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException gone) {
          // deleted by a merge finishing meanwhile
        }
      }
      if (bytes > MERGE_UP_TO_BYTES) return false;
      writer.forceMerge(1);
      searchers.maybeRefreshBlocking();
      return true;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  public int size() {
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return s.getIndexReader().numDocs();
      } finally {
        searchers.release(s);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /**
   * Near spellings of names (fuzzy) are looked for only when the words as typed find fewer entries
   * than this: a common word then costs one pass without the fuzzy terms (they only repeated the
   * word's own matches, ranked lower), a misspelled one a second pass. Fixed, not per page, so the
   * total does not change between the pages of one query.
   */
  static final int FUZZY_BELOW = 50;

  /**
   * Runs a search: one page of entries, the total and the facet counts. Blocking (CPU and disk).
   */
  public DirectoryResult search(DirectoryQuery q) {
    lastSearch = System.nanoTime();
    synchronized (recent) {
      recent.put(q, Boolean.TRUE);
    }
    try {
      IndexSearcher s = searchers.acquire();
      try {
        return results.get((DirectoryReader) s.getIndexReader(), q, () -> search(s, q));
      } finally {
        searchers.release(s);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** How many segments' values are held ({@link SegmentValues}). */
  int facetSegmentsHeld() {
    return values.segmentsHeld();
  }

  /** How many searches ran on the index (not answered from the {@link ResultCache}). */
  long searchesRun() {
    return searchesRun.sum();
  }

  private final java.util.concurrent.atomic.LongAdder searchesRun =
      new java.util.concurrent.atomic.LongAdder();

  private DirectoryResult search(IndexSearcher s, DirectoryQuery q) {
    searchesRun.increment();
    Sort sort = q.sort() == DirectoryQuery.Sort.DATE ? byDate : byRelevance;
    try {
      int n = q.offset() + q.pageSize();
      IndexReader reader = s.getIndexReader();
      Predicate<Term> everywhere = t -> everywhere(reader, t);
      SegmentValues.Result r =
          s.search(queries.build(q, false, everywhere), values.manager(sort, n));
      if (r.total() < FUZZY_BELOW && queries.hasFuzzyWords(q.q())) {
        r = s.search(queries.build(q, true, everywhere), values.manager(sort, n));
      }
      List<DirectoryEntry> items = page(s, r.top().scoreDocs, q.offset());
      Map<String, Map<String, String>> names = new HashMap<>();
      for (String org : r.facets().get(ORGANIZATION).keySet()) {
        Map<String, String> nm = orgNames.get(org);
        if (nm != null) names.put(org, nm);
      }
      return new DirectoryResult(items, q.page(), q.pageSize(), r.total(), r.facets(), names);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /**
   * Whether every document of {@code reader}, deleted or not, carries {@code t}; remembered for the
   * reader (a lookup per segment, and the same few filter terms in every search).
   */
  private boolean everywhere(IndexReader reader, Term t) {
    TermsEverywhere known = termsEverywhere;
    if (known.reader() != reader) {
      known = new TermsEverywhere(reader, new ConcurrentHashMap<>());
      termsEverywhere = known;
    }
    Boolean b = known.terms().get(t);
    if (b != null) return b;
    try {
      b = reader.maxDoc() > 0 && reader.docFreq(t) == reader.maxDoc();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    if (known.terms().size() < 1000) known.terms().put(t, b); // filter values are typed by anyone
    return b;
  }

  private record TermsEverywhere(IndexReader reader, Map<Term, Boolean> terms) {}

  private volatile TermsEverywhere termsEverywhere = new TermsEverywhere(null, Map.of());

  /**
   * The entries of the page shown, from {@code offset} in {@code docs}: only their stored source is
   * read, in index order (documents stored side by side share a decompressed block), and put back
   * in rank order.
   */
  private List<DirectoryEntry> page(IndexSearcher s, ScoreDoc[] docs, int offset)
      throws IOException {
    int n = Math.max(0, docs.length - offset);
    Integer[] byDoc = new Integer[n];
    for (int i = 0; i < n; i++) byDoc[i] = offset + i;
    java.util.Arrays.sort(byDoc, Comparator.comparingInt(i -> docs[i].doc));
    DirectoryEntry[] items = new DirectoryEntry[n];
    StoredFields stored = s.storedFields();
    for (int i : byDoc) {
      items[i - offset] =
          read(stored.document(docs[i].doc, SOURCE_ONLY).getBinaryValue(SOURCE).bytes);
    }
    return java.util.Arrays.asList(items);
  }

  private static final Set<String> SOURCE_ONLY = Set.of(SOURCE);

  /**
   * Opens each new near-real-time reader with the values of its new segments read ({@link
   * SegmentValues}), on the indexer's thread, before searches see it: a search right after a
   * refresh then does not pay for them. Only while someone searches (within {@link
   * #WARM_WHILE_SEARCHED_NANOS} of the last search): a burst with nobody looking refreshes twice a
   * second, and values nobody reads would be CPU per activity.
   */
  private final class Warming extends SearcherFactory {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
      IndexSearcher s = new IndexSearcher(reader);
      if (System.nanoTime() - lastSearch < WARM_WHILE_SEARCHED_NANOS && reader.numDocs() > 0) {
        values.warm(reader);
        replay(s);
      }
      return s;
    }
  }

  /**
   * Runs the last distinct queries people searched ({@link #WARM_QUERIES}, newest first, within
   * {@link #WARM_NANOS}) on a reader about to be opened, and remembers their answers for it: after
   * a refresh or a merge the front page and the queries just asked are answered from the {@link
   * ResultCache} at once, and the first new queries find the new segments' postings, doc values and
   * the search code itself warm instead of paying for them.
   */
  private void replay(IndexSearcher s) {
    List<DirectoryQuery> last;
    synchronized (recent) {
      last = new ArrayList<>(recent.keySet());
    }
    java.util.Collections.reverse(last);
    long deadline = System.nanoTime() + warmNanos;
    DirectoryReader reader = (DirectoryReader) s.getIndexReader();
    for (DirectoryQuery q : last) {
      if (System.nanoTime() > deadline) break;
      results.get(reader, q, () -> search(s, q));
    }
  }

  /** How many of the last distinct queries a new reader runs before searches see it. */
  static final int WARM_QUERIES = 16;

  /**
   * At most this long per new reader: a burst someone watches refreshes twice a second, and its
   * warming is CPU on the indexer's thread (at most a twentieth of a core).
   */
  static final long WARM_NANOS = 25_000_000L;

  private volatile long warmNanos = WARM_NANOS;

  /** Another budget for {@link #replay} (tests on a busy machine, where one search can take it). */
  void warmFor(long nanos) {
    warmNanos = nanos;
  }

  /** The last distinct queries searched, oldest first (access order); guarded by itself. */
  private final Map<DirectoryQuery, Boolean> recent =
      new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DirectoryQuery, Boolean> eldest) {
          return size() > WARM_QUERIES;
        }
      };

  static final long WARM_WHILE_SEARCHED_NANOS = 60_000_000_000L;

  /** When the last search ran (nanoTime); the first reader is not warmed. */
  private volatile long lastSearch = System.nanoTime() - WARM_WHILE_SEARCHED_NANOS;

  private static final java.util.regex.Pattern WORD_BREAK =
      java.util.regex.Pattern.compile("[\\s\\p{Punct}،]+");

  /**
   * The transliteration keys of an organization name's words: every entry of an organization
   * carries the same name, and transliterating it was a third of building a document. Bounded.
   */
  private final Cache<String, List<String>> translitKeys =
      Caffeine.newBuilder().executor(Runnable::run).maximumSize(10_000).build();

  private static List<String> translitKeys(String name) {
    List<String> keys = new ArrayList<>();
    for (String w : WORD_BREAK.split(name)) {
      String k = Transliteration.key(w);
      if (!k.isEmpty()) keys.add(k);
    }
    return List.copyOf(keys);
  }

  private Document document(DirectoryEntry e) throws IOException {
    Document d = new Document();
    d.add(new StringField(KEY, key(e.local(), e.id()), Field.Store.NO));
    d.add(new StoredField(SOURCE, json.writeValueAsBytes(e)));
    for (Map<String, String> m : List.of(e.title(), e.summary(), e.content(), e.orgName())) {
      for (String v : m.values()) d.add(new TextField(TEXT, v, Field.Store.NO));
    }
    for (String k : e.keywords()) d.add(new TextField(TEXT, k, Field.Store.NO));
    for (Map<String, String> m : List.of(e.title(), e.orgName())) {
      for (String v : m.values()) d.add(new TextField(NAME, v, Field.Store.NO));
    }
    for (String v : e.orgName().values()) {
      for (String k : translitKeys.get(v, SearchIndex::translitKeys)) {
        d.add(new StringField(TRANSLIT, k, Field.Store.NO));
      }
    }
    d.add(new StringField(AUDIENCE, e.audience(), Field.Store.NO));
    for (Long v : e.viewers()) d.add(new StringField(VIEWER, v.toString(), Field.Store.NO));
    facet(d, KIND, List.of(e.kind()));
    facet(d, SECTOR, e.sectors());
    facet(d, REGION, e.regions());
    facet(d, LANGUAGE, e.languages());
    facet(d, ORGANIZATION, List.of(e.orgId()));
    long date = e.date().toEpochMilli();
    d.add(new LongPoint(DATE, date));
    d.add(new org.apache.lucene.document.SortedNumericDocValuesField(DATE, date));
    return facets.build(d);
  }

  private static void facet(Document d, String dim, List<String> values) {
    for (String v : new java.util.LinkedHashSet<>(values)) {
      if (v == null || v.isBlank()) continue;
      d.add(new StringField(dim, v, Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField(dim, v));
    }
  }

  private DirectoryEntry read(byte[] bytes) throws IOException {
    return json.readValue(bytes, DirectoryEntry.class);
  }

  private static String key(boolean local, String id) {
    return (local ? "l " : "r ") + id;
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close(); // commits pending changes, with the last commit data set
      dir.close();
    } catch (IOException ex) {
      LOG.warn("closing the directory index: {}", ex.toString());
    }
  }
}
