package org.madani.node.http.collab;

import static org.madani.node.text.Html.esc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import org.madani.node.collab.qa.QuestionService;
import org.madani.node.collab.qa.QuestionService.Thread;
import org.madani.node.collab.qa.Texts;
import org.madani.node.http.PageResponses;
import org.madani.node.http.pages.Lang;
import org.madani.node.http.pages.PageRenderer;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.ProblemException;
import org.madani.node.store.collab.KnowledgeRepository.AnswerRow;
import org.madani.node.store.collab.KnowledgeRepository.QuestionRow;
import org.madani.node.text.Html;

/**
 * Knowledge exchange: the admin API (ask, answer, accept) and the public pages of an organization's
 * questions with their answers, in Arabic (default) and English; the question's URL also answers
 * ActivityStreams JSON (the Question object) when asked for it.
 */
public final class KnowledgeRoutes {

  private static final String ORG = "/api/v1/organizations/:handle";

  private final QuestionService questions;
  private final CollabJson io;
  private final ObjectMapper mapper;
  private final PageRenderer pages;

  public KnowledgeRoutes(QuestionService questions, JsonCodec json, PageRenderer pages) {
    this.questions = questions;
    this.io = new CollabJson(json);
    this.mapper = json.mapper();
    this.pages = pages;
  }

  public void mount(Router router) {
    router
        .get(ORG + "/questions")
        .handler(
            ctx ->
                io.respond(
                    ctx,
                    200,
                    questions
                        .list(ctx.pathParam("handle"))
                        .map(
                            m -> {
                              ObjectNode o = mapper.createObjectNode();
                              for (String k : List.of("asked", "received")) {
                                ArrayNode items = o.putArray(k);
                                m.get(k).forEach(t -> items.add(thread(t)));
                              }
                              return o;
                            })));
    router
        .post(ORG + "/questions")
        .handler(
            ctx ->
                io.respond(
                    ctx,
                    201,
                    questions
                        .ask(CollabJson.admin(ctx), ctx.pathParam("handle"), io.body(ctx))
                        .map(this::thread)));
    router
        .post(ORG + "/answers")
        .handler(
            ctx -> {
              ObjectNode in = io.body(ctx);
              io.respond(
                  ctx,
                  201,
                  questions
                      .answer(
                          CollabJson.admin(ctx),
                          ctx.pathParam("handle"),
                          in.path("question").asText(null),
                          in.path("content").asText(null))
                      .map(this::answer));
            });
    router
        .post(ORG + "/questions/:qid/accepted")
        .handler(
            ctx ->
                io.respond(
                    ctx,
                    200,
                    questions
                        .accept(
                            CollabJson.admin(ctx),
                            ctx.pathParam("handle"),
                            ctx.pathParam("qid"),
                            io.body(ctx).path("answer").asText(null))
                        .map(this::thread)));
    router.get("/orgs/:handle/questions/:qid").handler(this::page);
    router.get("/orgs/:handle/questions").handler(this::list);
  }

  private ObjectNode thread(Thread t) {
    QuestionRow q = t.question();
    ObjectNode o = mapper.createObjectNode().put("id", q.objectId()).put("author", q.author());
    o.set("name", Texts.node(mapper, Texts.read(mapper, q.name())));
    o.set("content", Texts.node(mapper, Texts.read(mapper, q.content())));
    o.put("published", q.published().toString());
    if (q.acceptedAnswer() != null) o.put("acceptedAnswer", q.acceptedAnswer());
    ArrayNode answers = o.putArray("answers");
    t.answers().forEach(a -> answers.add(answer(a)));
    return o;
  }

  private ObjectNode answer(AnswerRow a) {
    ObjectNode o =
        mapper
            .createObjectNode()
            .put("id", a.objectId())
            .put("question", a.question())
            .put("author", a.author())
            .put("content", a.content())
            .put("published", a.published().toString());
    if (a.authorName() != null)
      o.set("authorName", Texts.node(mapper, Texts.read(mapper, a.authorName())));
    return o;
  }

  private static boolean wantsActivityJson(RoutingContext ctx) {
    String accept = ctx.request().getHeader("Accept");
    return accept != null
        && (accept.contains("application/activity+json") || accept.contains("application/ld+json"));
  }

  private void page(RoutingContext ctx) {
    Lang lang = PageResponses.lang(ctx);
    questions
        .thread(ctx.pathParam("handle"), ctx.pathParam("qid"))
        .onSuccess(
            t -> {
              if (wantsActivityJson(ctx)) {
                ObjectNode o = questions.object(t.question());
                o.set(
                    "@context",
                    mapper.createArrayNode().add("https://www.w3.org/ns/activitystreams"));
                ctx.response()
                    .putHeader("Content-Type", "application/activity+json; charset=utf-8")
                    .putHeader("Vary", "Accept")
                    .end(o.toString());
                return;
              }
              PageResponses.html(ctx, 200, lang, render(lang, t, ctx.request().path()));
            })
        .onFailure(err -> notFound(ctx, lang, err));
  }

