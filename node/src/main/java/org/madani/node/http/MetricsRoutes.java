package org.madani.node.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.madani.node.health.NodeMetrics;
import org.madani.node.model.Problem;

/**
 * {@code GET /metrics}: Prometheus text exposition, only with {@code Authorization: Bearer
 * <MADANI_METRICS_TOKEN>}.
 *
 * <p>Why a token of its own: the series name the peer hosts and origins this node talks to —
 * exactly the social graph an adversary of its users wants — so they are never public. Admin API
 * tokens are not accepted either: a scraper's configuration is copied around monitoring systems,
 * and a leaked one must not be able to change anything. Without a configured token the route is not
 * mounted at all (404), so a default install exposes nothing.
 */
public final class MetricsRoutes {

  /** Prometheus text format 0.0.4, which every Prometheus-compatible scraper reads. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final NodeMetrics metrics;
  private final byte[] token;

  /**
   * @param token the metrics bearer token, or null to keep the endpoint off
   */
  public MetricsRoutes(NodeMetrics metrics, String token) {
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  public void mount(Router router) {
    if (token == null) return;
    router.get("/metrics").handler(this::scrape);
  }

  private void scrape(RoutingContext ctx) {
    if (!authorized(ctx.request().getHeader("Authorization"))) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
      ctx.fail(
          Problem.of(
                  401,
                  "unauthorized",
                  "Authentication required",
                  "Send the metrics token as a bearer token.")
              .exception());
      return;
    }
    metrics
        .scrape()
        .onSuccess(
            text ->
                ctx.response()
                    .setStatusCode(200)
                    .putHeader("Content-Type", CONTENT_TYPE)
                    .putHeader("Cache-Control", "no-store")
                    .end(text))
        .onFailure(ctx::fail);
  }

  private boolean authorized(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
    byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    // Constant time: the comparison must not tell how many leading characters were right.
    return MessageDigest.isEqual(given, token);
  }
}
