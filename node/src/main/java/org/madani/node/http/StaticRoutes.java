package org.madani.node.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Same-origin static resources: the stylesheet, and protocol-spec's JSON-LD context and schemas at
 * stable paths (so peers and tools can read them from any node; our own code never fetches them).
 */
final class StaticRoutes {

  private final ClasspathFiles files = new ClasspathFiles();

  /** How many resources are held in memory (for the test that they stay bounded). */
  int cached() {
    return files.cached();
  }

  void mount(Router router) {
    router
        .get("/static/madani.css")
        .handler(ctx -> serve(ctx, "/static/madani.css", "text/css; charset=utf-8"));
    // The Arabic font of the public pages, served from here so no visitor's browser asks a third
    // party.
    router
        .get("/static/fonts/NotoNaskhArabic-Regular.ttf")
        .handler(ctx -> serve(ctx, "/static/fonts/NotoNaskhArabic-Regular.ttf", "font/ttf"));
    router
        .get("/static/fonts/OFL.txt")
        .handler(ctx -> serve(ctx, "/static/fonts/OFL.txt", "text/plain; charset=utf-8"));
    router
        .get("/ns/v1.jsonld")
        .handler(
            ctx ->
                serve(
                    ctx,
                    "/protocol-spec/context/madani-v1.jsonld",
                    "application/ld+json; charset=utf-8"));
    router
        .get("/schemas/:file")
        .handler(
            ctx -> {
              String file = ctx.pathParam("file");
              if (!file.matches("[a-z0-9-]+\\.schema\\.json")) {
                ctx.next();
                return;
              }
              serve(ctx, "/protocol-spec/schemas/" + file, "application/schema+json");
            });
  }

  private void serve(RoutingContext ctx, String resource, String type) {
    files.serve(
        ctx,
        resource,
        Map.of(
            "Content-Type", type,
            "Cache-Control", "public, max-age=3600",
            "Access-Control-Allow-Origin", "*"));
  }
}
