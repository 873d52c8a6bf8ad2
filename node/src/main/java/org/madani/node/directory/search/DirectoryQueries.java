package org.madani.node.directory.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.madani.node.model.DirectoryQuery;

/**
 * Turns a {@link DirectoryQuery} into a Lucene query. Free text is split into words (folded, not
 * stemmed); each word matches when any of these does: its stem in the text, the word itself in a
 * title or organization name (boosted), a near spelling of it in a name (fuzzy: one edit from 4
 * letters, two from 7; the first letter must be right, which keeps fuzzy cheap), or its
 * transliteration key against organization names. A word with a hamza inside also matches its
 * hamza-unified spelling ({@link HamzaVariantFilter}: tokens at one position are alternatives).
 * Words that name a region (label or taxonomy alias, {@link PlaceNames}: "Halab", "Deir Ezzor")
 * count as one word that matches entries in that region or text naming it in either language. Words
 * are all required up to three words, three in four beyond that. Filters do not score. Thread-safe.
 */
final class DirectoryQueries {

  /** Latin spellings of the Arabic article, written as a word of their own ("al Nakheel"). */
  private static final Set<String> ARTICLES = Set.of("al", "el");

  private final Analyzer text;
  private final Analyzer name;
  private final PlaceNames places;

  /** With the region names of the protocol's own taxonomy (on the classpath). */
  DirectoryQueries(Analyzer text, Analyzer name) {
    this(
        text,
        name,
        PlaceNames.of(
            new org.madani.node.content.Taxonomies(
                new com.fasterxml.jackson.databind.ObjectMapper()),
            name));
  }

  DirectoryQueries(Analyzer text, Analyzer name, PlaceNames places) {
    this.text = text;
    this.name = name;
    this.places = places;
  }

  /** The query with near spellings of names ({@code fuzzy}) or without. */
  Query build(DirectoryQuery q, boolean fuzzy) {
    return build(q, fuzzy, t -> false);
  }

