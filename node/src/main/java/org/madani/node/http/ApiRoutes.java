package org.madani.node.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.madani.node.account.AdminAccounts;
import org.madani.node.content.EntryService;
import org.madani.node.content.ProfileService;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.EntryKind;
import org.madani.node.model.EntryQuery;
import org.madani.node.model.Problem;
import org.madani.node.model.Urls;
import org.madani.node.model.Visibility;

/**
 * The admin REST API under {@code /api/v1/}, described by {@code /api/v1/openapi.json}. Every route
 * except login and the OpenAPI document needs a bearer token or an admin UI session ({@link
 * AdminAuth}); every state-changing one is written to the audit log ({@link AuditTrail}).
 */
public final class ApiRoutes {

  private final JsonCodec json;
  private final AdminAccounts admins;
  private final ProfileService profiles;
  private final EntryService entries;
  private final Urls urls;
  private final int bodyLimit;
  private final AdminAuth auth;
  private final AuditTrail auditTrail;

  public ApiRoutes(
      JsonCodec json,
      AdminAccounts admins,
      ProfileService profiles,
      EntryService entries,
      Urls urls,
      int bodyLimit,
      AdminAuth auth,
      AuditTrail auditTrail) {
    this.auth = auth;
    this.auditTrail = auditTrail;
    this.json = json;
    this.admins = admins;
    this.profiles = profiles;
    this.entries = entries;
    this.urls = urls;
    this.bodyLimit = bodyLimit;
    this.docs = new ApiDocuments(json, urls);
  }

  private final ApiDocuments docs;

  public void mount(Router router) {
    router.route("/api/v1/*").handler(BodyHandler.create(false).setBodyLimit(bodyLimit));
    router.route("/api/v1/*").handler(this::requireJsonBody);
    router.get("/api/v1/openapi.json").handler(this::openApi);
    router.post("/api/v1/auth/login").handler(this::login);
    // Authentication, then the audit trail: every later /api/v1 route (of any area) passes both.
    router.route("/api/v1/*").handler(auth).handler(auditTrail);

    router
        .get("/api/v1/organizations")
        .handler(
            ctx ->
                respond(
                    ctx,
                    profiles
                        .organizations()
                        .map(
                            list -> {
                              ArrayNode arr = json.mapper().createArrayNode();
                              list.forEach(o -> arr.add(docs.profile(o)));
                              ObjectNode out = json.mapper().createObjectNode();
                              out.set("items", arr);
                              return out;
                            }),
                    200));
    router
        .get("/api/v1/organizations/:handle/profile")
        .handler(
            ctx -> respondVersioned(ctx, profiles.get(ctx.pathParam("handle")).map(docs::profile)));
    router
        .put("/api/v1/organizations/:handle/profile")
        .handler(
            ctx ->
                respondVersioned(
                    ctx,
                    profiles
                        .update(ctx.pathParam("handle"), body(ctx), ifMatch(ctx))
                        .map(docs::profile)));

    router.get("/api/v1/organizations/:handle/entries").handler(this::listEntries);
    router.post("/api/v1/organizations/:handle/entries").handler(this::createEntry);
    router.post("/api/v1/organizations/:handle/entries/import").handler(this::importEntries);
    router
        .get("/api/v1/organizations/:handle/entries/:id")
        .handler(
            ctx ->
                respondVersioned(
                    ctx,
                    entries
                        .get(ctx.pathParam("handle"), ctx.pathParam("id"))
                        .map(e -> docs.entry(ctx.pathParam("handle"), e))));
    router
        .put("/api/v1/organizations/:handle/entries/:id")
        .handler(
            ctx ->
                respondVersioned(
                    ctx,
                    entries
                        .update(
                            ctx.pathParam("handle"), ctx.pathParam("id"), body(ctx), ifMatch(ctx))
                        .map(e -> docs.entry(ctx.pathParam("handle"), e))));
    router
        .delete("/api/v1/organizations/:handle/entries/:id")
        .handler(
            ctx ->
                entries
                    .delete(ctx.pathParam("handle"), ctx.pathParam("id"))
                    .onSuccess(v -> ctx.response().setStatusCode(204).end())
                    .onFailure(ctx::fail));
  }

  private void openApi(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(Buffer.buffer(OpenApiDocument.bytes()));
  }

  private void login(RoutingContext ctx) {
    ObjectNode in = body(ctx);
    String user = in.path("username").asText("");
    String password = in.path("password").asText("");
    if (user.isEmpty() || password.isEmpty()) {
      ctx.fail(Problem.badRequest("Send {\"username\": …, \"password\": …}."));
      return;
    }
    respond(
        ctx,
        admins
            .login(user, password.toCharArray())
            .compose(token -> auditTrail.record(user, "token.login").map(token))
            .map(
                token -> {
                  ObjectNode out = json.mapper().createObjectNode();
                  out.put("token", token);
                  out.put("tokenType", "Bearer");
                  out.put("expiresIn", 12 * 3600);
                  return out;
                }),
        200);
  }

