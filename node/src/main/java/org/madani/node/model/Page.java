package org.madani.node.model;

import java.util.List;

/** One page of results and the total count across all pages. */
public record Page<T>(List<T> items, int page, int pageSize, long total) {
  public Page {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return (long) page * pageSize < total;
  }
}
