package org.madani.node.federation.delivery;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.codec.BodyCodec;
import io.vertx.ext.web.codec.spi.BodyStream;

/**
 * A response body codec that keeps only the first {@code limit} bytes and drops the rest as it
 * arrives: a peer's answer to an inbox POST matters only for its status and, on a rejection, the
 * start of its error message. A hostile peer cannot make us buffer a large body.
 */
final class BoundedBody implements BodyStream<Buffer> {

  private final int limit;
  private final Buffer kept = Buffer.buffer();
  private final Promise<Buffer> result = Promise.promise();

  private BoundedBody(int limit) {
    this.limit = limit;
  }

  static BodyCodec<Buffer> codec(int limit) {
    return () -> new BoundedBody(limit);
  }

  @Override
  public Future<Buffer> result() {
    return result.future();
  }

  @Override
  public void handle(Throwable failure) {
    result.tryFail(failure);
  }

  @Override
  public Future<Void> write(Buffer data) {
    int room = limit - kept.length();
    if (room > 0) {
      kept.appendBuffer(data, 0, Math.min(room, data.length()));
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> end() {
    result.tryComplete(kept);
    return Future.succeededFuture();
  }

  @Override
  public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    return this;
  }

  @Override
  public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
    return this;
  }

  @Override
  public boolean writeQueueFull() {
    return false;
  }

  @Override
  public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
    return this;
  }
}
