package org.madani.node.http;

import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Tells requests a browser sent from another site. A second line behind the CSRF token: browsers
 * send {@code Sec-Fetch-Site} and, on POST and friends, {@code Origin}; a page on another site
 * cannot forge either. Requests carrying neither (command-line clients) are not judged here.
 */
final class SameOrigin {

  private final String origin;

  SameOrigin(URI baseUrl) {
    int port = baseUrl.getPort();
    String scheme = baseUrl.getScheme().toLowerCase(Locale.ROOT);
    boolean defaultPort =
        port == -1
            || ("https".equals(scheme) && port == 443)
            || ("http".equals(scheme) && port == 80);
    this.origin =
        scheme
            + "://"
            + baseUrl.getHost().toLowerCase(Locale.ROOT)
            + (defaultPort ? "" : ":" + port);
  }

  boolean crossSite(HttpServerRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null && !site.equalsIgnoreCase("same-origin")) return true;
    String from = request.getHeader("Origin");
    return from != null && !from.equalsIgnoreCase(origin);
  }

  String origin() {
    return origin;
  }
}
