package org.madani.node.federation.wire;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A transparent HTTP proxy in front of one test node: the node's public base URL names the proxy,
 * so every request another node (or the test) sends to it passes here, byte for byte (the {@code
 * Host} header and every signature header are forwarded unchanged, so RFC 9421 and draft-cavage
 * signatures still verify). It records each exchange: method, path, request and response media
 * types and bodies. Not a stub: the node behind it answers everything.
 *
 * <p>Thread-safety: {@link #exchanges()} returns a snapshot; recording happens on the proxy's event
 * loop.
 */
final class RecordingProxy implements AutoCloseable {

  /** One request and its answer as they passed the proxy. */
  record Exchange(
      String method,
      String uri,
      String requestType,
      String requestBody,
      int status,
      String responseType,
      String responseBody) {}

  private final Vertx vertx;
  private final HttpServer server;
  private final HttpClient client;
  private final List<Exchange> exchanges = new ArrayList<>();
  private volatile int targetPort;

  private RecordingProxy(Vertx vertx, HttpServer server, HttpClient client) {
    this.vertx = vertx;
    this.server = server;
    this.client = client;
  }

  /**
   * Starts listening on a free loopback port; forwards nothing until {@link #forwardTo} is called.
   */
  static RecordingProxy start(Vertx vertx) throws Exception {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions());
    HttpServer server = vertx.createHttpServer();
    RecordingProxy proxy = new RecordingProxy(vertx, server, client);
    server.requestHandler(proxy::handle);
    server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
    return proxy;
  }

  int port() {
    return server.actualPort();
  }

  void forwardTo(int port) {
    this.targetPort = port;
  }

  synchronized List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  private synchronized void record(Exchange e) {
    exchanges.add(e);
  }

  private void handle(HttpServerRequest req) {
    req.body()
        .compose(body -> forward(req, body))
        .onFailure(
            err -> {
              if (!req.response().ended()) req.response().setStatusCode(502).end();
            });
  }

  private Future<Void> forward(HttpServerRequest req, Buffer body) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(req.headers());
    headers.remove("connection").remove("transfer-encoding");
    RequestOptions options =
        new RequestOptions()
            .setMethod(req.method())
            .setHost("127.0.0.1")
            .setPort(targetPort)
            .setURI(req.uri())
            .setHeaders(headers);
    String host = Objects.requireNonNullElse(req.headers().get("host"), "127.0.0.1:" + port());
    return client
        .request(options)
        .compose(
            out -> {
              out.authority(HostAndPort.parseAuthority(host, 80));
              return out.send(body);
            })
        .compose(
            resp ->
                resp.body()
                    .map(
                        answer -> {
                          record(
                              new Exchange(
                                  req.method().name(),
                                  req.uri(),
                                  req.headers().get("content-type"),
                                  body.toString(),
                                  resp.statusCode(),
                                  resp.getHeader("content-type"),
                                  answer.toString()));
                          var r = req.response().setStatusCode(resp.statusCode());
                          resp.headers()
                              .forEach(
                                  (k, v) -> {
                                    if (!k.equalsIgnoreCase("transfer-encoding")
                                        && !k.equalsIgnoreCase("connection")) r.headers().add(k, v);
                                  });
                          r.end(answer);
                          return null;
                        }));
  }

  @Override
  public void close() {
    try {
      server.close().toCompletionStage().toCompletableFuture().get();
      client.close().toCompletionStage().toCompletableFuture().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
