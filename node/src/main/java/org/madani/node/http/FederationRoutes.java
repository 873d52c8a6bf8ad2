package org.madani.node.http;

import org.madani.node.json.JsonCodec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.madani.node.federation.ActivityStreams;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.inbox.InboxProcessor;
import org.madani.node.federation.inbox.InboxService;
import org.madani.node.federation.outbox.EntryObjects;
import org.madani.node.federation.sig.HttpRequestView;
import org.madani.node.federation.sig.ObjectProofs;
import org.madani.node.model.Entry;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.model.Urls;
import org.madani.node.model.Visibility;
import org.madani.node.store.Database;
import org.madani.node.store.EntryRepository;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.FollowRepository.Direction;
import org.madani.node.store.FollowRepository.State;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.MirrorRepository;
import org.madani.node.store.OutboxRepository;

/**
 * The ActivityPub surface: inboxes (per organization and shared), actor and object documents by
 * content negotiation, outbox and follower collections, WebFinger and NodeInfo.
 */
public final class FederationRoutes {

  /** An activity is small; anything bigger than this is refused before parsing. */
  static final int INBOX_BODY_LIMIT = 256 * 1024;
  private static final int OUTBOX_PAGE = 20;
  /** Items per log page: large pages make catch-up of thousands of items a few requests (issue 13). */
  static final int LOG_PAGE = 500;

  private final Database db;
  private final OrganizationRepository orgs;
  private final EntryRepository entries;
  private final OutboxRepository outbox;
  private final FollowRepository follows;
  private final LocalActors actors;
  private final EntryObjects objects;
  private final InboxService inbox;
  private final InboxProcessor processor;
  private final JsonCodec json;
  private final Urls urls;
  private final RateLimiter inboxLimiter;
  private final MirrorRepository mirrorRepo;

  public FederationRoutes(Database db, OrganizationRepository orgs, EntryRepository entries, OutboxRepository outbox,
      FollowRepository follows, LocalActors actors, EntryObjects objects, InboxService inbox,
      InboxProcessor processor, JsonCodec json, Urls urls, RateLimiter inboxLimiter, MirrorRepository mirrorRepo) {
    this.mirrorRepo = mirrorRepo;
    this.db = db;
    this.orgs = orgs;
    this.entries = entries;
    this.outbox = outbox;
    this.follows = follows;
    this.actors = actors;
    this.objects = objects;
    this.inbox = inbox;
    this.processor = processor;
    this.json = json;
    this.urls = urls;
    this.inboxLimiter = inboxLimiter;
  }

  /** Set after construction by the wiring; open until then. */
  public FederationRoutes refusing(org.madani.node.federation.PeerPolicy policy) {
    this.peers = policy;
    return this;
  }

  private org.madani.node.federation.PeerPolicy peers = org.madani.node.federation.PeerPolicy.OPEN;

  /** Set after construction by the wiring: counts inbox outcomes for {@code /metrics}. */
  public FederationRoutes counting(org.madani.node.health.NodeMetrics m) {
    this.metrics = m;
    return this;
  }

  private org.madani.node.health.NodeMetrics metrics;

  private void countRefusal(Throwable err) {
    if (metrics == null) return;
    metrics.inboxRefused(err instanceof org.madani.node.model.ProblemException pe
        ? slug(pe.problem().type().toString()) : "error");
  }

  private static String slug(String type) {
    return type.startsWith(Problem.TYPE_BASE) ? type.substring(Problem.TYPE_BASE.length()) : "other";
  }

  /**
   * A signed GET from a node this node refuses (blocked, or not on the allowlist) is answered 403:
   * blocking works both ways, also for peers that pull logs and objects instead of being pushed to.
   * Only the claimed key id is looked at: nothing is fetched to decide.
   */
  private void refuseBlockedReaders(RoutingContext ctx) {
    var keyIds = org.madani.node.federation.sig.SignatureKeyIds.of(view(ctx));
    for (String keyId : keyIds) {
      String actor = keyId.contains("#") ? keyId.substring(0, keyId.indexOf('#')) : keyId;
      if (!peers.allowsActor(actor)) {
        ctx.fail(Problem.of(403, "refused-peer", "Not served to this reader",
            "This node does not serve requests signed by this sender or its node.").exception());
        return;
      }
    }
    ctx.next();
  }

