package org.madani.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.madani.node.content.ProfileService;
import org.madani.node.content.Taxonomies;
import org.madani.node.directory.DirectoryService;
import org.madani.node.http.feeds.AtomWriter;
import org.madani.node.http.feeds.CalendarWriter;
import org.madani.node.http.feeds.FeedDocument;
import org.madani.node.http.feeds.JsonFeedWriter;
import org.madani.node.http.pages.Lang;
import org.madani.node.http.pages.Messages;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.DirectoryQuery;
import org.madani.node.model.DirectoryResult;
import org.madani.node.model.Problem;
import org.madani.node.model.Urls;

/**
 * Public feeds: Atom, JSON Feed and iCalendar of directory entries, for people who run no node. No
 * token, and never anything but public entries (the directory query runs with no viewers).
 *
 * <ul>
 *   <li>{@code /feeds/directory.{atom,json,ics}?q=&kind=&sector=&region=&language=&org=&from=&to=}:
 *       a saved search is this URL with its filters (protocol-spec/feeds.md)
 *   <li>{@code /feeds/org/{handle}.{ext}}: a hosted organization
 *   <li>{@code /feeds/org.{ext}?actor=}: any organization in the directory, by actor id
 *   <li>{@code /feeds/sector/{id}.{ext}}, {@code /feeds/region/{id}.{ext}}: taxonomy terms
 * </ul>
 *
 * Calendars ({@code .ics}) hold events only. Invalid filters are 400 problems.
 */
public final class FeedRoutes {

  /**
   * Filters a feed URL may carry, in the order they are kept in its canonical URL (its Atom id).
   */
  static final String[] FILTERS = {
    "q", "kind", "sector", "region", "language", "org", "from", "to"
  };

  static final int DEFAULT_SIZE = 50;

  private final DirectoryService directory;
  private final ProfileService profiles;
  private final Taxonomies taxonomies;
  private final Urls urls;
  private final JsonCodec json;
  private final Clock clock;
  private final AtomWriter atom = new AtomWriter();
  private final JsonFeedWriter jsonFeed;
  private final CalendarWriter calendar = new CalendarWriter();

  public FeedRoutes(
      DirectoryService directory,
      ProfileService profiles,
      Taxonomies taxonomies,
      Urls urls,
      JsonCodec json,
      Clock clock) {
    this.directory = directory;
    this.profiles = profiles;
    this.taxonomies = taxonomies;
    this.urls = urls;
    this.json = json;
    this.clock = clock;
    this.jsonFeed = new JsonFeedWriter(json.mapper());
  }

  public void mount(Router router) {
    router.getWithRegex("/feeds/directory\\.(?<ext>atom|json|ics)").handler(this::directoryFeed);
    router
        .getWithRegex("/feeds/org/(?<handle>[A-Za-z0-9_-]{1,64})\\.(?<ext>atom|json|ics)")
        .handler(this::orgFeed);
    router.getWithRegex("/feeds/org\\.(?<ext>atom|json|ics)").handler(this::actorFeed);
    router
        .getWithRegex("/feeds/(?<dim>sector|region)/(?<id>[a-z0-9-]{1,64})\\.(?<ext>atom|json|ics)")
        .handler(this::termFeed);
  }

  private void directoryFeed(RoutingContext ctx) {
    Map<String, String> f = filters(ctx);
    Map<String, String> title = new LinkedHashMap<>();
    for (Lang l : Lang.values()) {
      String d = describe(l, f);
      title.put(l.code, Messages.t(l, "feed.directory") + (d.isEmpty() ? "" : ": " + d));
    }
    serve(ctx, f, title, nodeName(), urls.root(), "/directory");
  }

  private void orgFeed(RoutingContext ctx) {
    String handle = ctx.pathParam("handle");
    profiles
        .get(handle)
        .onSuccess(
            org -> {
              Map<String, String> f = filters(ctx);
              f.put("org", urls.organization(handle));
              Map<String, String> name = langMap(org.profile().get("name"));
              serve(
                  ctx,
                  f,
                  name.isEmpty() ? Map.of("en", handle) : name,
                  name,
                  urls.organization(handle),
                  "/orgs/" + handle);
            })
        .onFailure(ctx::fail);
  }

  private void actorFeed(RoutingContext ctx) {
    Map<String, String> f = filters(ctx);
    String actor = ctx.request().getParam("actor");
    if (actor == null
        || !(actor.startsWith("https://") || actor.startsWith("http://"))
        || actor.length() > 2048) {
      ctx.fail(Problem.badRequest("actor must be the organization's actor id (an http(s) URL)."));
      return;
    }
    f.put("org", actor);
    // The name comes from the directory itself (the organization facet), so no fetch is made.
    search(ctx, f)
        .onSuccess(
            r -> {
              Map<String, String> name = r.organizations().getOrDefault(actor, Map.of());
              if (name.isEmpty() && !r.items().isEmpty()) name = r.items().get(0).orgName();
              Map<String, String> title = name.isEmpty() ? Map.of("en", actor) : name;
              write(ctx, f, r, title, title, actor, "/directory");
            })
        .onFailure(ctx::fail);
  }

  private void termFeed(RoutingContext ctx) {
    String dim = ctx.pathParam("dim");
    String id = ctx.pathParam("id");
    var term = dim.equals("sector") ? taxonomies.sector(id) : taxonomies.region(id);
    if (term.isEmpty()) {
      ctx.fail(Problem.notFound("No " + dim + " '" + id + "' in this node's taxonomy."));
      return;
    }
    Map<String, String> f = filters(ctx);
    f.put(dim, id);
    Map<String, String> title = new LinkedHashMap<>();
    for (Lang l : Lang.values()) {
      title.put(l.code, Messages.t(l, "feed.directory") + ": " + term.get().label(l.code));
    }
    serve(ctx, f, title, nodeName(), urls.root(), "/directory");
  }

