package org.madani.node.http;

import static org.madani.node.http.PageResponses.html;
import static org.madani.node.http.PageResponses.lang;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madani.node.content.EntryService;
import org.madani.node.content.ProfileService;
import org.madani.node.directory.DirectoryEntries;
import org.madani.node.directory.DirectoryService;
import org.madani.node.federation.remotefollow.RemoteFollowLookup;
import org.madani.node.http.feeds.CalendarWriter;
import org.madani.node.http.feeds.FeedDocument;
import org.madani.node.http.feeds.TrainingSessions;
import org.madani.node.http.pages.LandingPageRenderer;
import org.madani.node.http.pages.Lang;
import org.madani.node.http.pages.Messages;
import org.madani.node.http.pages.PageRenderer;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.Entry;
import org.madani.node.model.EntryKind;
import org.madani.node.model.EntryQuery;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.model.ProblemException;
import org.madani.node.model.Urls;
import org.madani.node.model.Visibility;
import org.madani.node.store.DirectoryRepository;

/**
 * Public HTML pages: the node's landing page, hosted organizations (with their follow box and the
 * remote-follow form), their public entries and a calendar file per event, in Arabic (default,
 * right-to-left) or English, chosen by {@code ?lang=} (remembered in a cookie), else the cookie,
 * else Accept-Language.
 */
public final class PublicPages {

  static final int LATEST = 8;

  private final ProfileService profiles;
  private final EntryService entries;
  private final PageRenderer renderer;
  private final Extras extras;

  /**
   * Remote-follow lookups per visitor's server host: the form makes this node fetch from a host the
   * visitor names, so it must not become a way to hammer one server.
   */
  private final RateLimiter lookups;

  /** What the landing page, calendar files and remote follow need beyond the organization pages. */
  public record Extras(
      LandingPageRenderer landing,
      DirectoryService directory,
      DirectoryEntries directoryEntries,
      RemoteFollowLookup remoteFollow,
      Urls urls,
      Clock clock) {}

  /**
   * More to show on an entry's page, after its facts (the collaboration package's verified facts
   * and corrections, issue 16): HTML in the page's language, or empty.
   */
  public interface EntryPanel {
    EntryPanel NONE = (lang, entryUrl) -> Future.succeededFuture("");

    Future<String> html(Lang lang, String entryUrl);
  }

  private final EntryPanel panel;

  public PublicPages(
      ProfileService profiles, EntryService entries, PageRenderer renderer, Extras extras) {
    this(profiles, entries, renderer, extras, EntryPanel.NONE);
  }

  public PublicPages(
      ProfileService profiles,
      EntryService entries,
      PageRenderer renderer,
      Extras extras,
      EntryPanel panel) {
    this.panel = panel;
    this.profiles = profiles;
    this.entries = entries;
    this.renderer = renderer;
    this.extras = extras;
    this.lookups = new RateLimiter(1, 10, extras.clock());
  }

  public void mount(Router router) {
    router.get("/").handler(this::home);
    router.get("/authorize_interaction").handler(this::authorizeInteraction);
    router.get("/orgs/:handle").handler(this::organization);
    router.get("/orgs/:handle/follow").handler(this::remoteFollow);
    router
        .getWithRegex("/orgs/(?<handle>[A-Za-z0-9_-]{1,64})/entries/(?<id>[^/]{1,200})\\.ics")
        .handler(this::calendar);
    router.get("/orgs/:handle/entries/:id").handler(this::entry);
  }

  private void home(RoutingContext ctx) {
    Lang lang = lang(ctx);
    Future<List<DirectoryEntry>> latest;
    try {
      Map<String, String> p = Map.of("sort", "date", "pageSize", String.valueOf(LATEST));
      latest =
          extras
              .directory()
              .search(DirectoryRoutes.query(p::get, "language", Set.of()))
              .map(r -> r.items());
    } catch (RuntimeException e) {
      latest = Future.failedFuture(e);
    }
    Future<List<DirectoryEntry>> l = latest;
    profiles
        .organizations()
        .compose(
            orgs -> l.map(items -> extras.landing().page(lang, orgs, items, ctx.request().path())))
        .onSuccess(page -> html(ctx, 200, lang, page))
        .onFailure(ctx::fail);
  }

  private void organization(RoutingContext ctx) {
    Lang lang = lang(ctx);
    orgPage(ctx.pathParam("handle"), lang, ctx.request().path(), null, null)
        .onSuccess(page -> html(ctx, 200, lang, page))
        .onFailure(err -> notFoundOr(ctx, lang, err));
  }

  private Future<String> orgPage(
      String handle, Lang lang, String path, String followError, String account) {
    return profiles
        .get(handle)
        .compose(
            org ->
                entries
                    .list(
                        handle,
                        new EntryQuery(null, Visibility.PUBLIC, null, null, null, null, 1, 50))
                    .map(
                        page ->
                            renderer.organization(
                                lang, org, page.items(), path, followError, account)));
  }

