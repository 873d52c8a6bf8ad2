package org.madani.node.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Set;

/**
 * {@code http_server_requests_seconds}: count and latency of every request by method, route
 * TEMPLATE (e.g. {@code /orgs/:handle}) and status. Never the raw path, query or client address:
 * labels stay a small, fixed set however many handles, entries or visitors there are. Mounted
 * first, so it times the whole request.
 */
public final class HttpMetrics {

  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /**
   * Fixed buckets (seconds) instead of a full percentile histogram: ~11 series per route and
   * status.
   */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private final MeterRegistry registry;

  public HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void mount(Router router) {
    router.route().handler(this::time);
  }

  private void time(RoutingContext ctx) {
    long started = System.nanoTime();
    // The answering route is known while it writes its headers; by the end, failure handling
    // may have moved the context on.
    String[] route = {null};
    ctx.addHeadersEndHandler(v -> route[0] = route(ctx));
    ctx.addEndHandler(
        done ->
            Timer.builder("http.server.requests")
                .description("HTTP requests by method, route template and status")
                .tag("method", method(ctx))
                .tag("route", route[0] != null ? route[0] : route(ctx))
                .tag("status", Integer.toString(ctx.response().getStatusCode()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Duration.ofNanos(System.nanoTime() - started)));
    ctx.next();
  }

  private static String method(RoutingContext ctx) {
    String m = ctx.request().method().name();
    return METHODS.contains(m) ? m : "OTHER";
  }

  /**
   * The template of the route that answered; a fixed word when none did (404) or it has no path.
   */
  static String route(RoutingContext ctx) {
    Route r = ctx.currentRoute();
    String path = r == null ? null : r.getPath();
    if (path == null || path.isEmpty())
      return ctx.response().getStatusCode() == 404 ? "unmatched" : "other";
    return path; // a template such as /orgs/:handle; routes declared by regex have no path and are
    // "other"
  }
}
