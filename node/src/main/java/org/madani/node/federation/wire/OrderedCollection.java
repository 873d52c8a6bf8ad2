package org.madani.node.federation.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.madani.node.federation.ActivityStreams;

/**
 * An {@code OrderedCollection} without items (ordered-collection.schema.json,
 * collection.schema.json): the outbox, which names its {@code first} page, and the follower
 * collections, which show only their size (who follows an at-risk group is private).
 */
@JsonInclude(Include.NON_NULL)
public record OrderedCollection(
    @JsonProperty("@context") String context,
    String id,
    String type,
    long totalItems,
    String first) {

  public static OrderedCollection of(String id, long totalItems, String first) {
    return new OrderedCollection(
        ActivityStreams.CONTEXT, id, "OrderedCollection", totalItems, first);
  }

  public static OrderedCollection sizeOnly(String id, long totalItems) {
    return of(id, totalItems, null);
  }
}
