package org.madani.node.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.madani.node.federation.move.OrganizationMoves;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;

/**
 * Admin API for moving an organization (mount after the admin API's token check; the audit trail
 * records the POSTs): {@code GET /api/v1/organizations/{handle}/archive} (the export), {@code POST
 * /api/v1/organizations/{handle}/import} (the archive as body: hosts it here under {@code handle})
 * and {@code POST /api/v1/organizations/{handle}/move} with {@code {"target": url}}.
 */
public final class MoveApiRoutes {

  private final OrganizationMoves moves;
  private final JsonCodec json;

  public MoveApiRoutes(OrganizationMoves moves, JsonCodec json) {
    this.moves = moves;
    this.json = json;
  }

  public void mount(Router router) {
    router
        .get("/api/v1/organizations/:handle/archive")
        .handler(
            ctx ->
                moves
                    .export(ctx.pathParam("handle"))
                    .onSuccess(
                        a ->
                            ctx.response()
                                .putHeader("Content-Type", "application/json; charset=utf-8")
                                .putHeader("Cache-Control", "no-store")
                                .putHeader(
                                    "Content-Disposition",
                                    "attachment; filename=\""
                                        + ctx.pathParam("handle")
                                        + "-archive.json\"")
                                .end(Buffer.buffer(json.write(a))))
                    .onFailure(ctx::fail));
    router.post("/api/v1/organizations/:handle/import").handler(this::importArchive);
    router.post("/api/v1/organizations/:handle/move").handler(this::move);
  }

  private void importArchive(RoutingContext ctx) {
    ObjectNode body = body(ctx);
    if (body == null) return;
    moves
        .importArchive(ctx.pathParam("handle"), body)
        .onSuccess(
            actor ->
                ctx.response()
                    .setStatusCode(201)
                    .putHeader("Location", actor)
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(
                        Buffer.buffer(
                            json.write(json.mapper().createObjectNode().put("actor", actor)))))
        .onFailure(ctx::fail);
  }

  private void move(RoutingContext ctx) {
    ObjectNode body = body(ctx);
    if (body == null) return;
    if (!body.path("target").isTextual()) {
      ctx.fail(Problem.unprocessable("Send {\"target\": \"<the new actor's URL>\"}."));
      return;
    }
    moves
        .move(ctx.pathParam("handle"), body.get("target").asText())
        .onSuccess(
            v ->
                ctx.response()
                    .setStatusCode(202)
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(
                        Buffer.buffer(
                            json.write(
                                json.mapper()
                                    .createObjectNode()
                                    .put("movedTo", body.get("target").asText())))))
        .onFailure(ctx::fail);
  }

  private ObjectNode body(RoutingContext ctx) {
    try {
      return json.parseObject(
          ctx.body() == null || ctx.body().buffer() == null
              ? null
              : ctx.body().buffer().getBytes());
    } catch (RuntimeException e) {
      ctx.fail(e);
      return null;
    }
  }
}
