package org.madani.node.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/**
 * The node's HTTP server. Routes come from the areas that own them; this class only wires them in
 * order and adds what every response needs (security headers, problem rendering).
 */
public final class HttpServerVerticle extends VerticleBase {

  private final String host;
  private final int port;
  private final List<Consumer<Router>> mounts;
  private final ProblemHandler problems;
  private final RequestDeadlines deadlines;
  private HttpServer server;
  private Router router;

  public HttpServerVerticle(
      String host, int port, List<Consumer<Router>> mounts, ProblemHandler problems) {
    this(host, port, mounts, problems, RequestDeadlines.DEFAULTS);
  }

  /**
   * @param deadlines how slowly a client may send a request before it gets 408 and is closed
   */
  public HttpServerVerticle(
      String host,
      int port,
      List<Consumer<Router>> mounts,
      ProblemHandler problems,
      RequestDeadlines deadlines) {
    this.deadlines = deadlines;
    this.host = host;
    this.port = port;
    this.mounts = mounts;
    this.problems = problems;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    this.router = router;
    router.route().handler(new SecurityHeaders());
    new StaticRoutes().mount(router);
    mounts.forEach(m -> m.accept(router));
    router.route().failureHandler(problems);
    router.route().last().handler(ctx -> ctx.fail(404));
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(host)
            .setPort(port)
            .setMaxHeaderSize(16 * 1024)
            .setMaxInitialLineLength(8 * 1024)
            .setCompressionSupported(true)
            // No cleartext HTTP/2 upgrade: with it, Vert.x opens the connection object only after a
            // whole header block, and SlowClientGuard could not time the headers (issue 11, finding
            // 7).
            .setHttp2ClearTextEnabled(false)
            .setIdleTimeout(60);
    SlowClientGuard slow = new SlowClientGuard(vertx, deadlines);
    return vertx
        .createHttpServer(options)
        .connectionHandler(slow::connected)
        .requestHandler(slow.wrap(router))
        .listen()
        .onSuccess(s -> server = s);
  }

  /**
   * Each route with an exact path, as "METHOD path", one line per method ("ANY path" when a route
   * takes every method). Read once after start.
   */
  public List<String> routes() {
    List<String> out = new java.util.ArrayList<>();
    for (io.vertx.ext.web.Route r : router.getRoutes()) {
      if (r.getPath() == null) continue;
      if (r.methods() == null || r.methods().isEmpty()) out.add("ANY " + r.getPath());
      else r.methods().forEach(m -> out.add(m.name() + " " + r.getPath()));
    }
    return out;
  }

  /** The port actually bound (differs from the configured one when that was 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
