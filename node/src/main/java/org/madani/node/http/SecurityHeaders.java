package org.madani.node.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Headers every response carries: no sniffing, no referrer leaks, no framing. */
final class SecurityHeaders implements Handler<RoutingContext> {
  @Override
  public void handle(RoutingContext ctx) {
    ctx.response()
        .headers()
        .set("X-Content-Type-Options", "nosniff")
        .set("Referrer-Policy", "no-referrer")
        .set("X-Frame-Options", "DENY")
        .set("Cross-Origin-Opener-Policy", "same-origin")
        .set("Permissions-Policy", "interest-cohort=(), geolocation=(), camera=(), microphone=()");
    ctx.next();
  }
}
