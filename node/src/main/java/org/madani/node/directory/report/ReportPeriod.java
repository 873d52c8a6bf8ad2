package org.madani.node.directory.report;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** The length of one column of a report. */
public enum ReportPeriod {
  MONTH,
  QUARTER,
  YEAR;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ReportPeriod parse(String s) {
    if (s == null || s.isBlank()) return MONTH;
    for (ReportPeriod p : values()) if (p.wireName().equals(s.trim())) return p;
    throw new IllegalArgumentException("period must be month, quarter or year");
  }

  /** The first day of the period containing {@code d}. */
  public LocalDate start(LocalDate d) {
    return switch (this) {
      case MONTH -> d.withDayOfMonth(1);
      case QUARTER -> LocalDate.of(d.getYear(), (d.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
      case YEAR -> d.withDayOfYear(1);
    };
  }

  /** The first day of the next period. */
  public LocalDate next(LocalDate start) {
    return switch (this) {
      case MONTH -> start.plusMonths(1);
      case QUARTER -> start.plusMonths(3);
      case YEAR -> start.plusYears(1);
    };
  }

  /** How a period is named in tables and CSV: {@code 2027-03}, {@code 2027-Q1}, {@code 2027}. */
  public String label(LocalDate start) {
    return switch (this) {
      case MONTH -> String.format(Locale.ROOT, "%04d-%02d", start.getYear(), start.getMonthValue());
      case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
      case YEAR -> String.valueOf(start.getYear());
    };
  }

  /** How many periods a report shows when the caller gives no start. */
  public int defaultCount() {
    return switch (this) {
      case MONTH -> 12;
      case QUARTER -> 8;
      case YEAR -> 5;
    };
  }
}
