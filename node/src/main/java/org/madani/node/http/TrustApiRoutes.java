package org.madani.node.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;
import org.madani.node.trust.FederationMode;
import org.madani.node.trust.TrustLevel;
import org.madani.node.trust.TrustService;
import org.madani.node.trust.TrustService.Standing;

/**
 * Admin API for the trust model: federation mode, levels per node and per organization. Mounted
 * after {@link ApiRoutes}, whose token check covers /api/v1/*.
 */
public final class TrustApiRoutes {

  private final TrustService trust;
  private final JsonCodec json;

  public TrustApiRoutes(TrustService trust, JsonCodec json) {
    this.trust = trust;
    this.json = json;
  }

  public void mount(Router router) {
    router
        .get("/api/v1/trust/mode")
        .handler(ctx -> respond(ctx, 200, Future.succeededFuture(mode(trust.mode()))));
    router.put("/api/v1/trust/mode").handler(this::setMode);
    router
        .get("/api/v1/trust/nodes")
        .handler(ctx -> respond(ctx, 200, trust.nodes().map(this::items)));
    router
        .get("/api/v1/trust/nodes/:host")
        .handler(ctx -> respond(ctx, 200, trust.node(ctx.pathParam("host")).map(this::standing)));
    router.put("/api/v1/trust/nodes/:host").handler(ctx -> set(ctx, true, ctx.pathParam("host")));
    router
        .delete("/api/v1/trust/nodes/:host")
        .handler(ctx -> clear(ctx, true, ctx.pathParam("host")));
    router
        .get("/api/v1/trust/actors")
        .handler(
            ctx -> {
              String actor = ctx.request().getParam("actor");
              respond(
                  ctx,
                  200,
                  actor == null
                      ? trust.actors().map(this::items)
                      : trust.actor(actor).map(this::standing));
            });
    // The actor id is URL-encoded as one path segment; ?actor= works as well.
    router
        .get("/api/v1/trust/actors/:actor")
        .handler(ctx -> respond(ctx, 200, trust.actor(actorParam(ctx)).map(this::standing)));
    router.put("/api/v1/trust/actors/:actor").handler(ctx -> set(ctx, false, actorParam(ctx)));
    router.delete("/api/v1/trust/actors/:actor").handler(ctx -> clear(ctx, false, actorParam(ctx)));
  }

  /** Who is acting, for the audit log: the admin the session layer names, else the API token. */
  static String admin(RoutingContext ctx) {
    AdminAuth.Principal p = AdminAuth.principal(ctx);
    return p == null ? "api-token" : p.auditName();
  }

  private static String actorParam(RoutingContext ctx) {
    String q = ctx.request().getParam("actor");
    return q != null ? q : ctx.pathParam("actor");
  }

  private void setMode(RoutingContext ctx) {
    ObjectNode in = body(ctx);
    FederationMode mode;
    try {
      mode = FederationMode.parse(in.path("mode").asText(null));
    } catch (IllegalArgumentException e) {
      ctx.fail(Problem.unprocessable("Send {\"mode\": \"open\"|\"allowlist\"}."));
      return;
    }
    respond(ctx, 200, trust.setMode(admin(ctx), mode).map(this::mode));
  }

  private void set(RoutingContext ctx, boolean node, String subject) {
    ObjectNode in = body(ctx);
    TrustLevel level;
    try {
      level = TrustLevel.parse(in.path("level").asText(null));
    } catch (IllegalArgumentException e) {
      ctx.fail(
          Problem.unprocessable(
              "Send {\"level\": \"blocked\"|\"allowed\"|\"trusted\"|\"unknown\"}"
                  + (node ? "." : " (or \"limited\").")));
      return;
    }
    String note = in.hasNonNull("note") ? in.get("note").asText() : null;
    if (note != null && note.length() > 500) {
      ctx.fail(Problem.unprocessable("A note has at most 500 characters."));
      return;
    }
    Future<Standing> f;
    try {
      f =
          node
              ? trust.setNode(admin(ctx), subject, level, note)
              : trust.setActor(admin(ctx), subject, level, note);
    } catch (RuntimeException e) {
      ctx.fail(e);
      return;
    }
    respond(ctx, 200, f.map(this::standing));
  }

  private void clear(RoutingContext ctx, boolean node, String subject) {
    Future<Standing> f;
    try {
      f =
          node
              ? trust.setNode(admin(ctx), subject, TrustLevel.UNKNOWN, null)
              : trust.setActor(admin(ctx), subject, TrustLevel.UNKNOWN, null);
    } catch (RuntimeException e) {
      ctx.fail(e);
      return;
    }
    f.onSuccess(s -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
  }

  private ObjectNode mode(FederationMode m) {
    return json.mapper().createObjectNode().put("mode", m.wireName());
  }

  private ObjectNode items(List<Standing> list) {
    ObjectNode out = json.mapper().createObjectNode();
    ArrayNode items = out.putArray("items");
    list.forEach(s -> items.add(standing(s)));
    return out;
  }

  private ObjectNode standing(Standing s) {
    ObjectNode o = json.mapper().createObjectNode();
    o.put("subject", s.subject());
    o.put("level", s.stored().wireName());
    o.put("effective", s.effective().wireName());
    if (s.note() != null) o.put("note", s.note());
    if (s.source() != null) o.put("source", s.source());
    return o;
  }

  ObjectNode body(RoutingContext ctx) {
    return json.parseObject(
        ctx.body() == null || ctx.body().buffer() == null ? null : ctx.body().buffer().getBytes());
  }

  void respond(RoutingContext ctx, int status, Future<ObjectNode> f) {
    f.onSuccess(
            body ->
                ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(Buffer.buffer(json.write(body))))
        .onFailure(ctx::fail);
  }
}
