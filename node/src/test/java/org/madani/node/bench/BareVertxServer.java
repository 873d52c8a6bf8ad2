package org.madani.node.bench;

import io.vertx.core.Vertx;

/**
 * The bare ceiling for {@link StartupBenchmark}: a Vert.x 5 HTTP server doing nothing but answer
 * 200, started with the same JVM settings as the node. {@code java … BareVertxServer PORT}.
 */
public final class BareVertxServer {
  private BareVertxServer() {}

  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    vertx
        .createHttpServer()
        .requestHandler(req -> req.response().end("ok"))
        .listen(Integer.parseInt(args[0]), "127.0.0.1")
        .onFailure(
            err -> {
              err.printStackTrace();
              System.exit(1);
            });
  }
}
