package org.madani.node.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.madani.node.account.AdminAccounts;
import org.madani.node.directory.DirectoryService;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.DirectoryQuery;
import org.madani.node.model.DirectoryResult;
import org.madani.node.model.EntryKind;
import org.madani.node.model.Problem;

/**
 * {@code GET /api/v1/directory} and {@code POST /api/v1/directory/reindex}.
 *
 * <p>Access: the search answers without a token, with public entries only — the same entries the
 * public {@code /directory} pages show, so nothing is exposed that is not already public. With a
 * valid admin token it also returns network entries addressed to this node's organizations (or to
 * the one named by {@code as}). A token that is sent but invalid is a 401, never a silent
 * downgrade. Reindexing always needs the token. Mounted before the admin API's blanket token check
 * for that reason.
 */
public final class DirectoryRoutes {

  private final DirectoryService directory;
  private final AdminAccounts admins;
  private final JsonCodec json;

  public DirectoryRoutes(DirectoryService directory, AdminAccounts admins, JsonCodec json) {
    this.directory = directory;
    this.admins = admins;
    this.json = json;
  }

  public void mount(Router router) {
    router.get("/api/v1/directory").handler(this::search);
    router.post("/api/v1/directory/reindex").handler(this::reindex);
  }

  private void search(RoutingContext ctx) {
    String auth = ctx.request().getHeader("Authorization");
    Future<Set<Long>> viewers =
        auth == null
            ? Future.succeededFuture(Set.of())
            : authenticated(auth)
                .compose(
                    v ->
                        param(ctx, "as") == null
                            ? directory.hostedOrganizations()
                            : directory.hostedOrganization(param(ctx, "as")).map(Set::of));
    viewers
        .compose(ids -> directory.search(query(ctx, ids)).map(r -> body(ctx, r, !ids.isEmpty())))
        .onSuccess(
            body ->
                ctx.response()
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("Cache-Control", auth == null ? "public, max-age=30" : "no-store")
                    .putHeader("Vary", "Authorization")
                    .end(Buffer.buffer(body)))
        .onFailure(ctx::fail);
  }

  private void reindex(RoutingContext ctx) {
    String auth = ctx.request().getHeader("Authorization");
    (auth == null ? Future.<Void>failedFuture(unauthorized()) : authenticated(auth))
        .compose(v -> directory.reindex())
        .onSuccess(
            n ->
                ctx.response()
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(
                        Buffer.buffer(
                            json.write(json.mapper().createObjectNode().put("indexed", n)))))
        .onFailure(ctx::fail);
  }

  private Future<Void> authenticated(String auth) {
    if (!auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.length() < 8) {
      return Future.failedFuture(unauthorized());
    }
    return admins
        .tokenValid(auth.substring(7).trim())
        .compose(
            ok ->
                ok
                    ? Future.<Void>succeededFuture()
                    : Future.failedFuture(
                        Problem.of(
                                401,
                                "invalid-token",
                                "Invalid token",
                                "The token is unknown, revoked or expired.")
                            .exception()));
  }

  private static RuntimeException unauthorized() {
    return Problem.of(
            401,
            "unauthorized",
            "Authentication required",
            "Send an admin API token as 'Authorization: Bearer <token>'.")
        .exception();
  }

  /** The query from request parameters; a 400 problem for values that make no sense. */
  static DirectoryQuery query(RoutingContext ctx, Set<Long> viewers) {
    return query(name -> param(ctx, name), "lang", viewers);
  }

  /**
   * Shared with the public pages, which call the content-language filter {@code language} because
   * {@code lang} picks the page language there.
   */
  static DirectoryQuery query(
      java.util.function.Function<String, String> p, String langParam, Set<Long> viewers) {
    try {
      String kind = p.apply("kind");
      if (kind != null
          && !org.madani.node.model.DirectoryEntry.POST.equals(kind)
          && !org.madani.node.model.DirectoryEntry.QUESTION.equals(kind)
          && EntryKind.fromWire(kind).isEmpty()) {
        throw new IllegalArgumentException("unknown kind '" + kind + "'");
      }
      String sort = p.apply("sort");
      DirectoryQuery.Sort s =
          sort == null
              ? null
              : switch (sort) {
                case "relevance" -> DirectoryQuery.Sort.RELEVANCE;
                case "date" -> DirectoryQuery.Sort.DATE;
                default -> throw new IllegalArgumentException("sort must be relevance or date");
              };
      return new DirectoryQuery(
          p.apply("q"),
          kind,
          p.apply("sector"),
          p.apply("region"),
          instant(p.apply("from"), "from", false),
          instant(p.apply("to"), "to", true),
          p.apply(langParam),
          p.apply("org"),
          s,
          intParam(p.apply("page"), "page", 1),
          intParam(p.apply("pageSize"), "pageSize", 20),
          viewers);
    } catch (IllegalArgumentException e) {
      throw Problem.badRequest(e.getMessage() + ".");
    }
  }

