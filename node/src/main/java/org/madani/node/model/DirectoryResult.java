package org.madani.node.model;

import java.util.List;
import java.util.Map;

/**
 * One page of directory results, the total, and facet counts over all matches.
 *
 * @param facets per dimension ({@code kind, sector, region, language, organization}) the count of
 *     matching entries per value, most frequent first. Counts are over the filtered result set.
 * @param organizations names (language maps) of the organizations in the organization facet
 */
public record DirectoryResult(
    List<DirectoryEntry> items,
    int page,
    int pageSize,
    long total,
    Map<String, Map<String, Long>> facets,
    Map<String, Map<String, String>> organizations) {

  public static final List<String> DIMENSIONS =
      List.of("kind", "sector", "region", "language", "organization");

  public DirectoryResult {
    items = List.copyOf(items);
    // Order matters (most frequent first): keep the callers' LinkedHashMaps, read-only.
    facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
    organizations = Map.copyOf(organizations);
  }

  public boolean hasNext() {
    return (long) page * pageSize < total;
  }
}
