package org.madani.node.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;
import org.madani.node.store.TrustListRepository.ChangeRow;
import org.madani.node.store.TrustListRepository.SubscriptionRow;
import org.madani.node.trust.EndorsementService;
import org.madani.node.trust.EndorsementService.Endorsement;
import org.madani.node.trust.TrustListService;
import org.madani.node.trust.TrustListService.Change;

/**
 * Admin API for endorsements and shared lists (export, import with preview, publication,
 * subscriptions and their pending changes), plus the public route peers subscribe to.
 */
public final class TrustSharingApiRoutes {

  private final EndorsementService endorsements;
  private final TrustListService lists;
  private final JsonCodec json;

  public TrustSharingApiRoutes(
      EndorsementService endorsements, TrustListService lists, JsonCodec json) {
    this.endorsements = endorsements;
    this.lists = lists;
    this.json = json;
  }

  public void mount(Router router) {
    router
        .get("/api/v1/trust/endorsements")
        .handler(
            ctx ->
                respond(
                    ctx,
                    200,
                    endorsements.list(ctx.request().getParam("of")).map(this::endorsementItems)));
    router.post("/api/v1/trust/endorsements").handler(this::endorse);
    router.delete("/api/v1/trust/endorsements").handler(this::withdraw);

    router.get("/api/v1/trust/lists/:file").handler(this::export);
    router.post("/api/v1/trust/lists/preview").handler(ctx -> importList(ctx, false));
    router.post("/api/v1/trust/lists/import").handler(ctx -> importList(ctx, true));
    router.put("/api/v1/trust/lists/publication").handler(this::publication);
    // Public: peers subscribe here (signed JSON only, and only when publication is on).
    router.get("/trust/lists/:file").handler(this::published);

    router
        .get("/api/v1/trust/subscriptions")
        .handler(ctx -> respond(ctx, 200, lists.subscriptions().map(this::subscriptionItems)));
    router
        .post("/api/v1/trust/subscriptions")
        .handler(
            ctx ->
                respond(
                    ctx,
                    201,
                    lists
                        .subscribe(TrustApiRoutes.admin(ctx), body(ctx).path("url").asText(null))
                        .map(this::subscription)));
    router
        .delete("/api/v1/trust/subscriptions/:id")
        .handler(
            ctx ->
                lists
                    .unsubscribe(TrustApiRoutes.admin(ctx), id(ctx))
                    .onSuccess(
                        found -> {
                          if (found) ctx.response().setStatusCode(204).end();
                          else ctx.fail(Problem.notFound("No such subscription."));
                        })
                    .onFailure(ctx::fail));
    router
        .post("/api/v1/trust/subscriptions/:id/refresh")
        .handler(ctx -> respond(ctx, 200, lists.refresh(id(ctx)).map(this::changeItems)));
    router
        .get("/api/v1/trust/changes")
        .handler(
            ctx ->
                respond(
                    ctx,
                    200,
                    lists.changes(ctx.request().getParam("state")).map(this::changeItems)));
    router
        .post("/api/v1/trust/changes/:id/approve")
        .handler(
            ctx ->
                respond(
                    ctx,
                    200,
                    lists.decide(TrustApiRoutes.admin(ctx), id(ctx), true).map(this::change)));
    router
        .post("/api/v1/trust/changes/:id/reject")
        .handler(
            ctx ->
                respond(
                    ctx,
                    200,
                    lists.decide(TrustApiRoutes.admin(ctx), id(ctx), false).map(this::change)));
  }

  private void endorse(RoutingContext ctx) {
    ObjectNode in = body(ctx);
    String from = in.path("from").asText("");
    String of = in.path("of").asText("");
    if (from.isBlank() || of.isBlank()) {
      ctx.fail(
          Problem.unprocessable(
              "Send {\"from\": \"<our handle>\", \"of\": \"<actor URL>\", \"comment\": \"…\"}."));
      return;
    }
    respond(
        ctx,
        201,
        endorsements
            .endorse(TrustApiRoutes.admin(ctx), from, of, in.path("comment").asText(null))
            .map(this::endorsement));
  }

  private void withdraw(RoutingContext ctx) {
    String from = ctx.request().getParam("from");
    String of = ctx.request().getParam("of");
    if (from == null || of == null) {
      ctx.fail(Problem.badRequest("Name both: ?from=<our handle>&of=<actor URL>"));
      return;
    }
    endorsements
        .withdraw(TrustApiRoutes.admin(ctx), from, of)
        .onSuccess(
            found -> {
              if (found) ctx.response().setStatusCode(204).end();
              else ctx.fail(Problem.notFound("No such endorsement."));
            })
        .onFailure(ctx::fail);
  }

