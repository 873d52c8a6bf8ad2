package org.madani.node.directory.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
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
  private volatile FacetState facetState;

  private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

  private SearchIndex(
      FSDirectory dir,
      IndexWriter writer,
      boolean needsRebuild,
      long changeSeq,
      Analyzer text,
      Analyzer name)
      throws IOException {
    this.dir = dir;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
    this.needsRebuild = needsRebuild;
    this.changeSeq = changeSeq;
    this.queries = new DirectoryQueries(text, name);
    for (String dim : List.of(SECTOR, REGION, LANGUAGE)) facets.setMultiValued(dim, true);
  }

  /** Opens the index in {@code path}, creating it, or starting it afresh if it cannot be used. */
  public static SearchIndex open(Path path) throws IOException {
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
    return new SearchIndex(dir, new IndexWriter(dir, cfg), rebuild, synced, text, name);
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

  /** Adds or replaces an entry. */
  public void upsert(DirectoryEntry e) {
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
    if (name != null && !name.isEmpty()) orgNames.put(orgId, Map.copyOf(name));
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
   * Runs a search: one page of entries, the total and the facet counts. Blocking (CPU and disk).
   */
  public DirectoryResult search(DirectoryQuery q) {
    Query query = queries.build(q);
    Sort sort =
        q.sort() == DirectoryQuery.Sort.DATE
            ? new Sort(
                new SortedNumericSortField(DATE, SortField.Type.LONG, true), SortField.FIELD_SCORE)
            : new Sort(
                SortField.FIELD_SCORE, new SortedNumericSortField(DATE, SortField.Type.LONG, true));
    try {
      IndexSearcher s = searchers.acquire();
      try {
        int n = q.offset() + q.pageSize();
        FacetsCollectorManager.FacetsResult r =
            FacetsCollectorManager.search(s, query, n, sort, false, new FacetsCollectorManager());
        List<DirectoryEntry> items = new ArrayList<>();
        ScoreDoc[] docs = r.topDocs().scoreDocs;
        for (int i = q.offset(); i < docs.length; i++) {
          items.add(read(s.storedFields().document(docs[i].doc).getBinaryValue(SOURCE).bytes));
        }
        long total = 0;
        for (FacetsCollector.MatchingDocs md : r.facetsCollector().getMatchingDocs())
          total += md.totalHits;
        Map<String, Map<String, Long>> counts = counts(s.getIndexReader(), r.facetsCollector());
        Map<String, Map<String, String>> names = new HashMap<>();
        for (String org : counts.getOrDefault(ORGANIZATION, Map.of()).keySet()) {
          Map<String, String> nm = orgNames.get(org);
          if (nm != null) names.put(org, nm);
        }
        return new DirectoryResult(items, q.page(), q.pageSize(), total, counts, names);
      } finally {
        searchers.release(s);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private Map<String, Map<String, Long>> counts(IndexReader reader, FacetsCollector fc)
      throws IOException {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (String dim : DirectoryResult.DIMENSIONS) out.put(dim, new LinkedHashMap<>());
    if (reader.numDocs() == 0) return out;
    SortedSetDocValuesFacetCounts counts =
        new SortedSetDocValuesFacetCounts(facetState(reader), fc);
    for (FacetResult fr : counts.getAllDims(100)) {
      Map<String, Long> values = out.get(fr.dim);
      if (values == null) continue;
      List<LabelAndValue> lvs = new ArrayList<>(List.of(fr.labelValues));
      lvs.sort(
          Comparator.comparingLong((LabelAndValue lv) -> -lv.value.longValue())
              .thenComparing(lv -> lv.label));
      for (LabelAndValue lv : lvs) values.put(lv.label, lv.value.longValue());
    }
    return out;
  }

  /**
   * Facet ordinals are per reader; building them costs a pass over the terms, so keep one per
   * reader.
   */
  private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
    FacetState f = facetState;
    if (f == null || f.reader() != reader) {
      f = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, facets));
      facetState = f;
    }
    return f.state();
  }

  private static final java.util.regex.Pattern WORD_BREAK =
      java.util.regex.Pattern.compile("[\\s\\p{Punct}،]+");

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
      for (String w : WORD_BREAK.split(v)) {
        String k = Transliteration.key(w);
        if (!k.isEmpty()) d.add(new StringField(TRANSLIT, k, Field.Store.NO));
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
