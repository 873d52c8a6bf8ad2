package org.madani.node.federation.sig;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The positional IMF-fixdate parse decides as {@link DateTimeFormatter#RFC_1123_DATE_TIME}. */
class HttpDateTest {

  @Test
  void readsWhatItFormats_asTheFormatterDoes() {
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      Instant t = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_799L)); // up to 9999
      String s = HttpDate.format(t);
      assertThat(HttpDate.fixdate(s)).as(s).isEqualTo(t);
      assertThat(HttpDate.parse(s)).as(s).isEqualTo(formatter(s));
    }
  }

  @Test
  void everyOneCharacterChange_isDecidedAsTheFormatterDecides() {
    String base = "Tue, 20 Apr 2021 02:07:55 GMT";
    String alphabet = "0123456789 ,:-+ATMSFWGZuedhiaoprnyclgbvtx";
    for (int at = 0; at < base.length(); at++) {
      for (char ch : alphabet.toCharArray()) {
        String s = base.substring(0, at) + ch + base.substring(at + 1);
        Object expected = decide(() -> formatter(s));
        assertThat(decide(() -> HttpDate.parse(s))).as(s).isEqualTo(expected);
      }
    }
  }

  @Test
  void oddButValidForms_goToTheFormatter() {
    for (String s :
        new String[] {
          "Tue, 20 Apr 2021 02:07:55 GMT",
          "Tue, 20 Apr 2021 02:07 GMT",
          "20 Apr 2021 02:07:55 GMT",
          "Tue, 2 Apr 2021 02:07:55 GMT",
          "Wed, 31 Apr 2021 02:07:55 GMT",
          "Thu, 29 Feb 2024 23:59:59 GMT",
          "Fri, 29 Feb 2023 23:59:59 GMT",
          "Tue, 20 Apr 2021 24:00:00 GMT",
          "Tue, 20 Apr 2021 02:07:60 GMT",
          "Wed, 20 Apr 2021 02:07:55 GMT",
          "tue, 20 apr 2021 02:07:55 GMT",
          "Tue, 20 Apr 2021 02:07:55 +0100",
          "Tue, 20 Apr 2021 02:07:55 UTC"
        }) {
      Object expected = decide(() -> formatter(s));
      assertThat(decide(() -> HttpDate.parse(s))).as(s).isEqualTo(expected);
    }
  }

  private static Instant formatter(String s) {
    return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
  }

  private static Object decide(java.util.function.Supplier<Instant> parse) {
    try {
      return parse.get();
    } catch (DateTimeParseException e) {
      return "refused";
    }
  }
}
