package org.madani.node.http.collab;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.madani.node.http.AdminAuth;
import org.madani.node.json.JsonCodec;

/** Request bodies and JSON replies of the collaboration routes. Stateless. */
final class CollabJson {

  private final JsonCodec json;

  CollabJson(JsonCodec json) {
    this.json = json;
  }

  ObjectNode body(RoutingContext ctx) {
    var b = ctx.body() == null ? null : ctx.body().buffer();
    return json.parseObject(b == null ? null : b.getBytes());
  }

  static String admin(RoutingContext ctx) {
    AdminAuth.Principal p = AdminAuth.principal(ctx);
    return p == null ? "api-token" : p.auditName();
  }

  void respond(
      RoutingContext ctx, int status, Future<? extends com.fasterxml.jackson.databind.JsonNode> f) {
    f.onSuccess(
            b -> {
              if (b == null) {
                ctx.response().setStatusCode(status).putHeader("Cache-Control", "no-store").end();
                return;
              }
              ctx.response()
                  .setStatusCode(status)
                  .putHeader("Content-Type", "application/json; charset=utf-8")
                  .putHeader("Cache-Control", "no-store")
                  .end(Buffer.buffer(json.write(b)));
            })
        .onFailure(ctx::fail);
  }
}
