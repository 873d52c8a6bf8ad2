package org.madani.node.http.collab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.madani.node.collab.match.InterestService;
import org.madani.node.collab.match.MatchRanker.Match;
import org.madani.node.collab.match.MatchRanker.Reason;
import org.madani.node.collab.match.MatchService;
import org.madani.node.http.AdminAuth;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.EntryKind;
import org.madani.node.model.Problem;
import org.madani.node.store.collab.InterestRepository.InterestRow;

/** Admin API of partner matching and "express interest" (behind the admin API's authentication). */
public final class MatchRoutes {

  private static final String ORG = "/api/v1/organizations/:handle";

  private final MatchService matches;
  private final InterestService interests;
  private final JsonCodec json;
  private final org.madani.node.model.Urls urls;

  public MatchRoutes(
      MatchService matches,
      InterestService interests,
      JsonCodec json,
      org.madani.node.model.Urls urls) {
    this.urls = urls;
    this.matches = matches;
    this.interests = interests;
    this.json = json;
  }

  public void mount(Router router) {
    router.get("/feeds/org/:handle/matches.atom").handler(this::digest);
    router
        .get(ORG + "/matches")
        .handler(
            ctx ->
                respond(ctx, 200, matches.matches(ctx.pathParam("handle")).map(this::matchItems)));
    router
        .get(ORG + "/interests")
        .handler(
            ctx ->
                respond(
                    ctx, 200, interests.list(ctx.pathParam("handle")).map(this::interestItems)));
    router
        .post(ORG + "/interests")
        .handler(
            ctx -> {
              ObjectNode in = body(ctx);
              respond(
                  ctx,
                  201,
                  interests
                      .express(
                          admin(ctx),
                          ctx.pathParam("handle"),
                          in.path("to").asText(null),
                          in.path("about").asText(null),
                          in.path("message").asText(null))
                      .map(this::interest));
            });
    router
        .post(ORG + "/interests/:iid/answer")
        .handler(
            ctx -> {
              ObjectNode in = body(ctx);
              long id;
              try {
                id = Long.parseLong(ctx.pathParam("iid"));
              } catch (NumberFormatException e) {
                ctx.fail(Problem.notFound("No such interest."));
                return;
              }
              respond(
                  ctx,
                  200,
                  interests
                      .answer(
                          admin(ctx),
                          ctx.pathParam("handle"),
                          id,
                          in.path("answer").asText(null),
                          in.path("message").asText(null))
                      .map(this::interest));
            });
  }

  /** The organization's public digest feed of matches (Atom, both languages in each item). */
  private void digest(RoutingContext ctx) {
    String handle = ctx.pathParam("handle");
    matches
        .digest(handle, urls.organization(handle))
        .map(
            list -> {
              String self =
                  urls.organization(handle)
                      .replace("/orgs/" + handle, "/feeds/org/" + handle + "/matches.atom");
              List<DirectoryEntry> items = new java.util.ArrayList<>();
              java.time.Instant updated = java.time.Instant.EPOCH;
              for (Match m : list) {
                java.time.Instant u =
                    m.offer().updated().isAfter(m.need().updated())
                        ? m.offer().updated()
                        : m.need().updated();
                if (u.isAfter(updated)) updated = u;
                java.util.Map<String, String> title = new java.util.LinkedHashMap<>();
                for (String l : List.of("ar", "en")) {
                  String o =
                      m.offer()
                          .title()
                          .getOrDefault(
                              l, m.offer().title().values().stream().findFirst().orElse(""));
                  String n =
                      m.need()
                          .title()
                          .getOrDefault(
                              l, m.need().title().values().stream().findFirst().orElse(""));
                  title.put(l, o + " ↔ " + n);
                }
                items.add(
                    new DirectoryEntry(
                        m.offer().id()
                            + "#match="
                            + java.net.URLEncoder.encode(
                                m.need().id(), java.nio.charset.StandardCharsets.UTF_8),
                        m.offer().kind(),
                        DirectoryEntry.PUBLIC,
                        title,
                        m.explanation(),
                        m.explanation(),
                        List.of(),
                        m.need().orgId(),
                        m.need().orgName(),
                        m.offer().sectors(),
                        m.offer().regions(),
                        List.of(),
                        u,
                        u,
                        java.util.Set.of(),
                        false,
                        m.need().provenance()));
              }
              return new org.madani.node.http.feeds.AtomWriter()
                  .write(
                      new org.madani.node.http.feeds.FeedDocument(
                          self,
                          urls.organization(handle),
                          java.util.Map.of("ar", "توافقات الشراكة", "en", "Partner matches"),
                          java.util.Map.of("en", handle),
                          urls.organization(handle),
                          updated,
                          items));
            })
        .onSuccess(
            xml ->
                ctx.response()
                    .putHeader("Content-Type", org.madani.node.http.feeds.AtomWriter.CONTENT_TYPE)
                    .putHeader("Cache-Control", "public, max-age=300")
                    .end(xml))
        .onFailure(ctx::fail);
  }

