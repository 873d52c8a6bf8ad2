package org.madani.node.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.madani.node.directory.DirectoryQuery;

/**
 * Turns a {@link DirectoryQuery} into a Lucene query. Free text is split into words (folded, not
 * stemmed); each word matches when any of these does: its stem in the text, the word itself in a
 * title or organization name (boosted), a near spelling of it in a name (fuzzy: one edit from 4
 * letters, two from 7; the first letter must be right, which keeps fuzzy cheap), or its
 * transliteration key against organization names. Words are all required up to three words,
 * three in four beyond that. Filters do not score. Thread-safe.
 */
final class DirectoryQueries {

  /** Latin spellings of the Arabic article, written as a word of their own ("al Nakheel"). */
  private static final Set<String> ARTICLES = Set.of("al", "el");

  private final Analyzer text;
  private final Analyzer name;

  DirectoryQueries(Analyzer text, Analyzer name) {
    this.text = text;
    this.name = name;
  }

  Query build(DirectoryQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    Query words = words(q.q());
    b.add(words == null ? new MatchAllDocsQuery() : words, Occur.MUST);
    b.add(visibility(q.viewers()), Occur.FILTER);
    filter(b, SearchIndex.KIND, q.kind());
    filter(b, SearchIndex.SECTOR, q.sector());
    filter(b, SearchIndex.REGION, q.region());
    filter(b, SearchIndex.LANGUAGE, q.lang());
    filter(b, SearchIndex.ORGANIZATION, q.org());
    if (q.from() != null || q.to() != null) {
      long lo = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
      long hi = q.to() == null ? Long.MAX_VALUE : q.to().toEpochMilli() - 1;
      b.add(LongPoint.newRangeQuery(SearchIndex.DATE, lo, hi), Occur.FILTER);
    }
    return b.build();
  }

  /** Public entries, plus network entries visible to one of {@code viewers}. */
  private static Query visibility(Set<Long> viewers) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(new Term(SearchIndex.AUDIENCE, "public")), Occur.SHOULD);
    for (Long v : viewers) b.add(new TermQuery(new Term(SearchIndex.VIEWER, v.toString())), Occur.SHOULD);
    return b.build();
  }

  private static void filter(BooleanQuery.Builder b, String field, String value) {
    if (value != null && !value.isBlank()) b.add(new TermQuery(new Term(field, value.trim())), Occur.FILTER);
  }

  /** The free-text part, or null when there is nothing to search for. */
  Query words(String q) {
    if (q == null || q.isBlank()) return null;
    List<Query> perWord = new ArrayList<>();
    for (String w : tokens(name, q)) {
      if (ARTICLES.contains(w)) continue;
      Query one = word(w);
      if (one != null) perWord.add(one);
    }
    if (perWord.isEmpty()) return null;
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    perWord.forEach(w -> b.add(w, Occur.SHOULD));
    int n = perWord.size();
    b.setMinimumNumberShouldMatch(n <= 3 ? n : (int) Math.ceil(n * 0.75));
    return b.build();
  }

  private Query word(String w) {
    List<String> stems = tokens(text, w);
    String key = Transliteration.key(w);
    if (stems.isEmpty() && key.isEmpty()) return null; // a stop word
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (!stems.isEmpty()) {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      stems.forEach(s -> all.add(new TermQuery(new Term(SearchIndex.TEXT, s)), Occur.MUST));
      b.add(all.build(), Occur.SHOULD);
    }
    b.add(new BoostQuery(new TermQuery(new Term(SearchIndex.NAME, w)), 2f), Occur.SHOULD);
    int len = w.codePointCount(0, w.length());
    if (len >= 4) {
      b.add(new BoostQuery(new FuzzyQuery(new Term(SearchIndex.NAME, w), len >= 7 ? 2 : 1, 1, 50, true), 0.5f),
          Occur.SHOULD);
    }
    if (!key.isEmpty()) {
      b.add(new BoostQuery(new TermQuery(new Term(SearchIndex.TRANSLIT, key)), 0.5f), Occur.SHOULD);
    }
    return b.build();
  }

  static List<String> tokens(Analyzer analyzer, String s) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("q", s)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(t.toString());
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analyzing a String does no I/O
    }
    return out;
  }
}
