package org.madani.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The static routes (admin UI files, stylesheet, JSON-LD context and schemas) behind a real HTTP
 * server on loopback: requests for made-up file names are answered 404 and leave nothing behind, so
 * a stream of them cannot grow memory; real files are still served.
 */
class StaticRoutesIT {

  Vertx vertx;
  HttpServer server;
  AdminUiRoutes admin = new AdminUiRoutes();
  StaticRoutes statics = new StaticRoutes();
  HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    statics.mount(router);
    admin.mount(router);
    router.route().last().handler(ctx -> ctx.response().setStatusCode(404).end());
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  int get(String path) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void madeUpNames_are404_andNotKept() throws Exception {
    assertThat(get("/admin/")).isEqualTo(200);
    assertThat(get("/static/madani.css")).isEqualTo(200);
    assertThat(get("/schemas/entry.schema.json")).isEqualTo(200);
    int adminHeld = admin.cached();
    int staticHeld = statics.cached();
    for (int i = 0; i < 300; i++) {
      String name = UUID.randomUUID().toString();
      assertThat(get("/admin/" + name + ".js")).isEqualTo(404);
      assertThat(get("/schemas/" + name + ".schema.json")).isEqualTo(404);
    }
    assertThat(admin.cached()).as("misses are not cached").isEqualTo(adminHeld);
    assertThat(statics.cached()).as("misses are not cached").isEqualTo(staticHeld);
    assertThat(get("/admin/index.html")).isEqualTo(200);
  }
}
