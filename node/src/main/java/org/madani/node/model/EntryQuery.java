package org.madani.node.model;

import java.time.Instant;

/**
 * Filters and paging for listing one organization's entries. Null fields do not filter. {@code
 * from}/{@code to} bound an event's start time.
 */
public record EntryQuery(
    EntryKind kind,
    Visibility visibility,
    String sector,
    String region,
    Instant from,
    Instant to,
    int page,
    int pageSize) {
  public static final int MAX_PAGE_SIZE = 100;

  public EntryQuery {
    if (page < 1) throw new IllegalArgumentException("page must be >= 1");
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be 1.." + MAX_PAGE_SIZE);
    }
  }

  public int offset() {
    return (page - 1) * pageSize;
  }
}