  private void list(RoutingContext ctx) {
    Lang lang = PageResponses.lang(ctx);
    String handle = ctx.pathParam("handle");
    questions
        .asked(handle)
        .onSuccess(
            rows -> {
              StringBuilder b =
                  new StringBuilder("<h1>")
                      .append(esc(t(lang, "questions")))
                      .append("</h1><ul class=\"plain\">");
              for (QuestionRow q : rows) {
                b.append("<li><a href=\"")
                    .append(esc(path(q.objectId())))
                    .append("\">")
                    .append(esc(pick(lang, Texts.read(mapper, q.name()))))
                    .append("</a></li>");
              }
              b.append("</ul>");
              PageResponses.html(
                  ctx,
                  200,
                  lang,
                  pages.page(lang, t(lang, "questions"), b.toString(), ctx.request().path()));
            })
        .onFailure(err -> notFound(ctx, lang, err));
  }

  private void notFound(RoutingContext ctx, Lang lang, Throwable err) {
    if (err instanceof ProblemException pe && pe.problem().status() == 404) {
      PageResponses.html(ctx, 404, lang, pages.notFound(lang, ctx.request().path()));
    } else {
      ctx.fail(err);
    }
  }

  String render(Lang lang, Thread t, String path) {
    QuestionRow q = t.question();
    Map<String, String> name = Texts.read(mapper, q.name());
    StringBuilder b =
        new StringBuilder("<article class=\"question\"><span class=\"badge\">")
            .append(esc(t(lang, "question")))
            .append("</span><h1>")
            .append(esc(pick(lang, name)))
            .append("</h1>");
    String content = pick(lang, Texts.read(mapper, q.content()));
    if (!content.isEmpty()) b.append(Html.paragraphs(content));
    b.append("<p class=\"muted\">")
        .append(esc(t(lang, "asked")))
        .append(' ')
        .append(esc(q.published().toString().substring(0, 10)))
        .append("</p>");
    b.append("<section aria-labelledby=\"answers\"><h2 id=\"answers\">")
        .append(esc(t(lang, "answers")))
        .append(" (")
        .append(t.answers().size())
        .append(")</h2>");
    if (t.answers().isEmpty()) b.append("<p>").append(esc(t(lang, "noAnswers"))).append("</p>");
    b.append("<ol class=\"plain answers\">");
    for (AnswerRow a : t.answers()) {
      boolean accepted = a.objectId().equals(q.acceptedAnswer());
      b.append("<li class=\"answer")
          .append(accepted ? " accepted" : "")
          .append("\" id=\"a")
          .append(a.id())
          .append("\">");
      if (accepted)
        b.append("<p><strong class=\"badge\">")
            .append(esc(t(lang, "acceptedAnswer")))
            .append("</strong></p>");
      String by =
          a.authorName() == null ? a.author() : pick(lang, Texts.read(mapper, a.authorName()));
      b.append("<p class=\"muted\">").append(esc(t(lang, "answeredBy"))).append(' ');
      if (Html.safeUrl(a.author())) {
        b.append("<a href=\"")
            .append(esc(a.author()))
            .append("\">")
            .append(esc(by.isEmpty() ? a.author() : by))
            .append("</a>");
      } else {
        b.append(esc(by));
      }
      b.append(" · ").append(esc(a.published().toString().substring(0, 10))).append("</p>");
      b.append("<div dir=\"auto\">").append(Html.paragraphs(a.content())).append("</div></li>");
    }
    b.append("</ol></section></article>");
    return pages.page(lang, pick(lang, name), b.toString(), path);
  }

  private static String path(String url) {
    int i = url.indexOf("/orgs/");
    return i < 0 ? url : url.substring(i);
  }

  static String pick(Lang lang, Map<String, String> m) {
    if (m.containsKey(lang.code)) return m.get(lang.code);
    return m.isEmpty() ? "" : m.values().iterator().next();
  }

  private static final Map<String, String[]> TEXT =
      Map.of(
          "question", new String[] {"سؤال", "Question"},
          "questions", new String[] {"أسئلة", "Questions"},
          "asked", new String[] {"طُرح في", "Asked on"},
          "answers", new String[] {"الإجابات", "Answers"},
          "noAnswers", new String[] {"لا إجابات بعد.", "No answers yet."},
          "acceptedAnswer", new String[] {"الإجابة المعتمدة", "Accepted answer"},
          "answeredBy", new String[] {"أجابت", "Answered by"});

  static String t(Lang lang, String key) {
    return TEXT.get(key)[lang == Lang.AR ? 0 : 1];
  }
}
