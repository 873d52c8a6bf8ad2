package org.madani.node.directory.report;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madani.node.directory.DirectoryService;
import org.madani.node.model.DirectoryQuery;
import org.madani.node.model.DirectoryResult;
import org.madani.node.model.Problem;
import org.madani.node.model.Urls;
import org.madani.node.store.CoverageRepository;
import org.madani.node.store.Database;

/**
 * Builds {@link DirectoryReport}s from the directory's facet counts: one search per period (page
 * size 1: only totals and facets are read) and one over the whole range for coverage. The index
 * holds each entry once (keyed by its id) and only entries whose signatures were verified on
 * receipt, so the figures are deduplicated and verified by construction. Thread-safe.
 */
public final class DirectoryReports {

  /**
   * A report of 10 years by month is the most anyone reads; more is refused (each column is a
   * search).
   */
  public static final int MAX_COLUMNS = 120;

  private final Database db;
  private final CoverageRepository coverage;
  private final DirectoryService directory;
  private final Urls urls;
  private final Clock clock;

  public DirectoryReports(
      Database db,
      CoverageRepository coverage,
      DirectoryService directory,
      Urls urls,
      Clock clock) {
    this.db = db;
    this.coverage = coverage;
    this.directory = directory;
    this.urls = urls;
    this.clock = clock;
  }

  /**
   * The report for the periods from the one containing {@code from} through the one containing
   * {@code to} (null: today; null {@code from}: {@link ReportPeriod#defaultCount()} periods). Empty
   * {@code viewers}: public entries only.
   */
  public Future<DirectoryReport> report(
      ReportPeriod period, LocalDate from, LocalDate to, Set<Long> viewers) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate last = period.start(to == null ? today : to);
    LocalDate first =
        from != null ? period.start(from) : back(period, last, period.defaultCount() - 1);
    if (first.isAfter(last))
      return Future.failedFuture(Problem.badRequest("from must not be after to."));
    List<LocalDate> starts = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = period.next(d)) {
      starts.add(d);
      if (starts.size() > MAX_COLUMNS) {
        return Future.failedFuture(
            Problem.badRequest(
                "A report has at most "
                    + MAX_COLUMNS
                    + " periods; choose a longer period or a shorter range."));
      }
    }
    LocalDate end = period.next(last);
    List<Future<DirectoryReport.Column>> columns = new ArrayList<>();
    for (LocalDate s : starts) {
      LocalDate e = period.next(s);
      columns.add(
          directory
              .search(query(s, e, viewers, 1))
              .map(r -> new DirectoryReport.Column(period.label(s), s, e, r.total(), dims(r))));
    }
    // The organization facet of the whole range says who contributed (its 100 largest).
    Future<DirectoryResult> whole = directory.search(query(first, end, viewers, 1));
    Future<Map<String, CoverageRepository.LastSeen>> seen = db.tx(coverage::lastSeen);
    return Future.all(columns)
        .compose(v -> Future.all(whole, seen))
        .map(
            v -> {
              DirectoryResult all = whole.result();
              List<DirectoryReport.Column> cols = new ArrayList<>();
              columns.forEach(f -> cols.add(f.result()));
              return new DirectoryReport(
                  period,
                  first,
                  end.minusDays(1),
                  viewers.isEmpty() ? "public" : "network",
                  all.total(),
                  dims(all),
                  cols,
                  coverage(all, seen.result()),
                  clock.instant());
            });
  }

  private DirectoryReport.Coverage coverage(
      DirectoryResult all, Map<String, CoverageRepository.LastSeen> seen) {
    List<DirectoryReport.Origin> origins = new ArrayList<>();
    Set<String> nodes = new LinkedHashSet<>();
    long local = 0;
    long received = 0;
    for (var org : all.facets().getOrDefault("organization", Map.of()).entrySet()) {
      String id = org.getKey();
      boolean isLocal = id.startsWith(urls.root() + "/");
      String node = host(id);
      nodes.add(node);
      CoverageRepository.LastSeen s = seen.get(id);
      if (isLocal) local += org.getValue();
      else received += org.getValue();
      origins.add(
          new DirectoryReport.Origin(
              id,
              all.organizations().getOrDefault(id, Map.of()),
              node,
              isLocal,
              org.getValue(),
              s == null ? null : s.lastSynced(),
              s == null ? null : s.lastReceived()));
    }
    return new DirectoryReport.Coverage(nodes.size(), origins.size(), local, received, origins);
  }

  private static Map<String, Map<String, Long>> dims(DirectoryResult r) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (String d : DirectoryReport.DIMENSIONS)
      out.put(d, new LinkedHashMap<>(r.facets().getOrDefault(d, Map.of())));
    return out;
  }

  private static DirectoryQuery query(LocalDate from, LocalDate to, Set<Long> viewers, int size) {
    return new DirectoryQuery(
        null,
        null,
        null,
        null,
        from.atStartOfDay(ZoneOffset.UTC).toInstant(),
        to.atStartOfDay(ZoneOffset.UTC).toInstant(),
        null,
        null,
        DirectoryQuery.Sort.DATE,
        1,
        size,
        viewers);
  }

  private static LocalDate back(ReportPeriod p, LocalDate start, int n) {
    return switch (p) {
      case MONTH -> start.minusMonths(n);
      case QUARTER -> start.minusMonths(3L * n);
      case YEAR -> start.minusYears(n);
    };
  }

  static String host(String url) {
    try {
      String h = java.net.URI.create(url).getAuthority();
      return h == null ? url : h;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}
