package org.madani.node.text;

import java.util.List;

/**
 * CSV (RFC 4180) rows: fields with a comma, quote or line break are quoted, quotes doubled, lines
 * end in CRLF. A field that a spreadsheet would run as a formula (starting with {@code = + - @} or
 * a tab) gets a leading apostrophe: exported text comes from other organizations' nodes, and
 * opening an export must not run what they wrote (CSV injection).
 */
public final class Csv {
  private Csv() {}

  public static String row(List<?> fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) b.append(',');
      b.append(field(fields.get(i)));
    }
    return b.append("\r\n").toString();
  }

  public static String field(Object value) {
    if (value == null) return "";
    String s = value.toString();
    if (!(value instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0)
      s = "'" + s;
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
