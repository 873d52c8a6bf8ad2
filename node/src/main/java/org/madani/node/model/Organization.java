package org.madani.node.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * An organization hosted on this node. {@code profile} is the validated profile document
 * (protocol-spec/schemas/profile.schema.json) without server-managed fields.
 */
public record Organization(
    long id, String handle, ObjectNode profile, int version, Instant created, Instant updated) {
  public Organization {
    Objects.requireNonNull(handle, "handle");
    Objects.requireNonNull(profile, "profile");
    if (version < 1) throw new IllegalArgumentException("version < 1");
  }
}
