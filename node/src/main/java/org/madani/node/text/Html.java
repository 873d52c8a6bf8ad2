package org.madani.node.text;

/** HTML escaping for text and attribute values. Every user-supplied string goes through here. */
public final class Html {
  private Html() {}

  public static String esc(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Escapes and keeps paragraph breaks of multi-line text. */
  public static String paragraphs(String s) {
    if (s == null || s.isBlank()) return "";
    StringBuilder b = new StringBuilder();
    for (String p : s.split("\\n\\s*\\n")) {
      b.append("<p>").append(esc(p.strip()).replace("\n", "<br>")).append("</p>");
    }
    return b.toString();
  }

  /** Only http(s) links are rendered as links; anything else (javascript:, data:) is not. */
  public static boolean safeUrl(String url) {
    return url != null && (url.startsWith("https://") || url.startsWith("http://"));
  }
}
