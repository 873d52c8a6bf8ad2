package org.madani.node.federation.sig;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** IMF-fixdate (RFC 9110 §5.6.7), e.g. {@code Tue, 20 Apr 2021 02:07:55 GMT}. */
final class HttpDate {

  // RFC_1123_DATE_TIME would drop the leading zero of the day, which IMF-fixdate requires.
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private HttpDate() {}

  static String format(Instant instant) {
    return IMF_FIXDATE.format(instant);
  }
}
