package org.madani.node.directory.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Statistics of the directory over {@code [from, to)}, one column per period.
 *
 * @param scope {@code public} or {@code network} (network entries addressed to this node's
 *     organizations included)
 * @param totals over the whole range: per dimension ({@code kind}, {@code sector}, {@code region})
 *     the number of entries per value, most frequent first
 * @param columns one per period, in order
 */
public record DirectoryReport(
    ReportPeriod period,
    LocalDate from,
    LocalDate to,
    String scope,
    long total,
    Map<String, Map<String, Long>> totals,
    List<Column> columns,
    Coverage coverage,
    Instant generated) {

  public static final List<String> DIMENSIONS = List.of("kind", "sector", "region");

  public DirectoryReport {
    columns = List.copyOf(columns);
  }

  /** One period: {@code [start, end)}. */
  public record Column(
      String label,
      LocalDate start,
      LocalDate end,
      long total,
      Map<String, Map<String, Long>> counts) {}

  /**
   * Where the figures come from.
   *
   * @param nodes distinct nodes (origins' hosts) with entries in the range
   * @param organizations distinct organizations with entries in the range
   * @param origins per organization: its entries in the range and when it was last heard from
   */
  public record Coverage(
      int nodes, int organizations, long localEntries, long receivedEntries, List<Origin> origins) {
    public Coverage {
      origins = List.copyOf(origins);
    }
  }

  /**
   * @param lastSynced when its log was last caught up with (mirror), null if never
   * @param lastReceived the newest change received from it, null for our own organizations
   */
  public record Origin(
      String organization,
      Map<String, String> name,
      String node,
      boolean local,
      long entries,
      Instant lastSynced,
      Instant lastReceived) {}
}
