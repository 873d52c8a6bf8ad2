package org.madani.node.model;

import java.time.Instant;
import java.util.Set;

/**
 * A directory search. Null or blank fields do not filter. {@code q} is free text in Arabic, English
 * or both. {@code from}/{@code to} bound {@link DirectoryEntry#date()} (to exclusive).
 *
 * @param viewers hosted organizations on whose behalf the search runs: network entries visible to
 *     any of them are included. Empty: public entries only (public pages, anonymous API).
 */
public record DirectoryQuery(
    String q,
    String kind,
    String sector,
    String region,
    Instant from,
    Instant to,
    String lang,
    String org,
    Sort sort,
    int page,
    int pageSize,
    Set<Long> viewers) {

  public static final int MAX_PAGE_SIZE = 100;

  /** Deep paging costs memory per request; nobody reads page 500 of a directory. */
  public static final int MAX_WINDOW = 10_000;

  public static final int MAX_QUERY_LENGTH = 500;

  public enum Sort {
    RELEVANCE,
    DATE
  }

  public DirectoryQuery {
    if (page < 1) throw new IllegalArgumentException("page must be >= 1");
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be 1.." + MAX_PAGE_SIZE);
    }
    if ((long) page * pageSize > MAX_WINDOW) {
      throw new IllegalArgumentException("page * pageSize must not exceed " + MAX_WINDOW);
    }
    if (q != null && q.length() > MAX_QUERY_LENGTH) {
      throw new IllegalArgumentException("q must be at most " + MAX_QUERY_LENGTH + " characters");
    }
    if (sort == null) sort = q == null || q.isBlank() ? Sort.DATE : Sort.RELEVANCE;
    viewers = Set.copyOf(viewers == null ? Set.of() : viewers);
  }

  /** Everything public, newest first: the start of a builder-like chain in tests and pages. */
  public static DirectoryQuery all() {
    return new DirectoryQuery(
        null, null, null, null, null, null, null, null, null, 1, 20, Set.of());
  }

  public DirectoryQuery withQ(String text) {
    return new DirectoryQuery(
        text, kind, sector, region, from, to, lang, org, null, page, pageSize, viewers);
  }

  public DirectoryQuery withViewers(Set<Long> ids) {
    return new DirectoryQuery(
        q, kind, sector, region, from, to, lang, org, sort, page, pageSize, ids);
  }

  public int offset() {
    return (page - 1) * pageSize;
  }
}
