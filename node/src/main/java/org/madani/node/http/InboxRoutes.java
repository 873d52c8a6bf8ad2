package org.madani.node.http;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.madani.node.federation.ActivityStreams;
import org.madani.node.federation.inbox.InboxProcessor;
import org.madani.node.federation.inbox.InboxService;
import org.madani.node.federation.sig.HttpRequestView;
import org.madani.node.health.NodeMetrics;
import org.madani.node.model.Problem;

/**
 * The inboxes, per organization and shared: bounds the body, refuses other media types and senders
 * whose signatures keep failing, and hands the signed request to {@link InboxService}, answering
 * 202 once the activity is durably accepted. Handling comes after, in {@link InboxProcessor}.
 */
public final class InboxRoutes {

  /** An activity is small; anything bigger than this is refused before parsing. */
  static final int INBOX_BODY_LIMIT = 256 * 1024;

  private final InboxService inbox;
  private final InboxProcessor processor;
  private final SenderLimits inboxLimits;
  private final NodeMetrics metrics;
  private final PeerRequests requests;

  InboxRoutes(
      InboxService inbox,
      InboxProcessor processor,
      SenderLimits inboxLimits,
      NodeMetrics metrics,
      PeerRequests requests) {
    this.inbox = inbox;
    this.processor = processor;
    this.inboxLimits = inboxLimits;
    this.metrics = metrics;
    this.requests = requests;
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(INBOX_BODY_LIMIT);
    router.post("/inbox").handler(body).handler(this::receive);
    router.post("/orgs/:handle/inbox").handler(body).handler(this::receive);
  }

  private HttpRequestView view(RoutingContext ctx) {
    return requests.view(ctx);
  }

  private void countRefusal(Throwable err) {
    if (metrics == null) return;
    metrics.inboxRefused(
        err instanceof org.madani.node.model.ProblemException pe
            ? slug(pe.problem().type().toString())
            : "error");
  }

  private static String slug(String type) {
    return type.startsWith(Problem.TYPE_BASE)
        ? type.substring(Problem.TYPE_BASE.length())
        : "other";
  }

  private void receive(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (!ActivityStreams.isActivityJson(contentType)) {
      if (metrics != null) metrics.inboxRefused("unsupported-media-type");
      ctx.fail(
          Problem.of(
                  415,
                  "unsupported-media-type",
                  "Unsupported media type",
                  "Send activities as application/activity+json.")
              .exception());
      return;
    }
    // Clients whose signatures keep failing are stopped before any verification or key fetch;
    // allowances of verified senders are charged after the signature check (SenderLimits).
    // The address stays in memory: never logged, never stored.
    String address =
        ctx.request().remoteAddress() == null
            ? "unknown"
            : ctx.request().remoteAddress().hostAddress();
    if (!inboxLimits.mayTry(address)) {
      if (metrics != null) metrics.inboxRefused("rate-limited");
      ctx.fail(
          Problem.of(429, "rate-limited", "Too many requests", "Slow down and retry later.")
              .with("retryAfter", 10)
              .exception());
      return;
    }
    HttpRequestView view = view(ctx);
    Future<InboxService.Received> received;
    try {
      received = inbox.receive(view, inboxLimits);
    } catch (RuntimeException e) { // malformed JSON is refused before any future exists
      received = Future.failedFuture(e);
    }
    received
        .onSuccess(
            r -> {
              if (metrics != null) metrics.inboxAccepted(r == InboxService.Received.DUPLICATE);
              processor.wakeUp();
              ctx.response().setStatusCode(202).end();
            })
        .onFailure(
            err -> {
              if (err instanceof org.madani.node.model.ProblemException pe
                  && pe.problem().status() == 401) {
                inboxLimits.failed(address);
              }
              countRefusal(err);
              ctx.fail(err);
            });
  }
}
