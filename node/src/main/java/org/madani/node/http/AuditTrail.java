package org.madani.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import org.madani.node.account.AuditLog;
import org.madani.node.json.JsonCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every state-changing admin API request to the audit log. Mounted on /api/v1/* right after
 * {@link AdminAuth}, so no admin route (ours or a later area's) can be reached without passing
 * here. The row is written BEFORE the action runs (if that write fails, the action is refused) and
 * completed with the route and status when the response ends.
 */
public final class AuditTrail implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

  /** Body fields that name what an action is about; body contents beyond these are not logged. */
  private static final String[] TARGET_FIELDS = {
    "actor", "host", "level", "username", "autoApproveFollowers"
  };

  private final AuditLog audit;
  private final JsonCodec json;

  public AuditTrail(AuditLog audit, JsonCodec json) {
    this.audit = audit;
    this.json = json;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (!AdminAuth.stateChanging(ctx.request().method())) {
      ctx.next();
      return;
    }
    AdminAuth.Principal who = AdminAuth.principal(ctx);
    String method = ctx.request().method().name();
    String target = target(ctx);
    audit
        .begin(
            who == null ? "unknown" : who.auditName(), method + " " + ctx.request().path(), target)
        .onFailure(ctx::fail)
        .onSuccess(
            id -> {
              ctx.addEndHandler(
                  done ->
                      audit
                          .complete(
                              id,
                              method + " " + routeOf(ctx),
                              target,
                              done.succeeded() ? null : "response not completed",
                              ctx.response().getStatusCode())
                          .onFailure(
                              err -> LOG.error("audit row {} could not be completed", id, err)));
              ctx.next();
            });
  }

  /** Records a finished action that happens outside the /api/v1 guard (token logins). */
  public io.vertx.core.Future<Void> record(String admin, String action) {
    return audit.record(admin, action, null, null, 200);
  }

  private static String routeOf(RoutingContext ctx) {
    Route r = ctx.currentRoute();
    String p = r == null ? null : r.getPath();
    return p == null || p.endsWith("*") ? ctx.request().path() : p;
  }

  private String target(RoutingContext ctx) {
    StringBuilder t = new StringBuilder(ctx.request().path().replaceFirst("^/api/v1/", ""));
    String actor = ctx.request().getParam("actor");
    if (actor != null) t.append(" actor=").append(actor);
    var body = ctx.body() == null ? null : ctx.body().buffer();
    if (body != null && body.length() > 0) {
      try {
        JsonNode in = json.parseObject(body.getBytes());
        for (String f : TARGET_FIELDS) {
          if (in.has(f) && in.get(f).isValueNode())
            t.append(' ').append(f).append('=').append(in.get(f).asText());
        }
      } catch (RuntimeException ignored) {
        // not JSON: the route itself will refuse it; the path is target enough
      }
    }
    return t.toString();
  }
}
