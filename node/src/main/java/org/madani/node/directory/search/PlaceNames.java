package org.madani.node.directory.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.madani.node.content.Taxonomies;

/**
 * The names a region goes by — its Arabic and English labels and the taxonomy's {@code aliases}
 * (Latin transliterations such as "Halab", "Idleb", "Deir Ezzor", "Rakka") — as word sequences
 * folded by the name analyzer, so a query can say which of its words name a region: "Halab" then
 * finds entries in {@code sy-aleppo} and text saying «حلب» or "Aleppo". Immutable after
 * construction; thread-safe.
 */
final class PlaceNames {

  /** One way of writing a region: its words as the name analyzer gives them. */
  record Name(String regionId, List<String> words) {}

  /** A region named by words {@code [from, to)} of a query. */
  record Match(String regionId, int from, int to) {}

  private final List<Name> names;
  private final Map<String, List<String>> labels;

  private PlaceNames(List<Name> names, Map<String, List<String>> labels) {
    this.names = names;
    this.labels = labels;
  }

  static PlaceNames none() {
    return new PlaceNames(List.of(), Map.of());
  }

  /** From the regions taxonomy; {@code name}: the analyzer query words go through. */
  static PlaceNames of(Taxonomies taxonomies, Analyzer name) {
    List<Name> names = new ArrayList<>();
    Map<String, List<String>> labels = new java.util.HashMap<>();
    for (Taxonomies.Term t : taxonomies.regions().values()) {
      Set<String> spellings = new LinkedHashSet<>(t.label().values());
      labels.put(t.id(), List.copyOf(spellings));
      spellings.addAll(t.aliases());
      for (String s : spellings) {
        List<String> words = firstOfEachPosition(name, s);
        if (!words.isEmpty()) names.add(new Name(t.id(), words));
      }
    }
    // Longest first: "Deir ez Zor" must win over any one-word name inside it.
    names.sort(Comparator.comparingInt((Name n) -> -n.words().size()));
    return new PlaceNames(List.copyOf(names), Map.copyOf(labels));
  }

  /** The labels (ar, en) of a region, as written in the taxonomy. */
  List<String> labels(String regionId) {
    return labels.getOrDefault(regionId, List.of());
  }

  /** Regions named in {@code words} (the query's words), left to right, not overlapping. */
  List<Match> find(List<String> words) {
    List<Match> out = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      Match m = at(words, i);
      if (m == null) {
        i++;
      } else {
        out.add(m);
        i = m.to();
      }
    }
    return out;
  }

  private Match at(List<String> words, int i) {
    for (Name n : names) {
      int k = n.words().size();
      if (i + k <= words.size() && words.subList(i, i + k).equals(n.words()))
        return new Match(n.regionId(), i, i + k);
    }
    return null;
  }

  /** The words of {@code s}, one per position (the carrier-folded form, not a hamza variant). */
  static List<String> firstOfEachPosition(Analyzer analyzer, String s) {
    List<String> out = new ArrayList<>();
    for (List<String> alternatives : DirectoryQueries.positions(analyzer, s))
      out.add(alternatives.get(0));
    return out;
  }
}
