package org.madani.node.http.collab;

import static org.madani.node.text.Html.esc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import org.madani.node.collab.qa.Texts;
import org.madani.node.collab.support.SupporterService;
import org.madani.node.http.PublicPages;
import org.madani.node.http.pages.Lang;
import org.madani.node.json.JsonCodec;
import org.madani.node.store.collab.SupporterRepository.SupporterRow;
import org.madani.node.text.Html;

/** Supporters: the admin API, and the "supported by" part of an entry's public page. */
public final class SupporterRoutes implements PublicPages.EntryPanel {

  private static final String ORG = "/api/v1/organizations/:handle";

  private final SupporterService supporters;
  private final CollabJson io;
  private final ObjectMapper mapper;

  public SupporterRoutes(SupporterService supporters, JsonCodec json) {
    this.supporters = supporters;
    this.io = new CollabJson(json);
    this.mapper = json.mapper();
  }

  public void mount(Router router) {
    router
        .get(ORG + "/supporters")
        .handler(
            ctx -> io.respond(ctx, 200, supporters.list(ctx.pathParam("handle")).map(this::items)));
    router
        .post(ORG + "/supporters")
        .handler(
            ctx ->
                io.respond(
                    ctx,
                    201,
                    supporters
                        .add(CollabJson.admin(ctx), ctx.pathParam("handle"), io.body(ctx))
                        .map(this::supporter)));
    router
        .put(ORG + "/supporters/:sid")
        .handler(
            ctx ->
                io.respond(
                    ctx,
                    200,
                    supporters
                        .update(
                            CollabJson.admin(ctx), ctx.pathParam("handle"), id(ctx), io.body(ctx))
                        .map(this::supporter)));
    router
        .delete(ORG + "/supporters/:sid")
        .handler(
            ctx ->
                io.respond(
                    ctx,
                    204,
                    supporters
                        .remove(CollabJson.admin(ctx), ctx.pathParam("handle"), id(ctx))
                        .map(v -> (com.fasterxml.jackson.databind.JsonNode) null)));
    router
        .get(ORG + "/entries/:id/supporters")
        .handler(
            ctx ->
                io.respond(
                    ctx,
                    200,
                    supporters
                        .ofEntry(ctx.pathParam("handle"), ctx.pathParam("id"))
                        .map(this::items)));
    router
        .put(ORG + "/entries/:id/supporters")
        .handler(
            ctx ->
                io.respond(
                    ctx,
                    200,
                    supporters
                        .link(
                            CollabJson.admin(ctx),
                            ctx.pathParam("handle"),
                            ctx.pathParam("id"),
                            io.body(ctx))
                        .map(this::items)));
  }

  private static long id(io.vertx.ext.web.RoutingContext ctx) {
    try {
      return Long.parseLong(ctx.pathParam("sid"));
    } catch (NumberFormatException e) {
      throw org.madani.node.model.Problem.notFound("No supporter '" + ctx.pathParam("sid") + "'.");
    }
  }

  private ObjectNode items(List<SupporterRow> rows) {
    ObjectNode o = mapper.createObjectNode();
    ArrayNode items = o.putArray("items");
    rows.forEach(r -> items.add(supporter(r)));
    return o;
  }

  private ObjectNode supporter(SupporterRow r) {
    ObjectNode o = mapper.createObjectNode().put("id", r.id()).put("kind", r.kind());
    o.set("name", Texts.node(mapper, Texts.read(mapper, r.name())));
    if (r.country() != null) o.put("country", r.country());
    if (r.url() != null) o.put("url", r.url());
    return o;
  }

  @Override
  public Future<String> html(Lang lang, String entryUrl) {
    return supporters
        .ofEntryUrl(entryUrl)
        .map(
            rows -> {
              if (rows.isEmpty()) return "";
              StringBuilder b =
                  new StringBuilder(
                          "<section class=\"supporters\" aria-labelledby=\"supporters\"><h2 id=\"supporters\">")
                      .append(esc(t(lang, "supportedBy")))
                      .append("</h2><ul class=\"plain\">");
              for (SupporterRow r : rows) {
                String name = KnowledgeRoutes.pick(lang, Texts.read(mapper, r.name()));
                b.append("<li>");
                if (r.url() != null && Html.safeUrl(r.url())) {
                  b.append("<a href=\"")
                      .append(esc(r.url()))
                      .append("\" rel=\"nofollow noopener\">")
                      .append(esc(name))
                      .append("</a>");
                } else {
                  b.append(esc(name));
                }
                b.append(" <span class=\"muted\">(").append(esc(t(lang, r.kind())));
                if (r.country() != null) b.append(", ").append(esc(r.country()));
                b.append(")</span></li>");
              }
              return b.append("</ul></section>").toString();
            });
  }

  private static final Map<String, String[]> TEXT =
      Map.of(
          "supportedBy", new String[] {"بدعم من", "Supported by"},
          "funder", new String[] {"جهة مانحة", "funder"},
          "partner", new String[] {"شريك", "partner"},
          "institution", new String[] {"مؤسسة شريكة", "partner institution"});

  static String t(Lang lang, String key) {
    return TEXT.get(key)[lang == Lang.AR ? 0 : 1];
  }
}
