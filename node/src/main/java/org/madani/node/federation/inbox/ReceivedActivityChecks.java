package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.madani.node.content.Taxonomies;
import org.madani.node.json.StrictUtf8;
import org.madani.node.model.Problem;

/**
 * What a received activity must satisfy beyond its signature and origin ({@link OriginRules}),
 * checked before it is stored (a refusal stores nothing): whether its content fits the protocol's
 * shapes and taxonomies. The same content checks apply to items that arrive by catch-up or from a
 * peer's mirror ({@code federation.sync.MirrorService}), not only to the inbox. Immutable;
 * thread-safe.
 */
public final class ReceivedActivityChecks {

  /** More terms than any real entry carries; a peer sending more is padding the facets. */
  private static final int MAX_TERMS = 50;

  private final Taxonomies taxonomies;

  public ReceivedActivityChecks(Taxonomies taxonomies) {
    this.taxonomies = taxonomies;
  }

  /**
   * The content must be text a signature can cover as it is (no lone surrogates through {@code
   * \\uD800} escapes) and use the shared taxonomies (protocol-spec/taxonomies): a made-up sector or
   * region would otherwise appear in the directory's facets and reports. Fails with 422 naming each
   * unknown term.
   */
  public void content(JsonNode activity) {
    content(activity, null);
  }

  /**
   * As {@link #content(JsonNode)}, for an activity parsed from {@code text}, the exact JSON text it
   * was read from (null when not known). A lone surrogate reaches a parsed tree only through a
   * {@code \\uD800}–{@code \\uDFFF} escape, so a text without such an escape spares the walk over
   * every string of the tree: a log item is some 10 KB of them, its contexts mostly, and a catch-up
   * checks thousands of items (issue 13).
   */
  public void content(JsonNode activity, String text) {
    if ((text == null || StrictUtf8.mayEscapeSurrogate(text)) && hasLoneSurrogate(activity, 0)) {
      throw Problem.of(
              400,
              "malformed-text",
              "Malformed text",
              "The activity contains an unpaired surrogate escape (\\uD800–\\uDFFF).")
          .exception();
    }
    JsonNode object = activity.get("object");
    if (object == null || !object.isObject()) return;
    List<Map<String, String>> errors = new ArrayList<>();
    terms(object.get("sectors"), "/object/sectors", true, errors);
    terms(object.get("regions"), "/object/regions", false, errors);
    JsonNode region = object.path("location").get("region");
    if (region != null && !region.isNull()) terms(region, "/object/location/region", false, errors);
    if (!errors.isEmpty()) {
      throw Problem.of(
              422,
              "validation",
              "Content not valid",
              "The object uses terms outside the shared taxonomies.")
          .with("errors", errors)
          .exception();
    }
  }

  private void terms(
      JsonNode node, String pointer, boolean sectors, List<Map<String, String>> errors) {
    if (node == null || node.isNull()) return;
    if (node.isTextual()) {
      term(node.asText(), pointer, sectors, errors);
      return;
    }
    if (!node.isArray() || node.size() > MAX_TERMS) {
      errors.add(
          Map.of(
              "pointer",
              pointer,
              "message",
              "must be an array of at most " + MAX_TERMS + " term ids"));
      return;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode t = node.get(i);
      if (!t.isTextual()) {
        errors.add(Map.of("pointer", pointer + "/" + i, "message", "must be a term id"));
      } else {
        term(t.asText(), pointer + "/" + i, sectors, errors);
      }
    }
  }

  private void term(String id, String pointer, boolean sector, List<Map<String, String>> errors) {
    boolean known = sector ? taxonomies.sector(id).isPresent() : taxonomies.region(id).isPresent();
    if (!known) {
      errors.add(
          Map.of("pointer", pointer, "message", "unknown " + (sector ? "sector" : "region")));
    }
  }

  private static boolean hasLoneSurrogate(JsonNode n, int depth) {
    if (n.isTextual()) return StrictUtf8.hasLoneSurrogate(n.asText());
    if (n.isObject()) {
      for (var e : n.properties()) {
        if (StrictUtf8.hasLoneSurrogate(e.getKey()) || hasLoneSurrogate(e.getValue(), depth + 1))
          return true;
      }
    } else if (n.isArray()) {
      for (JsonNode e : n) {
        if (hasLoneSurrogate(e, depth + 1)) return true;
      }
    }
    return false;
  }
}