  private static String param(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static int intParam(String v, String name, int fallback) {
    if (v == null) return fallback;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number");
    }
  }

  /** A date (YYYY-MM-DD; as an upper bound it includes that whole day) or an RFC 3339 date-time. */
  private static Instant instant(String v, String name, boolean upper) {
    if (v == null) return null;
    try {
      if (v.length() == 10) {
        LocalDate d = LocalDate.parse(v);
        return (upper ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be a date (YYYY-MM-DD) or an RFC 3339 date-time");
    }
  }

  /**
   * The answers the index remembers for repeated queries come back as the same result object
   * (SearchIndex's ResultCache): their bodies are kept with them, keyed by identity and held weakly
   * (gone with the result), so a repeated query is not rendered again. A body also depends on the
   * request's query string (the next page's link) and scope; another one renders anew. At most
   * {@link #BODY_BYTES} of bodies.
   */
  private final Cache<DirectoryResult, Rendered> bodies =
      Caffeine.newBuilder()
          .weakKeys()
          .maximumWeight(BODY_BYTES)
          .weigher((DirectoryResult r, Rendered b) -> b.body().length)
          .executor(Runnable::run)
          .build();

  /** A few MiB of a 160 MiB heap: a page of twenty entries is about 12 KB. */
  static final long BODY_BYTES = 4L << 20;

  private record Rendered(String query, boolean network, byte[] body) {}

  private byte[] body(RoutingContext ctx, DirectoryResult r, boolean network) {
    String query = ctx.request().query();
    Rendered known = bodies.getIfPresent(r);
    if (known != null && known.network() == network && Objects.equals(known.query(), query)) {
      return known.body();
    }
    byte[] body = json.write(resultJson(ctx, r, network));
    bodies.put(r, new Rendered(query, network, body));
    return body;
  }

  private ObjectNode resultJson(RoutingContext ctx, DirectoryResult r, boolean network) {
    ObjectNode out = json.mapper().createObjectNode();
    ArrayNode items = out.putArray("items");
    r.items().forEach(e -> items.add(entryJson(e)));
    out.put("page", r.page());
    out.put("pageSize", r.pageSize());
    out.put("total", r.total());
    out.put("scope", network ? "network" : "public");
    if (r.hasNext()) {
      String query =
          ctx.request().query() == null
              ? ""
              : ctx.request().query().replaceAll("(^|&)page=[^&]*", "");
      out.put(
          "next",
          "?"
              + (query.isEmpty() ? "" : query.replaceFirst("^&", "") + "&")
              + "page="
              + (r.page() + 1));
    }
    ObjectNode facets = out.putObject("facets");
    r.facets()
        .forEach(
            (dim, counts) -> {
              ObjectNode f = facets.putObject(dim);
              counts.forEach(f::put);
            });
    ObjectNode orgs = out.putObject("organizations");
    r.organizations().forEach((id, name) -> orgs.set(id, langMap(name)));
    return out;
  }

  private ObjectNode entryJson(DirectoryEntry e) {
    ObjectNode o = json.mapper().createObjectNode();
    o.put("id", e.id());
    o.put("kind", e.kind());
    o.put("audience", e.audience());
    o.set("title", langMap(e.title()));
    o.set("summary", langMap(e.summary()));
    ObjectNode org = o.putObject("organization");
    org.put("id", e.orgId());
    org.set("name", langMap(e.orgName()));
    o.set("sectors", json.mapper().valueToTree(e.sectors()));
    o.set("regions", json.mapper().valueToTree(e.regions()));
    o.set("languages", json.mapper().valueToTree(e.languages()));
    o.put("date", e.date().toString());
    o.put("updated", e.updated().toString());
    o.put("local", e.local());
    ObjectNode p = o.putObject("provenance");
    p.put("origin", e.provenance().origin());
    p.put("verifiedBy", e.provenance().verifiedBy());
    if (e.provenance().via() != null) p.put("via", e.provenance().via());
    if (e.provenance().lastConfirmed() != null)
      p.put("lastConfirmed", e.provenance().lastConfirmed().toString());
    return o;
  }

  private ObjectNode langMap(Map<String, String> m) {
    ObjectNode n = json.mapper().createObjectNode();
    m.forEach(n::put);
    return n;
  }
}
