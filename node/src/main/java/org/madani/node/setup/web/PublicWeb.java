package org.madani.node.setup.web;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import org.madani.node.config.NodeConfig;
import org.madani.node.content.ImageSanitizer;
import org.madani.node.directory.report.DirectoryReports;
import org.madani.node.directory.report.ReportScheduler;
import org.madani.node.directory.report.ReportSchedules;
import org.madani.node.federation.remotefollow.RemoteFollowLookup;
import org.madani.node.http.DirectoryPages;
import org.madani.node.http.DirectoryRoutes;
import org.madani.node.http.DiscoveryRoutes;
import org.madani.node.http.ExportRoutes;
import org.madani.node.http.FeedRoutes;
import org.madani.node.http.MediaRoutes;
import org.madani.node.http.PublicPages;
import org.madani.node.http.ReportEntryPublisher;
import org.madani.node.http.ReportRoutes;
import org.madani.node.http.ReportScheduleRoutes;
import org.madani.node.http.collab.CollabWeb;
import org.madani.node.http.pages.DirectoryPageRenderer;
import org.madani.node.http.pages.ErrorPageRenderer;
import org.madani.node.http.pages.LandingPageRenderer;
import org.madani.node.http.pages.PageRenderer;
import org.madani.node.http.pages.ReportPageRenderer;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Urls;
import org.madani.node.setup.AccountModule;
import org.madani.node.setup.ContentModule;
import org.madani.node.setup.DirectoryModule;
import org.madani.node.setup.FederationModule;
import org.madani.node.setup.StoreModule;
import org.madani.node.setup.TrustSharingModule;
import org.madani.node.store.MediaStore;
import org.madani.node.store.ReportScheduleRepository;

/**
 * What everyone reads: the public pages (Arabic first), the directory's search API and pages,
 * feeds, reports, export, discovery, and uploaded images. Public unless a route says otherwise.
 */
public record PublicWeb(
    CollabWeb collab,
    PublicPages pages,
    DirectoryRoutes directoryApi,
    DirectoryPages directoryPages,
    FeedRoutes feeds,
    ReportRoutes reports,
    DiscoveryRoutes discovery,
    ExportRoutes export,
    MediaRoutes media,
    ErrorPageRenderer errorPages,
    ReportScheduleRoutes reportSchedules,
    ReportScheduler reportScheduler) {

  public static PublicWeb of(
      Vertx vertx,
      NodeConfig config,
      Urls urls,
      Clock clock,
      StoreModule store,
      AccountModule accounts,
      ContentModule content,
      DirectoryModule directory,
      FederationModule federation,
      TrustSharingModule sharing) {
    JsonCodec json = store.json();
    var taxonomies = content.taxonomies();
    PageRenderer renderer = new PageRenderer(taxonomies, urls);
    // Collaboration (issue 16): its admin API, question pages and digest feed, and entry-page
    // parts.
    CollabWeb collab =
        new CollabWeb(federation.collab(), json, directory.directory(), taxonomies, renderer);
    PublicPages pages =
        new PublicPages(
            content.profiles(),
            content.entries(),
            renderer,
            new PublicPages.Extras(
                new LandingPageRenderer(renderer, urls),
                directory.directory(),
                directory.entries(),
                new RemoteFollowLookup(federation.webFinger(), config.devMode()),
                urls,
                clock),
            collab.entryPanel());
    DirectoryReports directoryReports =
        new DirectoryReports(store.db(), store.coverage(), directory.directory(), urls, clock);
    ReportRoutes reports =
        new ReportRoutes(
            directoryReports,
            directory.directory(),
            content.entries(),
            new ReportPageRenderer(renderer, taxonomies),
            taxonomies,
            json,
            urls);
    // Scheduled monthly/quarterly reports (issue 15 item 7), published as the organization's Report
    // entries.
    ReportSchedules schedules =
        new ReportSchedules(
            store.db(),
            new ReportScheduleRepository(),
            store.orgs(),
            directoryReports,
            new ReportEntryPublisher(content.entries(), taxonomies, json, urls),
            clock);
    // Image uploads (logo, entry image): re-encoded without metadata, served by this node.
    MediaRoutes media =
        new MediaRoutes(
            vertx,
            new ImageSanitizer(),
            new MediaStore(config.dataDir()),
            directory.directory(),
            json,
            urls.root(),
            content.resources());
    return new PublicWeb(
        collab,
        pages,
        new DirectoryRoutes(directory.directory(), accounts.admins(), json),
        new DirectoryPages(
            directory.directory(), new DirectoryPageRenderer(renderer, taxonomies, urls)),
        new FeedRoutes(directory.directory(), content.profiles(), taxonomies, urls, json, clock),
        reports,
        new DiscoveryRoutes(
            sharing.discovery(), federation.follows(), content.profiles(), json, urls.root()),
        new ExportRoutes(
            directory.directory(), content.profiles(), accounts.admins(), json, urls, taxonomies),
        media,
        new ErrorPageRenderer(renderer),
        new ReportScheduleRoutes(schedules, json),
        // Checked at start, then every minute (development mode: every 2 s).
        new ReportScheduler(schedules, Duration.ofSeconds(config.devMode() ? 2 : 60)));
  }
}
