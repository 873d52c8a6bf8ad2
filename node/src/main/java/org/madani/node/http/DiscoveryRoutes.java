package org.madani.node.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import org.madani.node.content.ProfileService;
import org.madani.node.federation.follow.FollowService;
import org.madani.node.federation.wire.PeersList;
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
    router.get("/api/v1/discovery/settings").handler(ctx -> send(ctx, 200, discovery.settings()));
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
              PeersList o =
                  PeersList.of(
                      base,
                      d.updated().toString(),
                      d.publishFollows()
                          ? d.follows().stream()
                              .map(f -> new PeersList.Followed(f.id(), f.name()))
                              .toList()
                          : null,
                      d.publishTrusts()
                          ? new PeersList.Trusts(d.trustedNodes(), d.trustedOrganizations())
                          : null);
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
                        row ->
                            new Followed(
                                h,
                                row.remoteActor(),
                                row.state().name().toLowerCase(java.util.Locale.ROOT)))));
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
        discovery.update(
            in.get("publishFollows").asBoolean(), orgs, in.get("publishTrusts").asBoolean()));
  }

  /** The answer to a followed suggestion. */
  record Followed(String organization, String actor, String state) {}

  /** A suggestion as the admin API shows it: how many of our trusted peers follow it, and which. */
  record SuggestionJson(
      String actor, Map<String, String> name, int count, List<String> followedBy) {}

  /** How asking one trusted peer went; {@code error} only when it failed. */
  @JsonInclude(Include.NON_NULL)
  record PeerStatusJson(String origin, boolean ok, int follows, String error) {}

  record SuggestionsJson(List<SuggestionJson> items, List<PeerStatusJson> peers) {}

  private SuggestionsJson suggestionsJson(DiscoveryService.Suggestions s) {
    return new SuggestionsJson(
        s.items().stream()
            .map(x -> new SuggestionJson(x.actor(), x.name(), x.count(), x.followedBy()))
            .toList(),
        s.peers().stream()
            .map(p -> new PeerStatusJson(p.origin(), p.ok(), p.follows(), p.error()))
            .toList());
  }

  private void send(RoutingContext ctx, int status, Future<?> body) {
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
