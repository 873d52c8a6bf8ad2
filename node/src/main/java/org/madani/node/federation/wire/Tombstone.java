package org.madani.node.federation.wire;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;

/**
 * What a {@code Delete} carries in place of a deleted entry
 * (protocol-spec/schemas/object.schema.json).
 */
public record Tombstone(
    String id,
    String type,
    String formerType,
    @JsonSerialize(using = ToStringSerializer.class) Instant deleted) {

  public Tombstone(String id, String formerType, Instant deleted) {
    this(id, "Tombstone", formerType, deleted);
  }
}
