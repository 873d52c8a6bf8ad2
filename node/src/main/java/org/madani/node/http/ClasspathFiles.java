package org.madani.node.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves files packaged on the classpath (the admin UI, the stylesheet and font, protocol-spec's
 * context and schemas), held in memory after the first read. The one file server of the node:
 * callers decide which names may be asked for and which headers go with them.
 */
final class ClasspathFiles {

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  /** How many resources are held in memory (for the test that they stay bounded). */
  int cached() {
    return cache.size();
  }

  /**
   * Answers with {@code resource} and {@code headers}, or passes the request on ({@code next}) when
   * no such resource is packaged.
   */
  void serve(RoutingContext ctx, String resource, Map<String, String> headers) {
    // Only what exists is cached: caching misses let requests for made-up names grow memory
    // without limit (issue 11, finding 11). Hits are bounded by the files packaged in the jar.
    byte[] body = cache.get(resource);
    if (body == null) {
      body = load(resource);
      if (body.length > 0) cache.put(resource, body);
    }
    if (body.length == 0) {
      ctx.next();
      return;
    }
    var response = ctx.response();
    headers.forEach(response::putHeader);
    response.end(Buffer.buffer(body));
  }

  private static byte[] load(String resource) {
    try (InputStream in = ClasspathFiles.class.getResourceAsStream(resource)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