  /**
   * The query with near spellings of names ({@code fuzzy}) or without, leaving out the filters on a
   * term every document of the reader searched carries ({@code everywhere}): such a filter changes
   * no answer, but a conjunction advances its postings at every hit (a directory of public entries
   * of one kind paid about a tenth of each search for "audience:public" and "kind").
   */
  Query build(DirectoryQuery q, boolean fuzzy, Predicate<Term> everywhere) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    Query words = q.q() == null || q.q().isBlank() ? null : typed(q.q(), fuzzy);
    b.add(words == null ? new MatchAllDocsQuery() : words, Occur.MUST);
    if (!everywhere.test(PUBLIC)) b.add(visibility(q.viewers()), Occur.FILTER);
    filter(b, SearchIndex.KIND, q.kind(), everywhere);
    filter(b, SearchIndex.SECTOR, q.sector(), everywhere);
    filter(b, SearchIndex.REGION, q.region(), everywhere);
    filter(b, SearchIndex.LANGUAGE, q.lang(), everywhere);
    filter(b, SearchIndex.ORGANIZATION, q.org(), everywhere);
    if (q.from() != null || q.to() != null) {
      long lo = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
      long hi = q.to() == null ? Long.MAX_VALUE : q.to().toEpochMilli() - 1;
      b.add(LongPoint.newRangeQuery(SearchIndex.DATE, lo, hi), Occur.FILTER);
    }
    return b.build();
  }

  private static final Term PUBLIC = new Term(SearchIndex.AUDIENCE, "public");

  /** Public entries, plus network entries visible to one of {@code viewers}. */
  private static Query visibility(Set<Long> viewers) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermQuery(PUBLIC), Occur.SHOULD);
    for (Long v : viewers)
      b.add(new TermQuery(new Term(SearchIndex.VIEWER, v.toString())), Occur.SHOULD);
    return b.build();
  }

  private static void filter(
      BooleanQuery.Builder b, String field, String value, Predicate<Term> everywhere) {
    if (value == null || value.isBlank()) return;
    Term t = new Term(field, value.trim());
    if (!everywhere.test(t)) b.add(new TermQuery(t), Occur.FILTER);
  }

  /** Whether {@code q} has a word long enough for near spellings ({@link #build} differs). */
  boolean hasFuzzyWords(String q) {
    if (q == null || q.isBlank()) return false;
    for (List<String> alternatives : positions(name, q)) {
      for (String w : alternatives) if (w.codePointCount(0, w.length()) >= 4) return true;
    }
    return false;
  }

  /**
   * The free-text part of the text typed, remembered: people ask the same words again with other
   * filters, sorts and pages, and analyzing them (stems, hamza variants, transliteration, place
   * names) was a tenth of a search while the code was still cold. Queries are immutable.
   */
  private Query typed(String q, boolean fuzzy) {
    return typedWords
        .get(new Typed(q, fuzzy), t -> Optional.ofNullable(words(t.q(), t.fuzzy())))
        .orElse(null);
  }

  private record Typed(String q, boolean fuzzy) {}

  private final Cache<Typed, Optional<Query>> typedWords =
      Caffeine.newBuilder().maximumSize(512).executor(Runnable::run).build();

  /** The free-text part, or null when there is nothing to search for. */
  Query words(String q, boolean fuzzy) {
    if (q == null || q.isBlank()) return null;
    List<List<String>> positions = positions(name, q);
    List<String> firsts = new ArrayList<>();
    positions.forEach(p -> firsts.add(p.get(0)));
    List<Query> perWord = new ArrayList<>();
    int i = 0;
    for (PlaceNames.Match m : places.find(firsts)) {
      for (; i < m.from(); i++) add(perWord, positions.get(i), fuzzy);
      perWord.add(place(m.regionId()));
      i = m.to();
    }
    for (; i < positions.size(); i++) add(perWord, positions.get(i), fuzzy);
    if (perWord.isEmpty()) return null;
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    perWord.forEach(w -> b.add(w, Occur.SHOULD));
    int n = perWord.size();
    b.setMinimumNumberShouldMatch(n <= 3 ? n : (int) Math.ceil(n * 0.75));
    return b.build();
  }

  private void add(List<Query> perWord, List<String> alternatives, boolean fuzzy) {
    if (ARTICLES.contains(alternatives.get(0))) return;
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int n = 0;
    for (String w : alternatives) {
      Query one = word(w, fuzzy);
      if (one != null) {
        any.add(one, Occur.SHOULD);
        n++;
      }
    }
    if (n == 1) {
      perWord.add(any.build().clauses().get(0).getQuery());
    } else if (n > 1) {
      perWord.add(any.build());
    }
  }

  /** A region named in the query: entries filed under it, or text naming it in either language. */
  private Query place(String regionId) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new BoostQuery(new TermQuery(new Term(SearchIndex.REGION, regionId)), 2f), Occur.SHOULD);
    for (String label : places.labels(regionId)) {
      List<List<String>> stems = positions(text, label);
      if (stems.isEmpty()) continue;
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      for (List<String> alternatives : stems) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        alternatives.forEach(
            s -> any.add(new TermQuery(new Term(SearchIndex.TEXT, s)), Occur.SHOULD));
        all.add(any.build(), Occur.MUST);
      }
      b.add(all.build(), Occur.SHOULD);
    }
    return b.build();
  }

  private Query word(String w, boolean fuzzy) {
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
    if (fuzzy && len >= 4) {
      b.add(
          new BoostQuery(
              new FuzzyQuery(new Term(SearchIndex.NAME, w), len >= 7 ? 2 : 1, 1, 50, true), 0.5f),
          Occur.SHOULD);
    }
    if (!key.isEmpty()) {
      b.add(new BoostQuery(new TermQuery(new Term(SearchIndex.TRANSLIT, key)), 0.5f), Occur.SHOULD);
    }
    return b.build();
  }

  /** The tokens of {@code s} grouped by position: tokens at one position are alternatives. */
  static List<List<String>> positions(Analyzer analyzer, String s) {
    List<List<String>> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("q", s)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() == 0 && !out.isEmpty()) {
          out.get(out.size() - 1).add(t.toString());
        } else {
          out.add(new ArrayList<>(List.of(t.toString())));
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analyzing a String does no I/O
    }
    return out;
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
