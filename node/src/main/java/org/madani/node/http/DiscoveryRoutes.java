package org.madani.node.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.madani.node.content.ProfileService;
import org.madani.node.federation.follow.FollowService;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;
import org.madani.node.trust.DiscoveryService;

/**
 * Network discovery (protocol-spec/discovery.md). Public: {@code GET /discovery/peers.json}, whom
 * this node's organizations follow (and whom it trusts, when published). Admin API, mounted after
 * the token check: {@code GET /api/v1/discovery/suggestions}, {@code POST
 * /api/v1/discovery/suggestions/follow}, {@code GET|PUT /api/v1/discovery/settings}.
 */
public final class DiscoveryRoutes {

  private final DiscoveryService discovery;
  private final FollowService follows;
  private final ProfileService profiles;
  private final JsonCodec json;
  private final String base;

  public DiscoveryRoutes(
      DiscoveryService discovery,
      FollowService follows,
      ProfileService profiles,
      JsonCodec json,
      String base) {
    this.discovery = discovery;
    this.follows = follows;
    this.profiles = profiles;
    this.json = json;
    this.base = base;
  }

  public void mount(Router router) {
    router.get("/discovery/peers.json").handler(this::peers);
  }

  public void mountAdmin(Router router) {
    router
        .get("/api/v1/discovery/suggestions")
        .handler(ctx -> send(ctx, 200, discovery.suggestions().map(this::suggestionsJson)));
    router.post("/api/v1/discovery/suggestions/follow").handler(this::follow);
    router
        .get("/api/v1/discovery/settings")
        .handler(ctx -> send(ctx, 200, discovery.settings().map(this::settingsJson)));
    router.put("/api/v1/discovery/settings").handler(this::updateSettings);
  }

  private void peers(RoutingContext ctx) {
    discovery
        .peersDocument()
        .onSuccess(
            d -> {
              if (!d.publishFollows() && !d.publishTrusts()) {
                ctx.fail(Problem.notFound("This node does not publish whom it follows or trusts."));
                return;
              }
              ObjectNode o = json.mapper().createObjectNode();
              o.put("type", "MadaniPeers");
              o.put("version", 1);
              o.put("node", base);
              o.put("updated", d.updated().toString());
              if (d.publishFollows()) {
                ArrayNode list = o.putArray("follows");
                d.follows()
                    .forEach(
                        f ->
                            list.addObject()
                                .put("id", f.id())
                                .set("name", json.mapper().valueToTree(f.name())));
              }
              if (d.publishTrusts()) {
                ObjectNode t = o.putObject("trusts");
                t.set("nodes", json.mapper().valueToTree(d.trustedNodes()));
                t.set("organizations", json.mapper().valueToTree(d.trustedOrganizations()));
              }
              ctx.response()
                  .putHeader("Content-Type", "application/json; charset=utf-8")
                  .putHeader("Cache-Control", "public, max-age=300")
                  .end(Buffer.buffer(json.write(o)));
            })
        .onFailure(ctx::fail);
  }

  /**
   * Follows a suggestion as {@code as} (a hosted organization's handle; optional when there is
   * one).
   */
  private void follow(RoutingContext ctx) {
    ObjectNode in =
        json.parseObject(ctx.body().buffer() == null ? null : ctx.body().buffer().getBytes());
    String actor = in.path("actor").asText("");
    if (!(actor.startsWith("https://") || actor.startsWith("http://"))) {
      ctx.fail(Problem.badRequest("Send {\"actor\": \"https://…\", \"as\": \"handle\"}."));
      return;
    }
    String as = in.path("as").asText("");
    Future<String> handle =
        !as.isEmpty()
            ? Future.succeededFuture(as)
            : profiles
                .organizations()
                .map(
                    orgs -> {
                      if (orgs.size() != 1) {
                        throw Problem.badRequest(
                            "This node hosts "
                                + orgs.size()
                                + " organizations: say which follows, with \"as\".");
                      }
                      return orgs.get(0).handle();
                    });
    send(
        ctx,
        202,
        handle.compose(
            h ->
                follows
                    .follow(h, actor)
                    .map(
                        row -> {
                          ObjectNode o = json.mapper().createObjectNode();
                          o.put("organization", h);
                          o.put("actor", row.remoteActor());
                          o.put("state", row.state().name().toLowerCase(java.util.Locale.ROOT));
                          return o;
                        })));
  }

  private void updateSettings(RoutingContext ctx) {
    ObjectNode in =
        json.parseObject(ctx.body().buffer() == null ? null : ctx.body().buffer().getBytes());
    if (!in.path("publishFollows").isBoolean() || !in.path("publishTrusts").isBoolean()) {
      ctx.fail(
          Problem.badRequest(
              "Send {\"publishFollows\": true|false, \"publishTrusts\": true|false}."));
      return;
    }
    java.util.List<String> orgs = null;
    if (in.has("publishFollowsOf")) {
      if (!in.get("publishFollowsOf").isArray()) {
        ctx.fail(Problem.badRequest("publishFollowsOf is a list of organization handles."));
        return;
      }
      orgs = new java.util.ArrayList<>();
      for (var h : in.get("publishFollowsOf")) orgs.add(h.asText());
    }
    send(
        ctx,
        200,
        discovery
            .update(in.get("publishFollows").asBoolean(), orgs, in.get("publishTrusts").asBoolean())
            .map(this::settingsJson));
  }

  private ObjectNode settingsJson(DiscoveryService.Settings s) {
    var o =
        json.mapper()
            .createObjectNode()
            .put("publishFollows", s.publishFollows())
            .put("publishTrusts", s.publishTrusts());
    o.set("publishFollowsOf", json.mapper().valueToTree(s.publishFollowsOf()));
    return o;
  }

  private ObjectNode suggestionsJson(DiscoveryService.Suggestions s) {
    ObjectNode o = json.mapper().createObjectNode();
    ArrayNode items = o.putArray("items");
    for (DiscoveryService.Suggestion x : s.items()) {
      ObjectNode i = items.addObject();
      i.put("actor", x.actor());
      i.set("name", json.mapper().valueToTree(x.name()));
      i.put("count", x.count());
      i.set("followedBy", json.mapper().valueToTree(x.followedBy()));
    }
    ArrayNode peers = o.putArray("peers");
    for (DiscoveryService.PeerStatus p : s.peers()) {
      ObjectNode n =
          peers.addObject().put("origin", p.origin()).put("ok", p.ok()).put("follows", p.follows());
      if (p.error() != null) n.put("error", p.error());
    }
    return o;
  }

  private void send(RoutingContext ctx, int status, Future<ObjectNode> body) {
    body.onSuccess(
            b ->
                ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(Buffer.buffer(json.write(b))))
        .onFailure(ctx::fail);
  }
}
