package org.madani.node.spaces;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;
import org.madani.node.spaces.SpaceService.PostView;
import org.madani.node.spaces.SpaceService.SpaceView;
import org.madani.node.store.SpaceRepository.MemberRow;

/**
 * Admin API for spaces under {@code /api/v1/organizations/{handle}/spaces} (spaces.md §8). Mounted
 * after the admin API's authentication and body limits; errors are RFC 9457 problems. Plaintext of
 * posts appears only in these authenticated responses (never cached), never in storage.
 */
public final class SpaceApiRoutes {

  private static final String BASE = "/api/v1/organizations/:handle/spaces";

  private final SpaceService spaces;
  private final SpaceCatchUp catchUp;
  private final JsonCodec json;

  public SpaceApiRoutes(SpaceService spaces, SpaceCatchUp catchUp, JsonCodec json) {
    this.spaces = spaces;
    this.catchUp = catchUp;
    this.json = json;
  }

  public void mount(Router router) {
    router
        .get(BASE)
        .handler(ctx -> respond(ctx, 200, spaces.list(handle(ctx)).map(this::spaceList)));
    router
        .post(BASE)
        .handler(
            ctx -> {
              ObjectNode in = body(ctx);
              respond(
                  ctx,
                  201,
                  spaces
                      .create(
                          handle(ctx),
                          in.path("name").asText(null),
                          in.path("purpose").asText(null))
                      .map(this::space));
            });
    router
        .get(BASE + "/:ref")
        .handler(ctx -> respond(ctx, 200, spaces.get(handle(ctx), ref(ctx)).map(this::space)));
    router
        .post(BASE + "/:ref/invitations")
        .handler(
            ctx ->
                respond(
                    ctx,
                    200,
                    spaces
                        .invite(handle(ctx), ref(ctx), body(ctx).path("actor").asText(null))
                        .map(this::space)));
    router
        .post(BASE + "/:ref/accept")
        .handler(ctx -> respond(ctx, 200, spaces.accept(handle(ctx), ref(ctx)).map(this::space)));
    router
        .post(BASE + "/:ref/decline")
        .handler(ctx -> respond(ctx, 200, spaces.decline(handle(ctx), ref(ctx)).map(this::space)));
    router
        .post(BASE + "/:ref/leave")
        .handler(ctx -> respond(ctx, 200, spaces.leave(handle(ctx), ref(ctx)).map(this::space)));
    router
        .delete(BASE + "/:ref/members")
        .handler(
            ctx -> {
              String actor = ctx.request().getParam("actor");
              if (actor == null || actor.isBlank()) {
                ctx.fail(Problem.badRequest("Name the member: ?actor=<actor URL>"));
                return;
              }
              respond(ctx, 200, spaces.remove(handle(ctx), ref(ctx), actor).map(this::space));
            });
    router
        .post(BASE + "/:ref/catch-up")
        .handler(
            ctx ->
                respond(
                    ctx,
                    200,
                    catchUp
                        .catchUp(handle(ctx), ref(ctx))
                        .map(n -> json.mapper().createObjectNode().put("added", n))));
    router
        .get(BASE + "/:ref/posts")
        .handler(
            ctx ->
                respond(
                    ctx,
                    200,
                    spaces
                        .posts(
                            handle(ctx),
                            ref(ctx),
                            number(ctx, "after", 0),
                            (int) number(ctx, "limit", 100))
                        .map(this::postList)));
    router
        .post(BASE + "/:ref/posts")
        .handler(
            ctx -> {
              ObjectNode in = body(ctx);
              List<SpaceService.Attachment> files = new java.util.ArrayList<>();
              for (var f : in.path("attachments")) {
                byte[] data;
                try {
                  data = java.util.Base64.getDecoder().decode(f.path("data").asText(""));
                } catch (IllegalArgumentException bad) {
                  throw Problem.unprocessable("An attachment's data must be base64.");
                }
                files.add(
                    new SpaceService.Attachment(
                        f.path("name").asText(null), f.path("mediaType").asText(null), data));
              }
              respond(
                  ctx,
                  201,
                  spaces
                      .post(
                          handle(ctx),
                          ref(ctx),
                          in.path("content").asText(null),
                          in.path("inReplyTo").asText(null),
                          files)
                      .map(this::post));
            });
  }

  private ObjectNode space(SpaceView s) {
    ObjectNode o = json.mapper().createObjectNode();
    o.put("id", s.id()).put("ref", s.ref()).put("owner", s.owner()).put("name", s.name());
    if (s.purpose() != null) o.put("purpose", s.purpose());
    o.put("role", s.role()).put("epoch", s.epoch());
    ArrayNode members = o.putArray("members");
    for (MemberRow m : s.members()) {
      members.addObject().put("actor", m.actor()).put("role", m.role()).put("state", m.state());
    }
    return o;
  }

  private ObjectNode spaceList(List<SpaceView> list) {
    ObjectNode o = json.mapper().createObjectNode();
    ArrayNode items = o.putArray("items");
    list.forEach(s -> items.add(space(s)));
    return o;
  }

  private ObjectNode post(PostView p) {
    ObjectNode o = json.mapper().createObjectNode();
    o.put("id", p.id())
        .put("author", p.author())
        .put("epoch", p.epoch())
        .put("readable", p.readable());
    if (p.content() != null) o.put("content", p.content());
    if (p.inReplyTo() != null) o.put("inReplyTo", p.inReplyTo());
    if (!p.attachments().isEmpty()) {
      ArrayNode files = o.putArray("attachments");
      for (SpaceService.Attachment f : p.attachments()) {
        files
            .addObject()
            .put("name", f.name())
            .put("mediaType", f.mediaType())
            .put("size", f.data().length)
            .put("data", java.util.Base64.getEncoder().encodeToString(f.data()));
      }
    }
    o.put("received", p.received().toString());
    return o;
  }

  private ObjectNode postList(List<PostView> list) {
    ObjectNode o = json.mapper().createObjectNode();
    ArrayNode items = o.putArray("items");
    list.forEach(p -> items.add(post(p)));
    return o;
  }

  private static String handle(RoutingContext ctx) {
    return ctx.pathParam("handle");
  }

  private static String ref(RoutingContext ctx) {
    return ctx.pathParam("ref");
  }

  private static long number(RoutingContext ctx, String name, long fallback) {
    String v = ctx.request().getParam(name);
    if (v == null) return fallback;
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw Problem.badRequest("'" + name + "' must be a number.");
    }
  }

  private ObjectNode body(RoutingContext ctx) {
    var b = ctx.body() == null ? null : ctx.body().buffer();
    return json.parseObject(b == null ? null : b.getBytes());
  }

  private void respond(RoutingContext ctx, int status, Future<ObjectNode> f) {
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
