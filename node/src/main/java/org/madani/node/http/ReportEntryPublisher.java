package org.madani.node.http;

import io.vertx.core.Future;
import org.madani.node.content.EntryService;
import org.madani.node.content.Taxonomies;
import org.madani.node.directory.report.DirectoryReport;
import org.madani.node.directory.report.ReportSchedules;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Urls;

/**
 * Publishes a {@link DirectoryReport} as a Report entry (the same document "publish now" makes),
 * for the report scheduler. Lives here because the entry's wording and CSV link are {@link
 * ReportFormats}'s. Thread-safe.
 */
public final class ReportEntryPublisher implements ReportSchedules.Publisher {

  private final EntryService entries;
  private final ReportFormats formats;
  private final Urls urls;

  public ReportEntryPublisher(
      EntryService entries, Taxonomies taxonomies, JsonCodec json, Urls urls) {
    this.entries = entries;
    this.formats = new ReportFormats(json.mapper(), taxonomies);
    this.urls = urls;
  }

  @Override
  public Future<String> publish(String handle, DirectoryReport report, ReportSchedules.Step step) {
    return entries
        .create(
            handle,
            formats.entryDocument(
                report, urls.root() + "/reports.csv" + ReportRoutes.query(report)),
            (c, e) -> step.run(c))
        .map(e -> e.id());
  }
}