  /**
   * {@code GET /orgs/{h}/follow?account=@me@my.server}: a GET so it works from a plain form and
   * changes nothing here; it only looks up where the visitor's server takes follows and sends them
   * there with this organization's actor id. Failures show the organization page again with the
   * reason in the visitor's language.
   */
  private void remoteFollow(RoutingContext ctx) {
    Lang lang = lang(ctx);
    String handle = ctx.pathParam("handle");
    String account = ctx.request().getParam("account");
    String actorId = extras.urls().organization(handle);
    String target = account == null ? "" : account.strip();
    target = target.substring(target.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
    boolean allowed = target.isEmpty() || lookups.tryAcquire(target);
    profiles
        .get(handle)
        .compose(
            org ->
                allowed
                    ? extras.remoteFollow().lookup(account, actorId)
                    : Future.succeededFuture(
                        new RemoteFollowLookup.Result.Failed(RemoteFollowLookup.Reason.BUSY)))
        .onSuccess(
            result -> {
              switch (result) {
                case RemoteFollowLookup.Result.Redirect r ->
                    ctx.response()
                        .setStatusCode(303)
                        .putHeader("Location", r.url())
                        .putHeader("Cache-Control", "no-store")
                        .end();
                case RemoteFollowLookup.Result.Failed f -> {
                  String reason =
                      Messages.t(
                          lang,
                          switch (f.reason()) {
                            case BAD_ACCOUNT -> "follow.badHandle";
                            case NOT_FOUND -> "follow.notFound";
                            case NO_TEMPLATE -> "follow.noTemplate";
                            case BUSY -> "follow.busy";
                          });
                  int status =
                      switch (f.reason()) {
                        case BAD_ACCOUNT -> 400;
                        case BUSY -> 429;
                        default -> 422;
                      };
                  String shown =
                      account == null
                          ? null
                          : account.strip().substring(0, Math.min(300, account.strip().length()));
                  orgPage(handle, lang, "/orgs/" + handle, reason, shown)
                      .onSuccess(page -> html(ctx, status, lang, page))
                      .onFailure(ctx::fail);
                }
              }
            })
        .onFailure(err -> notFoundOr(ctx, lang, err));
  }

  /**
   * Our own OStatus subscribe template ({@code /authorize_interaction?uri=}, as Mastodon names it,
   * announced in WebFinger): a visitor who follows from a Madani node lands in its admin UI's
   * following screen with the account filled in. The admin UI asks for login and confirmation.
   */
  private void authorizeInteraction(RoutingContext ctx) {
    String uri = ctx.request().getParam("uri");
    if (uri == null || uri.isBlank() || uri.length() > 500) {
      ctx.fail(Problem.badRequest("Give the account to follow as ?uri="));
      return;
    }
    ctx.response()
        .setStatusCode(303)
        .putHeader(
            "Location",
            "/admin/#/following?follow=" + URLEncoder.encode(uri.strip(), StandardCharsets.UTF_8))
        .putHeader("Cache-Control", "no-store")
        .end();
  }

  private void entry(RoutingContext ctx) {
    Lang lang = lang(ctx);
    String handle = ctx.pathParam("handle");
    publicEntry(handle, ctx.pathParam("id"))
        .compose(
            oe ->
                panel
                    .html(lang, extras.urls().entry(handle, oe.entry().id()))
                    .map(
                        extra -> {
                          String page =
                              renderer.entry(lang, oe.org(), oe.entry(), ctx.request().path());
                          int end = page.lastIndexOf("</article>");
                          return extra.isEmpty() || end < 0
                              ? page
                              : page.substring(0, end) + extra + page.substring(end);
                        }))
        .onSuccess(page -> html(ctx, 200, lang, page))
        .onFailure(err -> notFoundOr(ctx, lang, err));
  }

  /** One event as an iCalendar file, for "add to calendar" (same writer as the calendar feeds). */
  private void calendar(RoutingContext ctx) {
    Lang lang = lang(ctx);
    String handle = ctx.pathParam("handle");
    publicEntry(handle, ctx.pathParam("id"))
        .map(
            oe -> {
              Entry e = oe.entry();
              if (e.kind() != EntryKind.EVENT && e.kind() != EntryKind.TRAINING)
                throw Problem.notFound("not an event");
              Organization org = oe.org();
              var row =
                  new DirectoryRepository.OwnRow(
                      e.id(),
                      org.id(),
                      org.handle(),
                      org.profile().toString(),
                      e.kind().wireName(),
                      "public",
                      e.document().toString(),
                      e.startTime(),
                      e.created(),
                      e.updated(),
                      null);
              DirectoryEntry de =
                  extras
                      .directoryEntries()
                      .own(row)
                      .orElseThrow(() -> Problem.notFound("not public"));
              String page = extras.urls().entry(handle, e.id());
              Map<String, String> title = de.title();
              return new CalendarWriter()
                  .write(
                      new FeedDocument(
                          page + ".ics",
                          page,
                          title,
                          de.orgName(),
                          extras.urls().organization(handle),
                          e.updated(),
                          e.kind() == EntryKind.TRAINING
                              ? TrainingSessions.expand(de, e.document())
                              : List.of(de)),
                      extras.clock().instant());
            })
        .onSuccess(
            ics ->
                ctx.response()
                    .putHeader("Content-Type", CalendarWriter.CONTENT_TYPE)
                    .putHeader("Content-Disposition", "attachment; filename=\"event.ics\"")
                    .putHeader("Cache-Control", "public, max-age=300")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .end(ics))
        .onFailure(err -> notFoundOr(ctx, lang, err));
  }

  private record OrgEntry(Organization org, Entry entry) {}

  private Future<OrgEntry> publicEntry(String handle, String id) {
    return profiles
        .get(handle)
        .compose(
            org ->
                entries
                    .get(handle, id)
                    .map(
                        e -> {
                          // Network and private entries never appear on public pages.
                          if (e.visibility() != Visibility.PUBLIC) {
                            throw Problem.notFound("not public");
                          }
                          return new OrgEntry(org, e);
                        }));
  }

  private void notFoundOr(RoutingContext ctx, Lang lang, Throwable err) {
    if (err instanceof ProblemException pe && pe.problem().status() == 404) {
      html(ctx, 404, lang, renderer.notFound(lang, ctx.request().path()));
    } else {
      ctx.fail(err);
    }
  }
}
