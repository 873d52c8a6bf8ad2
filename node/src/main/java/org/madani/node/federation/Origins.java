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
      int port = u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
      return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public static boolean sameOrigin(String a, String b) {
    String oa = origin(a);
    return oa != null && oa.equals(origin(b));
  }

  public static URI withoutFragment(URI u) {
    try {
      return new URI(u.getScheme(), u.getSchemeSpecificPart(), null);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
