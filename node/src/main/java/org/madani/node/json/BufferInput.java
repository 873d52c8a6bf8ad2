package org.madani.node.json;

import io.vertx.core.buffer.Buffer;
import java.io.InputStream;

/**
 * A Vert.x buffer's bytes as a stream, read where they are: a log page of several MB is parsed
 * without first being copied out into an array of its own (issue 13). Not thread-safe.
 */
public final class BufferInput extends InputStream {

  private final Buffer buffer;
  private int at;

  public BufferInput(Buffer buffer) {
    this.buffer = buffer;
  }

  @Override
  public int read() {
    return at < buffer.length() ? buffer.getByte(at++) & 0xff : -1;
  }

  @Override
  public int read(byte[] into, int off, int len) {
    int n = Math.min(len, buffer.length() - at);
    if (n <= 0) return len == 0 ? 0 : -1;
    buffer.getBytes(at, at + n, into, off);
    at += n;
    return n;
  }
}
