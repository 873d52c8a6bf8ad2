package org.madani.node.federation.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;

/**
 * An activity envelope an organization sends (protocol-spec/schemas/activity-*.schema.json): the
 * object is embedded as the tree it is (an entry, a tombstone, an actor, another activity) or named
 * by its id; the audience is present for content activities. Signed after serialization.
 */
@JsonInclude(Include.NON_NULL)
public record Activity(
    @JsonProperty("@context") JsonNode context,
    String id,
    String type,
    String actor,
    @JsonSerialize(using = ToStringSerializer.class) Instant published,
    JsonNode object,
    JsonNode to,
    JsonNode cc) {}
