package org.madani.node.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the admin UI (module admin-ui, on the classpath under {@code admin-ui/}) at /admin/ with a
 * strict Content-Security-Policy: only same-origin scripts, styles, images and connections, no
 * inline code, no framing. Nothing comes from third parties.
 */
public final class AdminUiRoutes {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  /** Plain names only: no "..", no encoded tricks, a known extension. */
  private static final Pattern FILE =
      Pattern.compile("(?:[a-z0-9_-]+/)*[a-z0-9_.-]+\\.(html|css|js|svg|ico|json)");

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "svg", "image/svg+xml",
          "ico", "image/x-icon",
          "json", "application/json; charset=utf-8");

  private final ClasspathFiles files = new ClasspathFiles();

  /** How many resources are held in memory (for the test that they stay bounded). */
  int cached() {
    return files.cached();
  }

  public void mount(Router router) {
    // Vert.x matches "/admin" for "/admin/" too; only the bare path is redirected.
    router
        .get("/admin")
        .handler(
            ctx -> {
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
    String ext = path.substring(path.lastIndexOf('.') + 1);
    // The sector and region pickers read the shared taxonomies of protocol-spec, not a copy.
    String resource =
        path.startsWith("taxonomies/") ? "/protocol-spec/" + path : "/admin-ui/" + path;
    files.serve(
        ctx,
        resource,
        Map.of(
            "Content-Type",
            TYPES.get(ext),
            "Content-Security-Policy",
            CSP,
            // Revalidate each time: an admin must not keep running an old script after an upgrade.
            "Cache-Control",
            "no-cache"));
  }
}