  private void serve(
      RoutingContext ctx,
      Map<String, String> f,
      Map<String, String> title,
      Map<String, String> author,
      String authorUri,
      String htmlPath) {
    search(ctx, f)
        .onSuccess(r -> write(ctx, f, r, title, author, authorUri, htmlPath))
        .onFailure(ctx::fail);
  }

  private Future<DirectoryResult> search(RoutingContext ctx, Map<String, String> f) {
    boolean ics = "ics".equals(ctx.pathParam("ext"));
    if (ics && f.get("kind") != null && !"event".equals(f.get("kind"))) {
      return Future.failedFuture(
          Problem.badRequest("Calendars hold events only: kind must be event or absent."));
    }
    Map<String, String> p = new LinkedHashMap<>(f);
    if (ics) p.put("kind", "event");
    p.put("sort", "date");
    p.put("pageSize", String.valueOf(size(ctx)));
    DirectoryQuery q;
    try {
      // No viewers: public entries only, whatever the request carries.
      q = DirectoryRoutes.query(p::get, "language", Set.of());
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return directory.search(q);
  }

  private void write(
      RoutingContext ctx,
      Map<String, String> f,
      DirectoryResult r,
      Map<String, String> title,
      Map<String, String> author,
      String authorUri,
      String htmlPath) {
    String ext = ctx.pathParam("ext");
    Instant now = clock.instant();
    Instant updated =
        r.items().stream().map(DirectoryEntry::updated).max(Instant::compareTo).orElse(now);
    // The URL's own filters (those implied by the path are not repeated), the actor kept as given.
    Map<String, String> shown = filters(ctx);
    boolean byActor = ctx.request().path().startsWith("/feeds/org.");
    if (byActor) shown.put("org", f.get("org"));
    String query = canonicalQuery(shown, byActor ? "org" : null);
    String self = urls.root() + ctx.request().path() + query;
    String html = urls.root() + htmlPath + (htmlPath.equals("/directory") ? query : "");
    FeedDocument doc = new FeedDocument(self, html, title, author, authorUri, updated, r.items());
    String type;
    byte[] body;
    switch (ext) {
      case "atom" -> {
        type = AtomWriter.CONTENT_TYPE;
        body = atom.write(doc).getBytes(StandardCharsets.UTF_8);
      }
      case "json" -> {
        type = JsonFeedWriter.CONTENT_TYPE;
        body = json.write(jsonFeed.write(doc));
      }
      default -> {
        type = CalendarWriter.CONTENT_TYPE;
        body = calendar.write(doc, now).getBytes(StandardCharsets.UTF_8);
      }
    }
    ctx.response()
        .putHeader("Content-Type", type)
        .putHeader("Cache-Control", "public, max-age=300")
        .putHeader("X-Content-Type-Options", "nosniff")
        .end(Buffer.buffer(body));
  }

  private static Map<String, String> filters(RoutingContext ctx) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : FILTERS) {
      String v = ctx.request().getParam(name);
      if (v != null && !v.isBlank()) out.put(name, v.trim());
    }
    return out;
  }

  private static int size(RoutingContext ctx) {
    String v = ctx.request().getParam("limit");
    if (v == null) return DEFAULT_SIZE;
    try {
      int n = Integer.parseInt(v);
      if (n >= 1 && n <= DirectoryQuery.MAX_PAGE_SIZE) return n;
    } catch (NumberFormatException ignored) {
      // falls through to the problem below
    }
    throw Problem.badRequest("limit must be 1.." + DirectoryQuery.MAX_PAGE_SIZE + ".");
  }

  /**
   * The filters as a query string, in a fixed order, so the same saved search always has the same
   * URL (its Atom id). {@code as}: a filter carried in the URL under another name ({@code actor}).
   */
  static String canonicalQuery(Map<String, String> f, String asActor) {
    StringBuilder q = new StringBuilder();
    for (String name : FILTERS) {
      String v = f.get(name);
      if (v == null) continue;
      q.append(q.isEmpty() ? '?' : '&')
          .append(name.equals(asActor) ? "actor" : name)
          .append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  /** A short description of the filters, in one language, for the feed title. */
  private String describe(Lang l, Map<String, String> f) {
    StringBuilder b = new StringBuilder();
    for (String name : FILTERS) {
      String v = f.get(name);
      if (v == null || name.equals("org")) continue;
      String shown =
          switch (name) {
            case "kind" -> Messages.t(l, "kind." + v);
            case "sector" -> taxonomies.sector(v).map(t -> t.label(l.code)).orElse(v);
            case "region" -> taxonomies.region(v).map(t -> t.label(l.code)).orElse(v);
            case "language" -> Messages.t(l, "lang." + v);
            case "q" -> "«" + v + "»";
            default -> v;
          };
      if (!b.isEmpty()) b.append(l == Lang.AR ? "، " : ", ");
      b.append(
          name.equals("from") || name.equals("to") ? Messages.t(l, name) + " " + shown : shown);
    }
    return b.toString();
  }

  private static Map<String, String> nodeName() {
    return Map.of("ar", Messages.t(Lang.AR, "site"), "en", Messages.t(Lang.EN, "site"));
  }

  private static Map<String, String> langMap(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n != null && n.isObject())
      n.properties().forEach(kv -> out.put(kv.getKey(), kv.getValue().asText()));
    return out;
  }
}
