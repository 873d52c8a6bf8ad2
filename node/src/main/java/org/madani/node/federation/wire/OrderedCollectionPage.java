package org.madani.node.federation.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.madani.node.federation.ActivityStreams;

/**
 * One page of an ordered collection: an outbox page (ordered-collection-page.schema.json) or a page
 * of an organization's log or of a mirror (log-page.schema.json, mirror-page.schema.json). Each
 * item is a stored activity as it was signed, with its own {@code @context} and proof, so it stays
 * a tree. {@code next} is absent on the last page.
 */
@JsonInclude(Include.NON_NULL)
public record OrderedCollectionPage(
    @JsonProperty("@context") String context,
    String id,
    String type,
    String partOf,
    @JsonInclude(Include.ALWAYS) List<JsonNode> orderedItems,
    String next) {

  public OrderedCollectionPage {
    orderedItems = List.copyOf(orderedItems);
  }

  public static OrderedCollectionPage of(
      String id, String partOf, List<JsonNode> items, String next) {
    return new OrderedCollectionPage(
        ActivityStreams.CONTEXT, id, "OrderedCollectionPage", partOf, items, next);
  }
}
