package org.madani.node.federation.wire;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entry as an ActivityStreams object (protocol-spec/schemas/object.schema.json, federation.md
 * §2): the AS2 properties every consumer reads, in this order, then every other entry field under
 * its Madani term ({@code terms}, in the entry's own order). Text is a plain value (Arabic first)
 * beside its language map. Signed after serialization (integrity.md).
 *
 * @param terms the entry's remaining fields (sectors, regions, startTime, category, …) as stored
 */
@JsonInclude(Include.NON_NULL)
public record EntryObject(
    @JsonProperty("@context") JsonNode context,
    String id,
    String type,
    String kind,
    String attributedTo,
    String name,
    JsonNode nameMap,
    String summary,
    JsonNode summaryMap,
    String content,
    JsonNode contentMap,
    String url,
    @JsonSerialize(using = ToStringSerializer.class) Instant published,
    @JsonSerialize(using = ToStringSerializer.class) Instant updated,
    String visibility,
    List<String> to,
    List<String> cc,
    Place location,
    Image image,
    @JsonInclude(Include.NON_EMPTY) List<Hashtag> tag,
    @JsonAnyGetter Map<String, JsonNode> terms) {

  public EntryObject {
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    tag = List.copyOf(tag);
    terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
  }

  /** Where an event is held. */
  @JsonInclude(Include.NON_NULL)
  public record Place(
      String type,
      String name,
      JsonNode nameMap,
      String address,
      JsonNode addressMap,
      JsonNode region,
      JsonNode latitude,
      JsonNode longitude) {}

  /** The entry's picture, with its alternative text. */
  @JsonInclude(Include.NON_NULL)
  public record Image(String type, String url, String name, JsonNode nameMap) {}

  /** One of the entry's keywords. */
  public record Hashtag(String type, String name) {

    public Hashtag(String name) {
      this("Hashtag", name);
    }
  }
}
