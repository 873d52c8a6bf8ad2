package org.madani.node.directory.search;

import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The two analyzers of the directory index. Both fold Arabic spelling variants ({@link
 * ArabicNormalizer}) and lower-case Latin text, so a mixed Arabic/English query needs no language
 * detection: every token goes through the same chain, and each stemmer only touches its own script
 * (the Arabic light stemmer strips Arabic affixes, Porter only Latin suffixes).
 *
 * <p>Words with a hamza inside get a second token with the hamza unified ({@link
 * HamzaVariantFilter}) at the same position; query parsing treats tokens at one position as
 * alternatives.
 *
 * <ul>
 *   <li>{@link #text()}: folding, Arabic and English stop words, Arabic light stemming (ال, و, ب…
 *       prefixes; ة, ات, ون… suffixes) and Porter stemming ("organizing" and "organization" meet at
 *       "organ"). Used for all searchable text.
 *   <li>{@link #name()}: folding only, no stop words, no stemming. Used for titles and organization
 *       names, where fuzzy queries absorb typos and stemming would only blur them.
 * </ul>
 *
 * Analyzers are thread-safe (Lucene reuses per-thread components).
 */
public final class DirectoryAnalyzers {

  private DirectoryAnalyzers() {}

  /** Arabic (folded, as they will be compared) and English stop words. */
  static CharArraySet stopWords() {
    Set<String> words = new HashSet<>();
    for (Object w : ArabicAnalyzer.getDefaultStopSet()) {
      words.add(ArabicNormalizer.normalize(new String((char[]) w)));
    }
    for (Object w : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) words.add(new String((char[]) w));
    words.remove(""); // a stop word made only of marks would fold to nothing
    return CharArraySet.unmodifiableSet(new CharArraySet(words, false));
  }

  public static Analyzer text() {
    CharArraySet stop = stopWords();
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new EnglishPossessiveFilter(source);
        s = new LowerCaseFilter(s);
        s = new HamzaVariantFilter(s);
        s = new ArabicFoldingFilter(s);
        s = new StopFilter(s, stop);
        s = new ArabicStemFilter(s);
        s = new PorterStemFilter(s);
        return new TokenStreamComponents(source, s);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ArabicFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  public static Analyzer name() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s =
            new ArabicFoldingFilter(new HamzaVariantFilter(new LowerCaseFilter(source)));
        return new TokenStreamComponents(source, s);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ArabicFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }
}
