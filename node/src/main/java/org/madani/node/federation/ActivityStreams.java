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
  public static final String LD_MEDIA_TYPE = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

  /** Whether an Accept header asks for ActivityStreams JSON rather than HTML. */
  public static boolean wantsActivityJson(String accept) {
    if (accept == null) return false;
    String a = accept.toLowerCase(Locale.ROOT);
    return a.contains("application/activity+json")
        || (a.contains("application/ld+json") && a.contains("activitystreams"))
        || a.contains("application/ld+json") && !a.contains("text/html");
  }

  /** Whether a Content-Type is one an inbox accepts. */
  public static boolean isActivityJson(String contentType) {
    if (contentType == null) return false;
    String c = contentType.toLowerCase(Locale.ROOT);
    return c.startsWith("application/activity+json") || c.startsWith("application/ld+json")
        || c.startsWith("application/json");
  }
}
