package org.madani.node.federation;

import java.util.List;
import java.util.Locale;

/** Constants of ActivityStreams 2.0 / ActivityPub as Madani uses them. */
public final class ActivityStreams {
  private ActivityStreams() {}

  public static final String CONTEXT = "https://www.w3.org/ns/activitystreams";
  public static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

  /** Equivalent spellings of the public collection that peers send (AS2 §5.6 compacted forms). */
  public static final List<String> PUBLIC_ALIASES = List.of(PUBLIC, "as:Public", "Public");

  public static final String MEDIA_TYPE = "application/activity+json";
  public static final String LD_MEDIA_TYPE =
      "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

  /** Whether an Accept header asks for ActivityStreams JSON rather than HTML. */
  public static boolean wantsActivityJson(String accept) {
    if (accept == null) return false;
    String a = accept.toLowerCase(Locale.ROOT);
    return a.contains("application/activity+json")
        || (a.contains("application/ld+json") && a.contains("activitystreams"))
        || a.contains("application/ld+json") && !a.contains("text/html");
  }

  /**
   * Whether a Content-Type is one an inbox accepts, compared as a media type (RFC 9110 §8.3.1), not
   * as a prefix: {@code application/activity+json}, {@code application/ld+json} with the
   * ActivityStreams profile (ActivityPub §7), or plain {@code application/json}. A {@code charset}
   * other than UTF-8 is refused, since the body is read as UTF-8 and must be what was signed.
   */
  public static boolean isActivityJson(String contentType) {
    if (contentType == null) return false;
    String[] parts = contentType.split(";", -1);
    String type = parts[0].trim().toLowerCase(Locale.ROOT);
    boolean asProfile = false;
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.isEmpty()) continue;
      int eq = p.indexOf('=');
      if (eq <= 0) return false;
      String name = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = p.substring(eq + 1).trim();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      if (name.equals("charset") && !value.equalsIgnoreCase("utf-8")) return false;
      // profile is a space-separated list of URIs (RFC 6906)
      if (name.equals("profile") && List.of(value.trim().split("\\s+")).contains(CONTEXT))
        asProfile = true;
    }
    return switch (type) {
      case "application/activity+json", "application/json" -> true;
      case "application/ld+json" -> asProfile;
      default -> false;
    };
  }
}
