package org.madani.node.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.madani.node.federation.publish.LogPages;
import org.madani.node.model.Problem;

/** Logs for catch-up: an organization's own ({@code ?after=N}) and the mirrors kept of others'. */
final class LogRoutes {

  private final LogPages logs;
  private final PeerRequests requests;

  LogRoutes(LogPages logs, PeerRequests requests) {
    this.logs = logs;
    this.requests = requests;
  }

  void mount(Router router) {
    router.get("/orgs/:handle/log").handler(this::log);
    router.get("/mirror/log").handler(this::mirrorLog);
    router.get("/mirror").handler(this::mirrorIndex);
  }

  private void log(RoutingContext ctx) {
    logs.log(ctx.pathParam("handle"), PeerRequests.longParam(ctx, "after"))
        .onSuccess(doc -> requests.activityJson(ctx, doc))
        .onFailure(ctx::fail);
  }

  /**
   * The copy this node keeps of another organization's log, served to peers while the origin is
   * away.
   */
  private void mirrorLog(RoutingContext ctx) {
    String origin = ctx.request().getParam("actor");
    if (origin == null || origin.isBlank()) {
      ctx.fail(Problem.badRequest("Name the origin: ?actor=https://…"));
      return;
    }
    logs.mirrorLog(origin, PeerRequests.longParam(ctx, "after"))
        .onSuccess(doc -> requests.activityJson(ctx, doc))
        .onFailure(ctx::fail);
  }

  private void mirrorIndex(RoutingContext ctx) {
    logs.mirrorIndex().onSuccess(doc -> requests.activityJson(ctx, doc)).onFailure(ctx::fail);
  }
}
