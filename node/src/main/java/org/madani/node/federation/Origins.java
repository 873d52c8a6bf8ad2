package org.madani.node.federation;

import java.net.URI;
import java.util.Locale;

/**
 * Origin comparisons for ActivityPub's same-origin rules: scheme, host and port must all match.
 * Anything unparsable has no origin and matches nothing.
 */
public final class Origins {
  private Origins() {}

  public static String origin(String url) {
    try {
      URI u = URI.create(url);
      if (u.getScheme() == null || u.getHost() == null) return null;
      int port =
          u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
      return u.getScheme().toLowerCase(Locale.ROOT)
          + "://"
          + u.getHost().toLowerCase(Locale.ROOT)
          + ":"
          + port;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public static boolean sameOrigin(String a, String b) {
    String oa = origin(a);
    return oa != null && oa.equals(origin(b));
  }

  /**
   * The key a remote node is known by in trust settings and the delivery queue: lower-case host,
   * plus {@code :port} when not the scheme's default. Null for anything without an http(s) host.
   * remote_object_standing (V7) computes the same key in SQL; keep the two in step.
   */
  public static String hostKey(String url) {
    try {
      URI u = URI.create(url);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if ((!scheme.equals("https") && !scheme.equals("http"))
          || u.getHost() == null
          || u.getHost().isEmpty()) {
        return null;
      }
      String host = u.getHost().toLowerCase(Locale.ROOT);
      int port = u.getPort();
      boolean defaultPort =
          port == -1
              || (scheme.equals("https") && port == 443)
              || (scheme.equals("http") && port == 80);
      return defaultPort ? host : host + ":" + port;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public static URI withoutFragment(URI u) {
    try {
      return new URI(u.getScheme(), u.getSchemeSpecificPart(), null);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
