package org.madani.node.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.madani.node.federation.follow.FollowService;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;
import org.madani.node.store.FollowRepository.Direction;
import org.madani.node.store.FollowRepository.FollowRow;
import org.madani.node.store.FollowRepository.State;

/**
 * Admin API for federation: following, followers (approve, reject), follower approval mode, and
 * what has been received from others. Mounted after {@link ApiRoutes}, whose token check covers it.
 */
public final class FederationApiRoutes {

  private final FollowService follows;
  private final JsonCodec json;

  public FederationApiRoutes(FollowService follows, JsonCodec json) {
    this.follows = follows;
    this.json = json;
  }

  public void mount(Router router) {
    String base = "/api/v1/organizations/:handle";
    router.get(base + "/following").handler(ctx -> list(ctx, Direction.OUTGOING));
    router.post(base + "/following").handler(this::follow);
    router.delete(base + "/following").handler(this::unfollow);
    router.get(base + "/followers").handler(ctx -> list(ctx, Direction.INCOMING));
    router.post(base + "/followers/approve").handler(ctx -> decide(ctx, true));
    router.post(base + "/followers/reject").handler(ctx -> decide(ctx, false));
    router
        .get(base + "/federation-settings")
        .handler(
            ctx ->
                respond(
                    ctx,
                    200,
                    follows
                        .autoApprove(ctx.pathParam("handle"))
                        .map(
                            auto -> {
                              ObjectNode out = json.mapper().createObjectNode();
                              out.put("autoApproveFollowers", auto);
                              return out;
                            })));
    router.put(base + "/federation-settings").handler(this::settings);
    router.get(base + "/received").handler(this::received);
  }

  private void follow(RoutingContext ctx) {
    ObjectNode in =
        json.parseObject(ctx.body().buffer() == null ? null : ctx.body().buffer().getBytes());
    String actor = in.path("actor").asText("");
    if (actor.isBlank()) {
      ctx.fail(Problem.badRequest("Send {\"actor\": \"https://…\" or \"name@host\"}."));
      return;
    }
    respond(ctx, 202, follows.follow(ctx.pathParam("handle"), actor).map(this::followJson));
  }

  private void unfollow(RoutingContext ctx) {
    String actor = ctx.request().getParam("actor");
    if (actor == null || actor.isBlank()) {
      ctx.fail(Problem.badRequest("Name the actor: ?actor=https://…"));
      return;
    }
    follows
        .unfollow(ctx.pathParam("handle"), actor)
        .onSuccess(
            found -> {
              if (found) ctx.response().setStatusCode(204).end();
              else ctx.fail(Problem.notFound("Not following " + actor + "."));
            })
        .onFailure(ctx::fail);
  }

  private void decide(RoutingContext ctx, boolean approve) {
    ObjectNode in =
        json.parseObject(ctx.body().buffer() == null ? null : ctx.body().buffer().getBytes());
    String actor = in.path("actor").asText("");
    if (actor.isBlank()) {
      ctx.fail(Problem.badRequest("Send {\"actor\": \"https://…\"}."));
      return;
    }
    follows
        .decide(ctx.pathParam("handle"), actor, approve)
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void settings(RoutingContext ctx) {
    ObjectNode in =
        json.parseObject(ctx.body().buffer() == null ? null : ctx.body().buffer().getBytes());
    if (!in.has("autoApproveFollowers") || !in.get("autoApproveFollowers").isBoolean()) {
      ctx.fail(Problem.unprocessable("Send {\"autoApproveFollowers\": true|false}."));
      return;
    }
    follows
        .setAutoApprove(ctx.pathParam("handle"), in.get("autoApproveFollowers").asBoolean())
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx, Direction d) {
    String s = ctx.request().getParam("state");
    State state;
    try {
      state = s == null ? null : State.valueOf(s.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      ctx.fail(Problem.badRequest("state must be pending, accepted or rejected."));
      return;
    }
    respond(
        ctx,
        200,
        follows
            .list(ctx.pathParam("handle"), d, state)
            .map(
                rows -> {
                  ObjectNode out = json.mapper().createObjectNode();
                  ArrayNode items = out.putArray("items");
                  rows.forEach(r -> items.add(followJson(r)));
                  return out;
                }));
  }

  private void received(RoutingContext ctx) {
    String actor = ctx.request().getParam("actor");
    respond(
        ctx,
        200,
        follows
            .received(ctx.pathParam("handle"), actor, 200)
            .map(
                rows -> {
                  ObjectNode out = json.mapper().createObjectNode();
                  ArrayNode items = out.putArray("items");
                  for (var r : rows) {
                    ObjectNode item = items.addObject();
                    item.put("id", r.id());
                    item.put("actor", r.actor());
                    item.put("type", r.type());
                    item.put("audience", r.audience());
                    item.put("verifiedBy", r.verifiedBy());
                    if (r.via() != null) item.put("via", r.via());
                    item.put("received", r.received().toString());
                    item.put("updated", r.updated().toString());
                    try {
                      item.set("object", json.mapper().readTree(r.document()));
                    } catch (java.io.IOException e) {
                      throw new IllegalStateException(e);
                    }
                  }
                  return out;
                }));
  }

  private ObjectNode followJson(FollowRow r) {
    ObjectNode o = json.mapper().createObjectNode();
    o.put("actor", r.remoteActor());
    o.put("state", r.state().name().toLowerCase(java.util.Locale.ROOT));
    o.put("activity", r.activityId());
    o.put("since", r.created().toString());
    return o;
  }

  private void respond(RoutingContext ctx, int status, Future<ObjectNode> f) {
    JsonReplies.respond(ctx, status, f, json);
  }
}