  public void mount(Router router) {
    for (String path : List.of("/orgs/:handle", "/orgs/:handle/*", "/mirror", "/mirror/*")) {
      router.get(path).handler(this::refuseBlockedReaders);
    }
    BodyHandler body = BodyHandler.create(false).setBodyLimit(INBOX_BODY_LIMIT);
    router.post("/inbox").handler(body).handler(this::receive);
    router.post("/orgs/:handle/inbox").handler(body).handler(this::receive);

    router.get("/orgs/:handle").handler(this::actor);
    router.get("/orgs/:handle/entries/:id").handler(this::object);
    router.get("/orgs/:handle/outbox").handler(this::outbox);
    router.get("/orgs/:handle/log").handler(this::log);
    router.get("/mirror/log").handler(this::mirrorLog);
    router.get("/mirror").handler(this::mirrorIndex);
    router.get("/orgs/:handle/followers").handler(ctx -> collectionCount(ctx, Direction.INCOMING));
    router.get("/orgs/:handle/following").handler(ctx -> collectionCount(ctx, Direction.OUTGOING));
    router.get("/.well-known/webfinger").handler(this::webfinger);
    router.get("/.well-known/nodeinfo").handler(this::nodeinfoLinks);
    router.get("/nodeinfo/2.1").handler(this::nodeinfo);
  }

  private void receive(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (!ActivityStreams.isActivityJson(contentType)) {
      if (metrics != null) metrics.inboxRefused("unsupported-media-type");
      ctx.fail(Problem.of(415, "unsupported-media-type", "Unsupported media type",
          "Send activities as application/activity+json.").exception());
      return;
    }
    // Rate limit per claimed sending host; the signature check is the expensive part it protects.
    String key = hostOf(ctx.request().getHeader("Signature-Input"), ctx.request().getHeader("Signature"));
    if (!inboxLimiter.tryAcquire(key)) {
      if (metrics != null) metrics.inboxRefused("rate-limited");
      ctx.fail(Problem.of(429, "rate-limited", "Too many requests", "Slow down and retry later.")
          .with("retryAfter", 10).exception());
      return;
    }
    HttpRequestView view = view(ctx);
    Future<InboxService.Received> received;
    try {
      received = inbox.receive(view);
    } catch (RuntimeException e) { // malformed JSON is refused before any future exists
      received = Future.failedFuture(e);
    }
    received.onSuccess(r -> {
      if (metrics != null) metrics.inboxAccepted(r == InboxService.Received.DUPLICATE);
      processor.wakeUp();
      ctx.response().setStatusCode(202).end();
    }).onFailure(err -> {
      countRefusal(err);
      ctx.fail(err);
    });
  }

