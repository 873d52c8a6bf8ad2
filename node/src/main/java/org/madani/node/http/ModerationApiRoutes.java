package org.madani.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;
import org.madani.node.store.ReportRepository.ReportRow;
import org.madani.node.trust.ModerationService;

/** Admin API for moderation: the report queue, actions on remote content, sending a Flag. */
public final class ModerationApiRoutes {

  private final ModerationService moderation;
  private final JsonCodec json;

  public ModerationApiRoutes(ModerationService moderation, JsonCodec json) {
    this.moderation = moderation;
    this.json = json;
  }

  public void mount(Router router) {
    router
        .get("/api/v1/moderation/reports")
        .handler(
            ctx ->
                respond(
                    ctx,
                    200,
                    moderation
                        .reports(
                            ctx.request().getParam("direction"), ctx.request().getParam("state"))
                        .map(this::items)));
    router.post("/api/v1/moderation/reports/:id/resolve").handler(this::resolve);
    router.post("/api/v1/moderation/actions").handler(this::act);
    router.post("/api/v1/moderation/flags").handler(this::flag);
  }

  private void resolve(RoutingContext ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      ctx.fail(Problem.notFound("No such report."));
      return;
    }
    String resolution = body(ctx).path("resolution").asText(null);
    if (resolution != null && resolution.length() > 500) {
      ctx.fail(Problem.unprocessable("A resolution has at most 500 characters."));
      return;
    }
    respond(
        ctx, 200, moderation.resolve(TrustApiRoutes.admin(ctx), id, resolution).map(this::report));
  }

  private void act(RoutingContext ctx) {
    ObjectNode in = body(ctx);
    ModerationService.Action action;
    try {
      action = ModerationService.Action.parse(in.path("action").asText(""));
    } catch (IllegalArgumentException e) {
      ctx.fail(Problem.unprocessable("action is suspend, limit, restore or remove."));
      return;
    }
    String target = in.path("target").asText(null);
    moderation
        .act(TrustApiRoutes.admin(ctx), action, target, in.path("reason").asText(null))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void flag(RoutingContext ctx) {
    ObjectNode in = body(ctx);
    String from = in.path("from").asText("");
    String actor = in.path("actor").asText("");
    if (from.isBlank() || actor.isBlank()) {
      ctx.fail(
          Problem.unprocessable(
              "Send {\"from\": \"<our handle>\", \"actor\": \"<actor URL>\", "
                  + "\"objects\": [\"<object URL>\"], \"comment\": \"…\"}."));
      return;
    }
    List<String> objects = new ArrayList<>();
    for (JsonNode o : in.path("objects")) objects.add(o.asText());
    if (objects.size() > 50) {
      ctx.fail(Problem.unprocessable("At most 50 objects per report."));
      return;
    }
    respond(
        ctx,
        201,
        moderation
            .flag(TrustApiRoutes.admin(ctx), from, actor, objects, in.path("comment").asText(null))
            .map(this::report));
  }

  private ObjectNode items(List<ReportRow> rows) {
    ObjectNode out = json.mapper().createObjectNode();
    ArrayNode items = out.putArray("items");
    rows.forEach(r -> items.add(report(r)));
    return out;
  }

  private ObjectNode report(ReportRow r) {
    ObjectNode o = json.mapper().createObjectNode();
    o.put("id", r.id());
    o.put("direction", r.direction());
    o.put("activity", r.activityId());
    o.put("reporter", r.reporter());
    try {
      o.set("targets", json.mapper().readTree(r.targets()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    if (r.comment() != null) o.put("comment", r.comment());
    o.put("state", r.state());
    o.put("created", r.created().toString());
    if (r.resolved() != null) o.put("resolved", r.resolved().toString());
    if (r.resolution() != null) o.put("resolution", r.resolution());
    return o;
  }

  private ObjectNode body(RoutingContext ctx) {
    return JsonReplies.body(ctx, json);
  }

  private void respond(RoutingContext ctx, int status, Future<ObjectNode> f) {
    JsonReplies.respond(ctx, status, f, json);
  }
}
