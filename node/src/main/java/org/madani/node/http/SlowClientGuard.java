package org.madani.node.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Closes connections of clients that send too slowly (slowloris): a header block not complete
 * within {@link RequestDeadlines#headers()}, or a body arriving below the minimum rate, gets {@code
 * 408} as {@code application/problem+json} and the connection is closed. A kept-alive connection on
 * which nothing at all was sent is closed without a 408, as any keep-alive timeout.
 *
 * <p>Per connection, a one-second check runs on the connection's event loop; the byte counter sits
 * first in the connection's Netty pipeline so that partial header blocks are seen. Everything runs
 * on the event loop that owns the connection, so no locking is needed per connection.
 */
final class SlowClientGuard {

  private static final byte[] PROBLEM =
      ("{\"type\":\"https://madani.network/problems/request-timeout\","
              + "\"title\":\"Request timeout\",\"status\":408,"
              + "\"detail\":\"The request was not sent in time; the connection is closed.\"}")
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] RAW_408 =
      concat(
          ("HTTP/1.1 408 Request Timeout\r\n"
                  + "Content-Type: application/problem+json\r\nConnection: close\r\nContent-Length: "
                  + PROBLEM.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII),
          PROBLEM);

  private final Vertx vertx;
  private final RequestDeadlines deadlines;
  private final Map<HttpConnection, State> states = new WeakHashMap<>();

  SlowClientGuard(Vertx vertx, RequestDeadlines deadlines) {
    this.vertx = vertx;
    this.deadlines = deadlines;
  }

  /** What is known about one connection. Touched only on its event loop. */
  private static final class State {
    final Channel channel;
    ChannelHandlerContext first;
    long bytesSinceResponse;
    long idleSince;
    HttpServerRequest request;
    long requestStart;
    long timer;

    State(Channel channel, long now) {
      this.channel = channel;
      this.idleSince = now;
    }
  }

  /**
   * For {@code HttpServer.connectionHandler}. Vert.x calls it when the connection opens only if
   * cleartext HTTP/2 (h2c) is off; with h2c on, not before a whole header block has come (it must
   * look for {@code Upgrade: h2c} first), which is too late for a header deadline.
   */
  void connected(HttpConnection connection) {
    Channel channel = channelOf(connection);
    State s = new State(channel, System.nanoTime());
    synchronized (states) {
      states.put(connection, s);
    }
    if (channel != null) {
      channel
          .pipeline()
          .addFirst(
              "madani-slow-client-bytes",
              new ChannelInboundHandlerAdapter() {
                @Override
                public void handlerAdded(ChannelHandlerContext ctx) {
                  s.first = ctx;
                }

                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                  if (msg instanceof ByteBuf b) s.bytesSinceResponse += b.readableBytes();
                  ctx.fireChannelRead(msg);
                }
              });
    }
    s.timer = vertx.setPeriodic(1000, id -> check(connection, s));
    connection.closeHandler(
        v -> {
          vertx.cancelTimer(s.timer);
          synchronized (states) {
            states.remove(connection);
          }
        });
  }

  /** Wraps the request handler: notes each request's start on its connection. */
  Handler<HttpServerRequest> wrap(Handler<HttpServerRequest> next) {
    return request -> {
      State s;
      synchronized (states) {
        s = states.get(request.connection());
      }
      if (s != null) {
        s.request = request;
        s.requestStart = System.nanoTime();
      }
      next.handle(request);
    };
  }

  private void check(HttpConnection connection, State s) {
    long now = System.nanoTime();
    HttpServerRequest r = s.request;
    if (r != null && !r.response().ended()) {
      if (r.isEnded()) return; // the body is in; the node is working on the answer
      long elapsedMs = (now - s.requestStart) / 1_000_000;
      long graceMs = deadlines.bodyGrace().toMillis();
      if (elapsedMs > graceMs
          && r.bytesRead() * 1000 < (elapsedMs - graceMs) * deadlines.minBodyBytesPerSecond()) {
        timeOut(connection, s, r);
      }
      return;
    }
    if (r != null) { // the previous response is done: the next request's header deadline starts now
      s.request = null;
      s.bytesSinceResponse = 0;
      s.idleSince = now;
      return;
    }
    if ((now - s.idleSince) / 1_000_000 >= deadlines.headers().toMillis()) {
      vertx.cancelTimer(s.timer);
      if (s.bytesSinceResponse > 0 && s.first != null) {
        // Part of a header block came, never the end of it: say why before closing (RFC 9110
        // §15.5.9).
        // Written below the HTTP codec (from the first handler's context), which has no response to
        // encode.
        s.first
            .writeAndFlush(Unpooled.wrappedBuffer(RAW_408))
            .addListener(ChannelFutureListener.CLOSE);
      } else {
        connection.close();
      }
    }
  }

  private void timeOut(HttpConnection connection, State s, HttpServerRequest r) {
    vertx.cancelTimer(s.timer);
    if (!r.response().headWritten()) {
      r.response()
          .setStatusCode(408)
          .putHeader("Content-Type", "application/problem+json")
          .putHeader("Connection", "close")
          .end(io.vertx.core.buffer.Buffer.buffer(PROBLEM))
          .onComplete(ar -> connection.close());
    } else {
      connection.close();
    }
  }

  /** The Netty channel under a Vert.x connection, or null for kinds that do not expose one. */
  private static Channel channelOf(HttpConnection connection) {
    return connection instanceof io.vertx.core.net.impl.ConnectionBase base ? base.channel() : null;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