  private void export(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    String name = file.replaceAll("\\.(csv|json)$", "");
    if (!name.equals("blocks") && !name.equals("allows")) {
      ctx.fail(Problem.notFound("Lists are blocks.csv, blocks.json, allows.csv and allows.json."));
      return;
    }
    if (file.endsWith(".csv")) {
      lists
          .exportCsv(name)
          .onSuccess(
              csv ->
                  ctx.response()
                      .setStatusCode(200)
                      .putHeader("Content-Type", "text/csv; charset=utf-8")
                      .putHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                      .putHeader("Cache-Control", "no-store")
                      .end(csv))
          .onFailure(ctx::fail);
    } else if (file.endsWith(".json")) {
      respond(ctx, 200, lists.exportJson(name, ctx.request().getParam("as")));
    } else {
      ctx.fail(Problem.notFound("Lists are blocks.csv, blocks.json, allows.csv and allows.json."));
    }
  }

  private void published(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    if (!file.equals("blocks.json") && !file.equals("allows.json")) {
      ctx.next();
      return;
    }
    respond(ctx, 200, lists.published(file.replace(".json", "")));
  }

  private void publication(RoutingContext ctx) {
    ObjectNode in = body(ctx);
    if (!in.path("publish").isBoolean()) {
      ctx.fail(Problem.unprocessable("Send {\"publish\": true|false}."));
      return;
    }
    respond(
        ctx,
        200,
        lists
            .setPublished(TrustApiRoutes.admin(ctx), in.get("publish").asBoolean())
            .map(p -> json.mapper().createObjectNode().put("publish", p)));
  }

  /** Body: {"format": "csv"|"json", "list": "blocks"|"allows" (CSV only), "content": "…"}. */
  private void importList(RoutingContext ctx, boolean apply) {
    ObjectNode in = body(ctx);
    String format = in.path("format").asText(null);
    String name = in.path("list").asText("blocks");
    String content = in.path("content").asText(null);
    Future<List<Change>> f =
        apply
            ? lists.apply(TrustApiRoutes.admin(ctx), format, name, content)
            : lists.preview(format, name, content);
    respond(
        ctx,
        200,
        f.map(
            changes -> {
              ObjectNode out = json.mapper().createObjectNode();
              out.put("applied", apply);
              ArrayNode items = out.putArray("changes");
              for (Change ch : changes) {
                ObjectNode o =
                    items
                        .addObject()
                        .put("type", ch.type())
                        .put("subject", ch.subject())
                        .put("from", ch.oldLevel().wireName())
                        .put("to", ch.newLevel().wireName());
                if (ch.note() != null) o.put("note", ch.note());
              }
              return out;
            }));
  }

  private ObjectNode endorsementItems(List<Endorsement> list) {
    ObjectNode out = json.mapper().createObjectNode();
    ArrayNode items = out.putArray("items");
    list.forEach(e -> items.add(endorsement(e)));
    return out;
  }

  private ObjectNode endorsement(Endorsement e) {
    ObjectNode o = json.mapper().createObjectNode();
    o.put("id", e.activityId());
    o.put("endorser", e.endorser());
    o.put("endorsed", e.endorsed());
    if (e.comment() != null) o.put("comment", e.comment());
    o.put("local", e.local());
    o.put("since", e.since().toString());
    return o;
  }

  private ObjectNode subscriptionItems(List<SubscriptionRow> list) {
    ObjectNode out = json.mapper().createObjectNode();
    ArrayNode items = out.putArray("items");
    list.forEach(s -> items.add(subscription(s)));
    return out;
  }

  private ObjectNode subscription(SubscriptionRow s) {
    ObjectNode o = json.mapper().createObjectNode();
    o.put("id", s.id());
    o.put("url", s.url());
    if (s.issuer() != null) o.put("issuer", s.issuer());
    if (s.lastFetched() != null) o.put("lastFetched", s.lastFetched().toString());
    if (s.lastError() != null) o.put("lastError", s.lastError());
    return o;
  }

  private ObjectNode changeItems(List<ChangeRow> list) {
    ObjectNode out = json.mapper().createObjectNode();
    ArrayNode items = out.putArray("items");
    list.forEach(c -> items.add(change(c)));
    return out;
  }

  private ObjectNode change(ChangeRow c) {
    ObjectNode o = json.mapper().createObjectNode();
    o.put("id", c.id());
    o.put("subscription", c.subscriptionId());
    o.put("type", c.subjectType());
    o.put("subject", c.subject());
    o.put("from", c.oldLevel());
    o.put("to", c.newLevel());
    if (c.note() != null) o.put("note", c.note());
    o.put("state", c.state());
    o.put("created", c.created().toString());
    return o;
  }

  private static long id(RoutingContext ctx) {
    try {
      return Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw Problem.notFound("No such item.");
    }
  }

  private ObjectNode body(RoutingContext ctx) {
    return JsonReplies.body(ctx, json);
  }

  private void respond(RoutingContext ctx, int status, Future<ObjectNode> f) {
    JsonReplies.respond(ctx, status, f, json);
  }
}
