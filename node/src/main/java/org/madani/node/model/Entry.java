package org.madani.node.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One published entry (event, project, …) of a hosted organization. {@code document} holds the
 * user-supplied fields as validated; id, version and timestamps are the record's own.
 */
public record Entry(
    String id,
    long orgId,
    EntryKind kind,
    Visibility visibility,
    ObjectNode document,
    int version,
    Instant startTime,
    Instant created,
    Instant updated) {
  public Entry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(document, "document");
    if (version < 1) throw new IllegalArgumentException("version < 1");
  }
}
