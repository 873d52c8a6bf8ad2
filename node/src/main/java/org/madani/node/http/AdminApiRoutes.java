package org.madani.node.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.time.Clock;
import org.madani.node.account.AuditLog;
import org.madani.node.account.Invitations;
import org.madani.node.health.PeerHealthReader;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;

/**
 * Admin API for the admin UI: the audit log, invitations for further admins, and a read-only view
 * of peer health (delivery state per host merged with mirror state per followed origin). Mounted
 * after {@link ApiRoutes}, whose authentication and audit cover it.
 */
public final class AdminApiRoutes {

  private final AuditLog audit;
  private final Invitations invitations;
  private final PeerHealthReader peerHealth;
  private final JsonCodec json;
  private final URI baseUrl;
  private final Clock clock;

  public AdminApiRoutes(
      AuditLog audit,
      Invitations invitations,
      PeerHealthReader peerHealth,
      JsonCodec json,
      URI baseUrl,
      Clock clock) {
    this.audit = audit;
    this.invitations = invitations;
    this.peerHealth = peerHealth;
    this.json = json;
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  public void mount(Router router) {
    router.get("/api/v1/audit").handler(this::auditLog);
    router.post("/api/v1/admins/invitations").handler(this::invite);
    router.get("/api/v1/federation/health").handler(this::health);
  }

  private void auditLog(RoutingContext ctx) {
    int page = intParam(ctx, "page", 1);
    int size = intParam(ctx, "pageSize", 50);
    // ?done=true: only actions that took effect (the UI's plain-language log and dashboard).
    boolean doneOnly = "true".equals(ctx.request().getParam("done"));
    respond(
        ctx,
        200,
        audit
            .page(page, size, doneOnly)
            .map(
                p -> {
                  ObjectNode out = json.mapper().createObjectNode();
                  ArrayNode items = out.putArray("items");
                  for (var r : p.items()) {
                    ObjectNode i = items.addObject();
                    i.put("id", r.id());
                    i.put("at", r.at().toString());
                    i.put("admin", r.admin());
                    i.put("action", r.action());
                    if (r.target() != null) i.put("target", r.target());
                    if (r.detail() != null) i.put("detail", r.detail());
                    if (r.outcome() != null) i.put("outcome", r.outcome());
                  }
                  out.put("page", p.page());
                  out.put("pageSize", p.pageSize());
                  out.put("total", p.total());
                  return out;
                }));
  }

  private void invite(RoutingContext ctx) {
    AdminAuth.Principal who = AdminAuth.principal(ctx);
    respond(
        ctx,
        201,
        invitations
            .create(who.auditName())
            .map(
                issued -> {
                  ObjectNode out = json.mapper().createObjectNode();
                  // The token rides in the fragment: browsers never send it to servers or in
                  // Referer headers.
                  out.put("url", baseUrl + "/admin/#/invite/" + issued.token());
                  out.put("expires", issued.expires().toString());
                  return out;
                }));
  }

  private void health(RoutingContext ctx) {
    respond(
        ctx,
        200,
        peerHealth
            .read()
            .map(
                h -> {
                  var s = h.delivery();
                  ObjectNode out = json.mapper().createObjectNode();
                  out.put("at", h.at().toString());
                  out.put("pending", s.pending());
                  out.put("leased", s.leased());
                  out.put("done", s.done());
                  out.put("dead", s.dead());
                  ArrayNode hosts = out.putArray("hosts");
                  for (var p : h.peers()) {
                    ObjectNode o = hosts.addObject();
                    o.put("host", p.host());
                    o.put("queued", p.queued());
                    if (p.lastSuccess() != null) o.put("lastSuccess", p.lastSuccess().toString());
                    if (p.lastFailure() != null) o.put("lastFailure", p.lastFailure().toString());
                    o.put("consecutiveFailures", p.consecutiveFailures());
                    o.put("breaker", p.breaker().name().toLowerCase(java.util.Locale.ROOT));
                    if (p.breakerOpenUntil() != null)
                      o.put("breakerOpenUntil", p.breakerOpenUntil().toString());
                    ArrayNode origins = o.putArray("origins");
                    for (var m : p.origins()) {
                      ObjectNode i = origins.addObject();
                      i.put("actor", m.originActor());
                      // the last sequence of the origin's signed log mirrored and applied here
                      i.put("appliedSeq", m.appliedSeq());
                      if (m.lastSynced() != null) i.put("lastSynced", m.lastSynced().toString());
                      if (m.lastSource() != null) i.put("lastSource", m.lastSource());
                      if (m.lastError() != null) i.put("lastError", m.lastError());
                    }
                  }
                  return out;
                }));
  }

  private static int intParam(RoutingContext ctx, String name, int fallback) {
    String v = ctx.request().getParam(name);
    if (v == null || v.isBlank()) return fallback;
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw Problem.badRequest(name + " must be a whole number");
    }
  }

  private void respond(RoutingContext ctx, int status, Future<ObjectNode> f) {
    JsonReplies.respond(ctx, status, f, json);
  }
}
