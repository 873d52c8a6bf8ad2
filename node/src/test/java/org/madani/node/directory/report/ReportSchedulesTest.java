package org.madani.node.directory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportSchedulesTest {

  @Test
  void turningOnMidPeriod_marksTheLastEndedPeriod_soNothingIsBackFilled() {
    LocalDate today = LocalDate.of(2027, 5, 17);
    assertThat(ReportSchedules.previous(ReportPeriod.MONTH, today))
        .isEqualTo(LocalDate.of(2027, 4, 1));
    assertThat(ReportSchedules.previous(ReportPeriod.QUARTER, today))
        .isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(ReportSchedules.due(ReportPeriod.MONTH, LocalDate.of(2027, 4, 1), today)).isEmpty();
    assertThat(ReportSchedules.due(ReportPeriod.QUARTER, LocalDate.of(2027, 1, 1), today))
        .isEmpty();
  }

  @Test
  void aPeriodIsDueOnTheDayAfterItEnds_andEveryMissedOneInOrder() {
    LocalDate last = LocalDate.of(2026, 11, 1);
    assertThat(ReportSchedules.due(ReportPeriod.MONTH, last, LocalDate.of(2026, 12, 31))).isEmpty();
    assertThat(ReportSchedules.due(ReportPeriod.MONTH, last, LocalDate.of(2027, 1, 1)))
        .containsExactly(LocalDate.of(2026, 12, 1));
    // Down from December to March: December, January and February, oldest first.
    assertThat(ReportSchedules.due(ReportPeriod.MONTH, last, LocalDate.of(2027, 3, 9)))
        .containsExactly(
            LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1));
    assertThat(
            ReportSchedules.due(
                ReportPeriod.QUARTER, LocalDate.of(2026, 7, 1), LocalDate.of(2027, 4, 1)))
        .containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 1));
  }
}
