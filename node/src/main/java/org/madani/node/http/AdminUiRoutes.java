package org.madani.node.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the admin UI (module admin-ui, on the classpath under {@code admin-ui/}) at /admin/ with a
 * strict Content-Security-Policy: only same-origin scripts, styles, images and connections, no
 * inline code, no framing. Nothing comes from third parties.
 */
public final class AdminUiRoutes {

  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  /** Plain names only: no "..", no encoded tricks, a known extension. */
  private static final Pattern FILE = Pattern.compile("(?:[a-z0-9_-]+/)*[a-z0-9_.-]+\\.(html|css|js|svg|ico|json)");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "svg", "image/svg+xml",
      "ico", "image/x-icon",
      "json", "application/json; charset=utf-8");

  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  /** How many resources are held in memory (for the test that they stay bounded). */
  int cached() {
    return cache.size();
  }

  public void mount(Router router) {
    // Vert.x matches "/admin" for "/admin/" too; only the bare path is redirected.
    router.get("/admin").handler(ctx -> {
      if (ctx.request().path().equals("/admin")) {
        ctx.response().setStatusCode(301).putHeader("Location", "/admin/").end();
      } else {
        ctx.next();
      }
    });
    router.get("/admin/*").handler(this::serve);
  }

  private void serve(RoutingContext ctx) {
    String path = ctx.normalizedPath().substring("/admin/".length());
    if (path.isEmpty()) path = "index.html";
    if (!FILE.matcher(path).matches() || path.contains("..")) {
      ctx.next();
      return;
    }
    // Only what exists is cached: caching misses let requests for made-up names grow memory
    // without limit (issue 11, finding 11). Hits are bounded by the files packaged in the jar.
    byte[] body = cache.get(path);
    if (body == null) {
      body = AdminUiRoutes.load(path);
      if (body.length > 0) cache.put(path, body);
    }
    if (body.length == 0) {
      ctx.next();
      return;
    }
    String ext = path.substring(path.lastIndexOf('.') + 1);
    ctx.response()
        .putHeader("Content-Type", TYPES.get(ext))
        .putHeader("Content-Security-Policy", CSP)
        // Revalidate each time: an admin must not keep running an old script after an upgrade.
        .putHeader("Cache-Control", "no-cache")
        .end(Buffer.buffer(body));
  }

  private static byte[] load(String path) {
    try (InputStream in = AdminUiRoutes.class.getResourceAsStream("/admin-ui/" + path)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
