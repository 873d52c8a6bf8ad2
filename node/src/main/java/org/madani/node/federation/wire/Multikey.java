package org.madani.node.federation.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;

/**
 * A FEP-521a Multikey (Controlled Identifiers): an Ed25519 key as {@code z6Mk…}, with the bounds of
 * a rotated-out ({@code expires}) or revoked ({@code revoked}) key when it has them.
 */
@JsonInclude(Include.NON_NULL)
public record Multikey(
    String id,
    String type,
    String controller,
    String publicKeyMultibase,
    @JsonSerialize(using = ToStringSerializer.class) Instant expires,
    @JsonSerialize(using = ToStringSerializer.class) Instant revoked) {

  public Multikey(
      String id, String controller, String publicKeyMultibase, Instant expires, Instant revoked) {
    this(id, "Multikey", controller, publicKeyMultibase, expires, revoked);
  }
}