  private ObjectNode matchItems(List<Match> list) {
    ObjectNode o = json.mapper().createObjectNode();
    ArrayNode items = o.putArray("items");
    for (Match m : list) {
      ObjectNode i = items.addObject();
      i.set("offer", entry(m.offer()));
      // what the other side seeks with: a need, or a project seeking partners
      String sought = EntryKind.PROJECT.wireName().equals(m.need().kind()) ? "project" : "need";
      i.put("sought", sought);
      i.set(sought, entry(m.need()));
      i.put("score", m.score());
      ArrayNode reasons = i.putArray("reasons");
      for (Reason r : m.reasons())
        reasons.addObject().put("code", r.code()).put("ar", r.ar()).put("en", r.en());
      i.set("explanation", json.mapper().valueToTree(m.explanation()));
    }
    return o;
  }

  private ObjectNode entry(DirectoryEntry e) {
    ObjectNode o =
        json.mapper()
            .createObjectNode()
            .put("id", e.id())
            .put("kind", e.kind())
            .put("organization", e.orgId());
    o.set("title", json.mapper().valueToTree(e.title()));
    o.set("organizationName", json.mapper().valueToTree(e.orgName()));
    o.set("sectors", json.mapper().valueToTree(e.sectors()));
    o.set("regions", json.mapper().valueToTree(e.regions()));
    return o;
  }

  private ObjectNode interestItems(List<InterestRow> rows) {
    ObjectNode o = json.mapper().createObjectNode();
    ArrayNode items = o.putArray("items");
    rows.forEach(r -> items.add(interest(r)));
    return o;
  }

  private ObjectNode interest(InterestRow r) {
    ObjectNode o =
        json.mapper()
            .createObjectNode()
            .put("id", r.id())
            .put("activity", r.activityId())
            .put("direction", r.direction().name().toLowerCase(java.util.Locale.ROOT))
            .put("organization", r.counterpart())
            .put("about", r.about())
            .put("message", r.message())
            .put("state", r.state())
            .put("created", r.created().toString());
    if (r.answerMessage() != null) o.put("answer", r.answerMessage());
    return o;
  }

  private ObjectNode body(RoutingContext ctx) {
    var b = ctx.body() == null ? null : ctx.body().buffer();
    return json.parseObject(b == null ? null : b.getBytes());
  }

  private static String admin(RoutingContext ctx) {
    AdminAuth.Principal p = AdminAuth.principal(ctx);
    return p == null ? "api-token" : p.auditName();
  }

  private void respond(RoutingContext ctx, int status, Future<ObjectNode> f) {
    f.onSuccess(
            b ->
                ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(Buffer.buffer(json.write(b))))
        .onFailure(ctx::fail);
  }
}