  /** The request as its sender signed it: our public URL, not whatever proxy address it came by. */
  private HttpRequestView view(RoutingContext ctx) {
    HttpServerRequest r = ctx.request();
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : r.headers().names()) {
      headers.put(name.toLowerCase(Locale.ROOT), r.headers().getAll(name));
    }
    // HTTP/2 carries the host as :authority, not as a Host header; signatures cover it either way.
    if (!headers.containsKey("host") && r.authority() != null) {
      headers.put("host", List.of(r.authority().toString()));
    }
    URI target = URI.create(urls.root() + r.uri());
    byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    return new HttpRequestView(r.method().name(), target, headers, body);
  }

  private void actor(RoutingContext ctx) {
    if (!ActivityStreams.wantsActivityJson(ctx.request().getHeader("Accept"))) {
      ctx.next();
      return;
    }
    String handle = ctx.pathParam("handle");
    db.tx(c -> {
      Organization org = orgs.findByHandle(c, handle).orElseThrow(() -> Problem.notFound("No such actor."));
      return actors.signedDocument(c, org, java.time.Instant.now());
    }).onSuccess(doc -> activityJson(ctx, 200, doc)).onFailure(ctx::fail);
  }

  private void object(RoutingContext ctx) {
    if (!ActivityStreams.wantsActivityJson(ctx.request().getHeader("Accept"))) {
      ctx.next();
      return;
    }
    String handle = ctx.pathParam("handle");
    String id = ctx.pathParam("id");
    db.tx(c -> {
      Organization org = orgs.findByHandle(c, handle).orElseThrow(() -> Problem.notFound("No such object."));
      var entry = entries.find(c, org.id(), id);
      if (entry.isEmpty()) {
        if (entries.deletedAt(c, org.id(), id).isPresent()) {
          throw Problem.of(410, "gone", "Gone", "This object was deleted.").exception();
        }
        throw Problem.notFound("No such object.");
      }
      return new Object[] {org, entry.get(), actors.ed25519(c, org)};
    }).compose(triple -> {
      Organization org = (Organization) triple[0];
      Entry e = (Entry) triple[1];
      // Served objects carry the same kind of proof as delivered ones, dated by the entry's last change.
      var key = (org.madani.node.federation.sig.SigningKey) triple[2];
      ObjectNode signed = ObjectProofs.sign(objects.object(org, e), key, e.updated());
      if (e.visibility() == Visibility.PUBLIC) return Future.succeededFuture(signed);
      return authorizedFor(ctx, org, e).map(v -> signed);
    }).onSuccess(doc -> activityJson(ctx, 200, doc)).onFailure(ctx::fail);
  }

  /**
   * Non-public objects are served only to a signed request (authorized fetch) from an accepted
   * follower (network) or a named recipient (private). Anyone else gets 404, not 403, so that the
   * existence of a private entry is not revealed.
   */
  private Future<Void> authorizedFor(RoutingContext ctx, Organization org, Entry e) {
    return inbox.authenticate(view(ctx)).compose(v -> db.tx(c -> {
      boolean allowed = switch (e.visibility()) {
        case NETWORK -> follows.find(c, org.id(), v.ownerId(), Direction.INCOMING)
            .filter(f -> f.state() == State.ACCEPTED).isPresent();
        case PRIVATE -> {
          boolean named = false;
          for (var r : e.document().path("recipients")) named |= r.asText().equals(v.ownerId());
          yield named;
        }
        case PUBLIC -> true;
      };
      if (!allowed) throw Problem.notFound("No such object.");
      return null;
    })).recover(err -> Future.failedFuture(Problem.notFound("No such object."))).mapEmpty();
  }

  /**
   * The organization's log: its public content activities in sequence order, exactly as signed, for
   * peers catching up ({@code ?after=N}, pages of {@value #LOG_PAGE}).
   */
  private void log(RoutingContext ctx) {
    String handle = ctx.pathParam("handle");
    long after = longParam(ctx, "after");
    db.tx(c -> {
      Organization org = orgs.findByHandle(c, handle).orElseThrow(() -> Problem.notFound("No such actor."));
      var rows = outbox.logAfter(c, org.id(), after, LOG_PAGE);
      List<String> docs = rows.stream().map(OutboxRepository.OutboxRow::document).toList();
      long last = rows.isEmpty() ? after : rows.get(rows.size() - 1).seq();
      return logPage(actors.actorId(handle) + "/log", after, docs, last, rows.size() == LOG_PAGE);
    }).onSuccess(doc -> activityJson(ctx, 200, doc)).onFailure(ctx::fail);
  }

  /** The copy this node keeps of another organization's log, served to peers while the origin is away. */
  private void mirrorLog(RoutingContext ctx) {
    String origin = ctx.request().getParam("actor");
    if (origin == null || origin.isBlank()) {
      ctx.fail(Problem.badRequest("Name the origin: ?actor=https://…"));
      return;
    }
    long after = longParam(ctx, "after");
    db.tx(c -> {
      var items = mirrorRepo.after(c, origin, after, LOG_PAGE);
      if (items.isEmpty() && mirrorRepo.latest(c, origin) == 0) throw Problem.notFound("No mirror of that actor here.");
      List<String> docs = items.stream().map(MirrorRepository.MirrorItem::document).toList();
      long last = items.isEmpty() ? after : items.get(items.size() - 1).sequence();
      return logPage(urls.root() + "/mirror/log?actor=" + java.net.URLEncoder.encode(origin,
          java.nio.charset.StandardCharsets.UTF_8), after, docs, last, items.size() == LOG_PAGE);
    }).onSuccess(doc -> activityJson(ctx, 200, doc)).onFailure(ctx::fail);
  }

  private void mirrorIndex(RoutingContext ctx) {
    db.tx(c -> {
      ObjectNode out = json.mapper().createObjectNode();
      ArrayNode items = out.putArray("mirrors");
      for (var s : mirrorRepo.origins(c)) {
        items.addObject().put("actor", s.originActor()).put("latestSequence", mirrorRepo.latest(c, s.originActor()))
            .put("log", urls.root() + "/mirror/log?actor=" + java.net.URLEncoder.encode(s.originActor(),
                java.nio.charset.StandardCharsets.UTF_8));
      }
      return out;
    }).onSuccess(doc -> activityJson(ctx, 200, doc)).onFailure(ctx::fail);
  }

  private ObjectNode logPage(String base, long after, List<String> docs, long last, boolean more) {
    ObjectNode out = json.mapper().createObjectNode();
    out.put("@context", ActivityStreams.CONTEXT);
    String sep = base.contains("?") ? "&" : "?";
    out.put("id", base + sep + "after=" + after);
    out.put("type", "OrderedCollectionPage");
    out.put("partOf", base);
    ArrayNode items = out.putArray("orderedItems");
    for (String d : docs) {
      try {
        items.add(json.mapper().readTree(d));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
    if (more) out.put("next", base + sep + "after=" + last);
    return out;
  }

  private static long longParam(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    if (v == null || v.isBlank()) return 0;
    try {
      return Math.max(0, Long.parseLong(v));
    } catch (NumberFormatException e) {
      throw Problem.badRequest("'" + name + "' must be a whole number.");
    }
  }

  private void outbox(RoutingContext ctx) {
    String handle = ctx.pathParam("handle");
    String page = ctx.request().getParam("before");
    List<String> publicOnly = List.of("public");
    db.tx(c -> {
      Organization org = orgs.findByHandle(c, handle).orElseThrow(() -> Problem.notFound("No such actor."));
      String base = actors.actorId(handle) + "/outbox";
      ObjectNode out = json.mapper().createObjectNode();
      out.put("@context", ActivityStreams.CONTEXT);
      if (page == null) {
        out.put("id", base);
        out.put("type", "OrderedCollection");
        out.put("totalItems", outbox.count(c, org.id(), publicOnly));
        out.put("first", base + "?before=" + Long.MAX_VALUE);
        return out;
      }
      long before;
      try {
        before = Long.parseLong(page);
      } catch (NumberFormatException e) {
        throw Problem.badRequest("'before' must be a sequence number.");
      }
      var rows = outbox.page(c, org.id(), publicOnly, before, OUTBOX_PAGE);
      out.put("id", base + "?before=" + before);
      out.put("type", "OrderedCollectionPage");
      out.put("partOf", base);
      ArrayNode items = out.putArray("orderedItems");
      for (var r : rows) {
        try {
          ObjectNode a = (ObjectNode) json.mapper().readTree(r.document());
          a.remove("@context");
          items.add(a);
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }
      if (rows.size() == OUTBOX_PAGE) out.put("next", base + "?before=" + rows.get(rows.size() - 1).seq());
      return out;
    }).onSuccess(doc -> activityJson(ctx, 200, doc)).onFailure(ctx::fail);
  }

  /** Follower and following collections show only their size: who follows an at-risk group is private. */
  private void collectionCount(RoutingContext ctx, Direction d) {
    String handle = ctx.pathParam("handle");
    db.tx(c -> {
      Organization org = orgs.findByHandle(c, handle).orElseThrow(() -> Problem.notFound("No such actor."));
      ObjectNode out = json.mapper().createObjectNode();
      out.put("@context", ActivityStreams.CONTEXT);
      out.put("id", actors.actorId(handle) + (d == Direction.INCOMING ? "/followers" : "/following"));
      out.put("type", "OrderedCollection");
      out.put("totalItems", follows.count(c, org.id(), d, State.ACCEPTED));
      return out;
    }).onSuccess(doc -> activityJson(ctx, 200, doc)).onFailure(ctx::fail);
  }

  private void webfinger(RoutingContext ctx) {
    String resource = ctx.request().getParam("resource");
    String host = URI.create(urls.root()).getAuthority();
    String handle = null;
    if (resource != null && resource.startsWith("acct:") && resource.endsWith("@" + host)) {
      handle = resource.substring(5, resource.length() - host.length() - 1);
    } else if (resource != null) {
      handle = actors.handleOf(resource).orElse(null);
    }
    if (handle == null) {
      ctx.fail(Problem.notFound("Unknown resource."));
      return;
    }
    String h = handle;
    db.tx(c -> orgs.findByHandle(c, h)).onSuccess(org -> {
      if (org.isEmpty()) {
        ctx.fail(Problem.notFound("Unknown resource."));
        return;
      }
      ObjectNode jrd = json.mapper().createObjectNode();
      jrd.put("subject", "acct:" + h + "@" + host);
      jrd.putArray("aliases").add(actors.actorId(h));
      ArrayNode links = jrd.putArray("links");
      links.addObject().put("rel", "self").put("type", ActivityStreams.MEDIA_TYPE).put("href", actors.actorId(h));
      links.addObject().put("rel", "http://webfinger.net/rel/profile-page").put("type", "text/html")
          .put("href", actors.actorId(h));
      // Where a visitor of another server's page lands to follow from here (OStatus subscribe,
      // as Mastodon reads it; served by PublicPages#authorizeInteraction).
      links.addObject().put("rel", "http://ostatus.org/schema/1.0/subscribe")
          .put("template", urls.root() + "/authorize_interaction?uri={uri}");
      ctx.response().putHeader("Content-Type", "application/jrd+json; charset=utf-8")
          .putHeader("Access-Control-Allow-Origin", "*")
          .end(Buffer.buffer(json.write(jrd)));
    }).onFailure(ctx::fail);
  }

  private void nodeinfoLinks(RoutingContext ctx) {
    ObjectNode out = json.mapper().createObjectNode();
    out.putArray("links").addObject()
        .put("rel", "http://nodeinfo.diaspora.software/ns/schema/2.1")
        .put("href", urls.root() + "/nodeinfo/2.1");
    ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(json.write(out)));
  }

  private void nodeinfo(RoutingContext ctx) {
    db.tx(c -> {
      ObjectNode out = json.mapper().createObjectNode();
      out.put("version", "2.1");
      out.putObject("software").put("name", "madani").put("version", "0.1.0")
          .put("repository", "https://madani.network/").put("homepage", "https://madani.network/");
      out.putArray("protocols").add("activitypub");
      out.putObject("services").putArray("inbound");
      out.with("services").putArray("outbound");
      out.put("openRegistrations", false);
      long orgCount = orgs.listAll(c).size();
      out.putObject("usage").put("localPosts", 0).putObject("users").put("total", orgCount);
      out.putObject("metadata").put("nodeName", "Madani");
      return out;
    }).onSuccess(doc -> ctx.response()
        .putHeader("Content-Type", "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\"")
        .end(Buffer.buffer(json.write(doc)))).onFailure(ctx::fail);
  }

  private void activityJson(RoutingContext ctx, int status, ObjectNode doc) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", ActivityStreams.MEDIA_TYPE + "; charset=utf-8")
        .putHeader("Vary", "Accept, Accept-Language")
        .end(Buffer.buffer(json.write(doc)));
  }

  /** The host named in a signature's key id, as a rate-limit key; unsigned requests share one bucket. */
  static String hostOf(String signatureInput, String signature) {
    String s = signatureInput != null ? signatureInput : signature;
    if (s == null) return "unsigned";
    int i = s.toLowerCase(Locale.ROOT).indexOf("keyid=\"");
    if (i < 0) return "unsigned";
    int end = s.indexOf('"', i + 7);
    try {
      String host = URI.create(s.substring(i + 7, end < 0 ? s.length() : end)).getHost();
      return host == null ? "unsigned" : host;
    } catch (IllegalArgumentException e) {
      return "unsigned";
    }
  }
}
