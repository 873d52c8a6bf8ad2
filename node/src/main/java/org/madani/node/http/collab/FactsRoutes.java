package org.madani.node.http.collab;

import static org.madani.node.text.Html.esc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Map;
import org.madani.node.collab.facts.FactsService;
import org.madani.node.collab.facts.FactsService.Facts;
import org.madani.node.collab.qa.Texts;
import org.madani.node.http.PublicPages;
import org.madani.node.http.pages.Lang;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;
import org.madani.node.store.collab.FactsRepository.AttestationRow;
import org.madani.node.store.collab.FactsRepository.CorrectionRow;

/**
 * Verified facts: the admin API (attest, revoke, correct, dispute, and what is known about a URL)
 * and the panel an entry's public page shows: "verified by N organizations you trust" (only
 * attesters this node trusts or hosts) and the corrections, each with its date and note.
 */
public final class FactsRoutes implements PublicPages.EntryPanel {

  private static final String ORG = "/api/v1/organizations/:handle";

  private final FactsService facts;
  private final CollabJson io;
  private final ObjectMapper mapper;

  public FactsRoutes(FactsService facts, JsonCodec json) {
    this.facts = facts;
    this.io = new CollabJson(json);
    this.mapper = json.mapper();
  }

  public void mount(Router router) {
    router
        .post(ORG + "/attestations")
        .handler(
            ctx ->
                io.respond(
                    ctx,
                    201,
                    facts
                        .attest(CollabJson.admin(ctx), ctx.pathParam("handle"), io.body(ctx))
                        .map(this::attestation)));
    router
        .post(ORG + "/attestations/revoke")
        .handler(
            ctx ->
                io.respond(
                    ctx,
                    204,
                    facts
                        .revoke(
                            CollabJson.admin(ctx),
                            ctx.pathParam("handle"),
                            io.body(ctx).path("id").asText(null))
                        .map(v -> (ObjectNode) null)));
    router
        .post(ORG + "/entries/:id/corrections")
        .handler(
            ctx ->
                io.respond(
                    ctx,
                    201,
                    facts
                        .correct(
                            CollabJson.admin(ctx),
                            ctx.pathParam("handle"),
                            ctx.pathParam("id"),
                            io.body(ctx))
                        .map(this::correction)));
    router
        .post(ORG + "/disputes")
        .handler(
            ctx ->
                io.respond(
                    ctx,
                    202,
                    facts
                        .dispute(CollabJson.admin(ctx), ctx.pathParam("handle"), io.body(ctx))
                        .map(v -> (ObjectNode) null)));
    router
        .get("/api/v1/facts")
        .handler(
            ctx -> {
              String subject = ctx.request().getParam("subject");
              if (subject == null || subject.isBlank() || subject.length() > 2048) {
                ctx.fail(Problem.badRequest("Give the entry or profile URL as ?subject="));
                return;
              }
              Future<Facts> known = facts.facts(subject);
              Future<List<AttestationRow>> all = facts.all(subject);
              io.respond(
                  ctx,
                  200,
                  Future.all(known, all)
                      .map(
                          v -> {
                            ObjectNode o =
                                mapper
                                    .createObjectNode()
                                    .put("subject", subject)
                                    .put("verifiedByTrusted", known.result().trusted().size());
                            ArrayNode trusted = o.putArray("trusted");
                            known.result().trusted().forEach(a -> trusted.add(attestation(a)));
                            ArrayNode every = o.putArray("attestations");
                            all.result().forEach(a -> every.add(attestation(a)));
                            ArrayNode corrections = o.putArray("corrections");
                            known
                                .result()
                                .corrections()
                                .forEach(c -> corrections.add(correction(c)));
                            return o;
                          }));
            });
  }

  private ObjectNode attestation(AttestationRow a) {
    ObjectNode o =
        mapper
            .createObjectNode()
            .put("id", a.objectId())
            .put("attester", a.attester())
            .put("subject", a.subject())
            .put("verifiedOn", a.verifiedOn().toString())
            .put("published", a.published().toString());
    o.set("method", Texts.node(mapper, Texts.read(mapper, a.method())));
    return o;
  }

  private ObjectNode correction(CorrectionRow c) {
    ObjectNode o =
        mapper
            .createObjectNode()
            .put("id", c.objectId())
            .put("subject", c.subject())
            .put("kind", c.kind())
            .put("published", c.published().toString());
    o.set("note", Texts.node(mapper, Texts.read(mapper, c.note())));
    return o;
  }

  @Override
  public Future<String> html(Lang lang, String entryUrl) {
    return facts.facts(entryUrl).map(f -> panel(lang, f));
  }

  String panel(Lang lang, Facts f) {
    if (f.trusted().isEmpty() && f.corrections().isEmpty()) return "";
    StringBuilder b = new StringBuilder();
    for (CorrectionRow c : f.corrections()) {
      boolean retraction = c.kind().equals("retraction");
      b.append("<aside class=\"notice correction\" role=\"note\"><p><strong>")
          .append(esc(t(lang, retraction ? "retracted" : "corrected")))
          .append(' ')
          .append(esc(c.published().toString().substring(0, 10)))
          .append("</strong></p><p dir=\"auto\">")
          .append(esc(KnowledgeRoutes.pick(lang, Texts.read(mapper, c.note()))))
          .append("</p></aside>");
    }
    if (!f.trusted().isEmpty()) {
      int n = f.trusted().size();
      b.append("<section class=\"verified\" aria-labelledby=\"verified\"><h2 id=\"verified\">")
          .append(esc(verifiedBy(lang, n)))
          .append("</h2><ul class=\"plain\">");
      for (AttestationRow a : f.trusted()) {
        b.append("<li>")
            .append(esc(a.attester()))
            .append(" — ")
            .append(esc(t(lang, "on")))
            .append(' ')
            .append(esc(a.verifiedOn().toString()))
            .append(", ")
            .append(esc(t(lang, "by")))
            .append(' ')
            .append(esc(KnowledgeRoutes.pick(lang, Texts.read(mapper, a.method()))))
            .append("</li>");
      }
      b.append("</ul></section>");
    }
    return b.toString();
  }

  /** "verified by N organizations you trust", with Arabic number agreement. */
  static String verifiedBy(Lang lang, int n) {
    if (lang == Lang.EN)
      return n == 1
          ? "Verified by one organization you trust"
          : "Verified by " + n + " organizations you trust";
    if (n == 1) return "تحقّقت منه منظمة واحدة تثقون بها";
    if (n == 2) return "تحقّقت منه منظمتان تثقون بهما";
    if (n <= 10) return "تحقّقت منه " + n + " منظمات تثقون بها";
    return "تحقّقت منه " + n + " منظمةً تثقون بها";
  }

  private static final Map<String, String[]> TEXT =
      Map.of(
          "corrected", new String[] {"تصحيح بتاريخ", "Corrected on"},
          "retracted", new String[] {"سحب بتاريخ", "Retracted on"},
          "on", new String[] {"بتاريخ", "on"},
          "by", new String[] {"بطريقة:", "by"});

  static String t(Lang lang, String key) {
    return TEXT.get(key)[lang == Lang.AR ? 0 : 1];
  }
}