  /** 415 for a body that is not JSON; runs before authentication so it is cheap to refuse. */
  private void requireJsonBody(RoutingContext ctx) {
    var method = ctx.request().method().name();
    if (("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method))
        && !MediaRoutes.isUpload(ctx.request().path())) {
      String type = ctx.request().getHeader("Content-Type");
      String base = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
      if (!base.equals("application/json") && !base.endsWith("+json")) {
        ctx.fail(
            Problem.of(
                    415,
                    "unsupported-media-type",
                    "Unsupported media type",
                    "Send the body as application/json.")
                .exception());
        return;
      }
    }
    ctx.next();
  }

  private void listEntries(RoutingContext ctx) {
    EntryQuery q;
    try {
      q =
          new EntryQuery(
              param(ctx, "kind") == null
                  ? null
                  : EntryKind.fromWire(param(ctx, "kind"))
                      .orElseThrow(
                          () -> Problem.badRequest("Unknown kind '" + param(ctx, "kind") + "'.")),
              param(ctx, "visibility") == null
                  ? null
                  : Visibility.fromWire(param(ctx, "visibility"))
                      .orElseThrow(() -> Problem.badRequest("Unknown visibility.")),
              param(ctx, "sector"),
              param(ctx, "region"),
              instant(ctx, "from"),
              instant(ctx, "to"),
              intParam(ctx, "page", 1),
              intParam(ctx, "pageSize", 20));
    } catch (IllegalArgumentException e) {
      ctx.fail(Problem.badRequest(e.getMessage()));
      return;
    }
    String handle = ctx.pathParam("handle");
    respond(
        ctx,
        entries.list(handle, q).map(page -> docs.page(ctx.request().query(), handle, page)),
        200);
  }

  private void createEntry(RoutingContext ctx) {
    String handle = ctx.pathParam("handle");
    ObjectNode in = body(ctx);
    entries
        .create(handle, in)
        .onSuccess(
            e -> {
              ctx.response()
                  .setStatusCode(201)
                  .putHeader("Location", urls.apiEntry(handle, e.id()))
                  .putHeader("ETag", "\"" + e.version() + "\"")
                  .putHeader("Content-Type", "application/json; charset=utf-8")
                  .end(Buffer.buffer(json.write(docs.entry(handle, e))));
            })
        .onFailure(ctx::fail);
  }

  /**
   * Bulk import: {@code {"entries": [...]}}, up to {@link EntryService#MAX_BATCH} at once, created
   * and published in one transaction (all or nothing). The CLI's {@code import} command sends files
   * here in batches.
   */
  private void importEntries(RoutingContext ctx) {
    String handle = ctx.pathParam("handle");
    com.fasterxml.jackson.databind.JsonNode list = body(ctx).get("entries");
    if (list == null || !list.isArray()) {
      ctx.fail(Problem.badRequest("Send {\"entries\": [ …entry documents… ]}."));
      return;
    }
    java.util.List<ObjectNode> docs = new java.util.ArrayList<>(list.size());
    for (com.fasterxml.jackson.databind.JsonNode n : list) {
      if (!(n instanceof ObjectNode o)) {
        ctx.fail(Problem.badRequest("Entry " + docs.size() + " is not a JSON object."));
        return;
      }
      docs.add(o);
    }
    respond(
        ctx,
        entries
            .createAll(handle, docs)
            .map(
                created -> {
                  ObjectNode out = json.mapper().createObjectNode();
                  out.put("created", created.size());
                  ArrayNode items = out.putArray("items");
                  created.forEach(
                      e ->
                          items
                              .addObject()
                              .put("id", e.id())
                              .put("url", urls.entry(handle, e.id())));
                  return out;
                }),
        201);
  }

  private ObjectNode body(RoutingContext ctx) {
    return JsonReplies.body(ctx, json);
  }

  private static Integer ifMatch(RoutingContext ctx) {
    String h = ctx.request().getHeader("If-Match");
    if (h == null) return null;
    String v = h.trim();
    if (v.startsWith("W/")) v = v.substring(2);
    v = v.replace("\"", "");
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw Problem.badRequest("If-Match must be an ETag returned by this API, such as \"3\".");
    }
  }

  private void respondVersioned(RoutingContext ctx, Future<ObjectNode> f) {
    f.onSuccess(
            body ->
                ctx.response()
                    .putHeader("ETag", "\"" + body.path("version").asInt() + "\"")
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(Buffer.buffer(json.write(body))))
        .onFailure(ctx::fail);
  }

  private void respond(RoutingContext ctx, Future<ObjectNode> f, int status) {
    JsonReplies.respond(ctx, status, f, json);
  }

  private static String param(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static int intParam(RoutingContext ctx, String name, int fallback) {
    String v = param(ctx, name);
    if (v == null) return fallback;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number");
    }
  }

  private static Instant instant(RoutingContext ctx, String name) {
    String v = param(ctx, name);
    if (v == null) return null;
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be an RFC 3339 date-time with offset");
    }
  }
}
