package org.madani.node.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shared sector and region taxonomies of protocol-spec, with Arabic and English labels.
 * Immutable after construction; safe to share.
 */
public final class Taxonomies {

  /**
   * One term: its id, labels by language, for regions its type and parent, and other spellings
   * people type for it ({@code aliases}: search only, never shown).
   */
  public record Term(
      String id,
      Map<String, String> label,
      String type,
      String parent,
      java.util.List<String> aliases) {
    public Term {
      aliases = aliases == null ? java.util.List.of() : java.util.List.copyOf(aliases);
    }

    public Term(String id, Map<String, String> label, String type, String parent) {
      this(id, label, type, parent, java.util.List.of());
    }

    public String label(String lang) {
      String l = label.get(lang);
      return l != null
          ? l
          : label.getOrDefault("en", label.values().stream().findFirst().orElse(id));
    }
  }

  private final Map<String, Term> sectors;
  private final Map<String, Term> regions;

  public Taxonomies(ObjectMapper json) {
    this.sectors = load(json, "sectors.json");
    this.regions = load(json, "regions.json");
  }

  public Optional<Term> sector(String id) {
    return Optional.ofNullable(sectors.get(id));
  }

  public Optional<Term> region(String id) {
    return Optional.ofNullable(regions.get(id));
  }

  public Map<String, Term> sectors() {
    return sectors;
  }

  public Map<String, Term> regions() {
    return regions;
  }

  private static Map<String, Term> load(ObjectMapper json, String file) {
    String path = "/protocol-spec/taxonomies/" + file;
    try (InputStream in = Taxonomies.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("taxonomy missing from classpath: " + path);
      JsonNode root = json.readTree(in);
      Map<String, Term> terms = new LinkedHashMap<>();
      for (JsonNode t : root.path("terms")) {
        Map<String, String> labels = new LinkedHashMap<>();
        java.util.List<String> aliases = new java.util.ArrayList<>();
        t.path("aliases").forEach(a -> aliases.add(a.asText()));
        t.path("label").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        terms.put(
            t.path("id").asText(),
            new Term(
                t.path("id").asText(),
                Map.copyOf(labels),
                t.hasNonNull("type") ? t.get("type").asText() : null,
                t.hasNonNull("parent") ? t.get("parent").asText() : null,
                aliases));
      }
      return Collections.unmodifiableMap(terms);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
