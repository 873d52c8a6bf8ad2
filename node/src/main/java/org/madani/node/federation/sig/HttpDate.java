package org.madani.node.federation.sig;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** IMF-fixdate (RFC 9110 §5.6.7), e.g. {@code Tue, 20 Apr 2021 02:07:55 GMT}. */
final class HttpDate {

  // RFC_1123_DATE_TIME would drop the leading zero of the day, which IMF-fixdate requires.
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private static final String DAYS = "MonTueWedThuFriSatSun";
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  private HttpDate() {}

  static String format(Instant instant) {
    return IMF_FIXDATE.format(instant);
  }

  /**
   * Parses a {@code Date} field as {@link DateTimeFormatter#RFC_1123_DATE_TIME} does. The form
   * every sender uses, IMF-fixdate, is read by position (the formatter's parse was ~1 % of a node's
   * CPU under an inbox burst); anything else goes to the formatter, so both accept and refuse the
   * same.
   *
   * @throws DateTimeParseException when it is not an RFC 1123 date
   */
  static Instant parse(String date) {
    Instant fixed = fixdate(date);
    return fixed != null
        ? fixed
        : ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
  }

  /** {@code Tue, 20 Apr 2021 02:07:55 GMT} exactly, with a day of week that fits; else null. */
  static Instant fixdate(String s) {
    if (s.length() != 29
        || s.charAt(3) != ','
        || s.charAt(4) != ' '
        || s.charAt(7) != ' '
        || s.charAt(11) != ' '
        || s.charAt(16) != ' '
        || s.charAt(19) != ':'
        || s.charAt(22) != ':'
        || !s.endsWith(" GMT")) return null;
    int dow = name(DAYS, s, 0);
    int month = name(MONTHS, s, 8);
    int day = digits(s, 5, 2);
    int year = digits(s, 12, 4);
    int hour = digits(s, 17, 2);
    int minute = digits(s, 20, 2);
    int second = digits(s, 23, 2);
    if (dow < 0 || month < 0 || day < 1 || year < 0 || hour > 23 || minute > 59 || second > 59)
      return null; // negative: not digits; the formatter decides what the odd ones mean
    try {
      LocalDate d = LocalDate.of(year, month + 1, day);
      if (d.getDayOfWeek() != DayOfWeek.of(dow + 1)) return null;
      return d.atTime(hour, minute, second).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null; // e.g. 31 Apr: the formatter's own rules apply
    }
  }

  private static int name(String names, String s, int at) {
    for (int i = 0; i < names.length(); i += 3) {
      if (names.regionMatches(i, s, at, 3)) return i / 3;
    }
    return -1;
  }

  private static int digits(String s, int at, int count) {
    int v = 0;
    for (int i = at; i < at + count; i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') return -1;
      v = v * 10 + (ch - '0');
    }
    return v;
  }
}
