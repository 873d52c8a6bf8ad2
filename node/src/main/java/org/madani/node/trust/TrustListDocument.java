package org.madani.node.trust;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.List;

/**
 * A block or allow list as it is published and exported, before its eddsa-jcs-2022 proof is added
 * (protocol-spec/schemas/trust-list.schema.json, trust.md "Shared lists"). Serialized by Jackson in
 * component order.
 *
 * @param id where the issuer's node publishes the list; binds the list to the issuer's origin
 */
public record TrustListDocument(
    String id,
    String type,
    int version,
    String list,
    String issuer,
    @JsonSerialize(using = ToStringSerializer.class) Instant published,
    List<Item> items) {

  public static final String TYPE = "MadaniTrustList";

  public TrustListDocument {
    items = List.copyOf(items);
  }

  /** The list {@code list} of {@code issuer}, published at {@code id}. */
  public static TrustListDocument of(String id, TrustList list, String issuer, Instant published) {
    return new TrustListDocument(
        id,
        TYPE,
        1,
        list.name(),
        issuer,
        published,
        list.items().stream()
            .map(i -> new Item(i.type(), i.subject(), i.level().wireName(), i.note()))
            .toList());
  }

  /** One subject and its level; the note only when there is one. */
  @JsonInclude(Include.NON_NULL)
  public record Item(String type, String subject, String level, String note) {}
}
