package org.madani.node.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import org.madani.node.json.JsonCodec;

/** How admin API routes read a JSON body and answer with JSON: one way, shared by every area. */
final class JsonReplies {
  private JsonReplies() {}

  /** The request body as one bounded JSON object, or a 400 problem. */
  static ObjectNode body(RoutingContext ctx, JsonCodec json) {
    var b = ctx.body() == null ? null : ctx.body().buffer();
    return json.parseObject(b == null ? null : b.getBytes());
  }

  /**
   * Answers {@code status} with the future's JSON (never cached), or fails the route with its
   * problem.
   */
  static void respond(RoutingContext ctx, int status, Future<ObjectNode> f, JsonCodec json) {
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
