package org.madani.node.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.madani.node.federation.ActivityStreams;
import org.madani.node.federation.sig.HttpRequestView;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;
import org.madani.node.model.Urls;

/**
 * How the federation routes read a peer's request (as it was signed) and answer with
 * ActivityStreams JSON.
 */
final class PeerRequests {

  private final Urls urls;
  private final JsonCodec json;

  PeerRequests(Urls urls, JsonCodec json) {
    this.urls = urls;
    this.json = json;
  }

  /** The request as its sender signed it: our public URL, not whatever proxy address it came by. */
  HttpRequestView view(RoutingContext ctx) {
    HttpServerRequest r = ctx.request();
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : r.headers().names()) {
      headers.put(name.toLowerCase(Locale.ROOT), r.headers().getAll(name));
    }
    // HTTP/2 carries the host as :authority, not as a Host header; signatures cover it either way.
    if (!headers.containsKey("host") && r.authority() != null) {
      headers.put("host", List.of(r.authority().toString()));
    }
    URI target = URI.create(urls.root() + r.uri());
    byte[] body =
        ctx.body() == null || ctx.body().buffer() == null
            ? new byte[0]
            : ctx.body().buffer().getBytes();
    return new HttpRequestView(r.method().name(), target, headers, body);
  }

  void activityJson(RoutingContext ctx, ObjectNode doc) {
    ctx.response()
        .setStatusCode(200)
        .putHeader("Content-Type", ActivityStreams.MEDIA_TYPE + "; charset=utf-8")
        .putHeader("Vary", "Accept, Accept-Language")
        .end(Buffer.buffer(json.write(doc)));
  }

  /** As {@link #activityJson(RoutingContext, ObjectNode)}, for a document already written out. */
  void activityJson(RoutingContext ctx, Buffer utf8) {
    ctx.response()
        .setStatusCode(200)
        .putHeader("Content-Type", ActivityStreams.MEDIA_TYPE + "; charset=utf-8")
        .putHeader("Vary", "Accept, Accept-Language")
        .end(utf8);
  }

  /**
   * A non-negative whole-number query parameter, 0 when absent; a 400 problem when it is not a
   * number.
   */
  static long longParam(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    if (v == null || v.isBlank()) return 0;
    try {
      return Math.max(0, Long.parseLong(v));
    } catch (NumberFormatException e) {
      throw Problem.badRequest("'" + name + "' must be a whole number.");
    }
  }
}
