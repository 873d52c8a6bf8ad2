package org.madani.node.http;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import java.util.function.Supplier;

/**
 * {@code /livez}: the process answers. {@code /readyz}: the database answers a query, so the node
 * can serve. Neither needs authentication nor reveals anything beyond up/down.
 */
public final class HealthRoutes {

  private final Supplier<Future<Void>> databaseCheck;

  public HealthRoutes(Supplier<Future<Void>> databaseCheck) {
    this.databaseCheck = databaseCheck;
  }

  public void mount(Router router) {
    router
        .get("/livez")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end("{\"status\":\"ok\"}"));
    router
        .get("/readyz")
        .handler(
            ctx ->
                databaseCheck
                    .get()
                    .onComplete(
                        ar ->
                            ctx.response()
                                .setStatusCode(ar.succeeded() ? 200 : 503)
                                .putHeader("Content-Type", "application/json")
                                .putHeader("Cache-Control", "no-store")
                                .end(
                                    ar.succeeded()
                                        ? "{\"status\":\"ready\"}"
                                        : "{\"status\":\"unavailable\"}")));
  }
}
