package org.madani.node.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;
import org.madani.node.model.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every failure as RFC 9457 {@code application/problem+json}. Known problems keep their
 * status and detail; anything unexpected becomes a 500 carrying only a correlation id, with the
 * cause logged under that id (never sent to the client).
 */
public final class ProblemHandler implements Handler<RoutingContext> {

  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  private final JsonCodec json;
  private final org.madani.node.http.pages.ErrorPageRenderer pages;

  public ProblemHandler(JsonCodec json) {
    this(json, null);
  }

  /**
   * With {@code pages}, a browser (Accept naming text/html) asking for anything outside the API
   * gets the error as an HTML page in its language; API clients keep problem+json.
   */
  public ProblemHandler(JsonCodec json, org.madani.node.http.pages.ErrorPageRenderer pages) {
    this.json = json;
    this.pages = pages;
  }

  private boolean wantsHtml(RoutingContext ctx) {
    if (pages == null) return false;
    String path = ctx.request().path();
    if (path == null || path.startsWith("/api/") || path.startsWith("/.well-known/")) return false;
    String accept = ctx.request().getHeader("Accept");
    return accept != null && accept.contains("text/html");
  }

  @Override
  public void handle(RoutingContext ctx) {
    Problem p = toProblem(ctx);
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (wantsHtml(ctx)) {
      var lang = PageResponses.lang(ctx);
      Object id = p.extensions().get("correlationId");
      ctx.response().putHeader("Cache-Control", "no-store");
      PageResponses.html(
          ctx,
          p.status(),
          lang,
          pages.page(lang, p.status(), ctx.request().path(), id == null ? null : id.toString()));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", p.type().toString());
    body.put("title", p.title());
    body.put("status", p.status());
    if (p.detail() != null) body.put("detail", p.detail());
    body.put("instance", ctx.request().path());
    body.putAll(p.extensions());
    var response =
        ctx.response()
            .setStatusCode(p.status())
            .putHeader("Content-Type", "application/problem+json; charset=utf-8")
            .putHeader("Cache-Control", "no-store");
    if (p.status() == 401) response.putHeader("WWW-Authenticate", "Bearer realm=\"madani\"");
    if (p.status() == 429 && p.extensions().get("retryAfter") instanceof Number n) {
      response.putHeader("Retry-After", String.valueOf(n.longValue()));
    }
    response.end(Buffer.buffer(json.write(body)));
  }

  private Problem toProblem(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    while (failure != null
        && !(failure instanceof ProblemException)
        && failure.getCause() != null
        && failure.getCause() != failure
        && !(failure instanceof HttpException)) {
      if (failure.getCause() instanceof ProblemException pe) return pe.problem();
      failure = failure.getCause();
    }
    if (failure instanceof ProblemException pe) return pe.problem();
    int status = failure instanceof HttpException he ? he.getStatusCode() : ctx.statusCode();
    if (failure == null || failure instanceof HttpException || status != -1 && status != 500) {
      return forStatus(status == -1 ? 500 : status);
    }
    String id = UUID.randomUUID().toString();
    LOG.error(
        "unexpected failure [correlationId={}] on {} {}",
        id,
        ctx.request().method(),
        ctx.request().path(),
        failure);
    return Problem.of(
            500,
            "internal",
            "Internal error",
            "Something went wrong on this node. Quote this id when reporting it: " + id)
        .with("correlationId", id);
  }

  static Problem forStatus(int status) {
    return switch (status) {
      case 400 ->
          Problem.of(400, "bad-request", "Bad request", "The request could not be understood.");
      case 401 ->
          Problem.of(
              401,
              "unauthorized",
              "Authentication required",
              "Send an admin API token as 'Authorization: Bearer <token>'.");
      case 403 -> Problem.of(403, "forbidden", "Forbidden", "This request is not allowed.");
      case 404 -> Problem.of(404, "not-found", "Not found", "Nothing here.");
      case 405 ->
          Problem.of(
              405,
              "method-not-allowed",
              "Method not allowed",
              "This resource does not support that method.");
      case 406 ->
          Problem.of(
              406,
              "not-acceptable",
              "Not acceptable",
              "No representation matches the Accept header.");
      case 413 ->
          Problem.of(
              413,
              "body-too-large",
              "Request body too large",
              "The request body exceeds this node's limit.");
      case 415 ->
          Problem.of(
              415,
              "unsupported-media-type",
              "Unsupported media type",
              "Send the body as application/json.");
      case 429 ->
          Problem.of(429, "rate-limited", "Too many requests", "Slow down and retry later.");
      default ->
          status >= 400 && status < 600
              ? Problem.of(status, "http-" + status, "HTTP " + status, null)
              : Problem.of(500, "internal", "Internal error", "Something went wrong on this node.");
    };
  }
}
