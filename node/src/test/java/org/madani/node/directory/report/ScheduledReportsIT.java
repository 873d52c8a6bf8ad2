package org.madani.node.directory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.MovableClock;
import org.madani.node.TestNode;

/**
 * Scheduled reports on a real node whose clock the test moves (issue 15 item 7): turned on through
 * the admin API, a month's and a quarter's report appear once each period ends; a node stopped
 * across two month ends publishes both after its restart, each exactly once, and nothing twice; a
 * schedule turned off publishes nothing more.
 */
class ScheduledReportsIT {

  static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void monthlyAndQuarterlyReports_publishedOncePerPeriod_acrossARestart() throws Exception {
    MovableClock clock = new MovableClock();
    try (TestNode a = TestNode.start(dir.resolve("a"), "sawa", false, clock)) {
      String path = "/api/v1/organizations/sawa/report-schedule";
      assertThat(TestNode.json(a.api("GET", path, null)).get("monthly").asBoolean()).isFalse();
      assertThat(a.api("PUT", path, "{\"monthly\":\"yes\"}").statusCode()).isEqualTo(422);

      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      LocalDate thisMonth = today.withDayOfMonth(1);
      LocalDate thisQuarter = ReportPeriod.QUARTER.start(today);
      HttpResponse<String> on = a.api("PUT", path, "{\"monthly\":true,\"quarterly\":true}");
      assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
      JsonNode s = TestNode.json(on);
      assertThat(s.get("nextMonthlyOn").asText()).isEqualTo(thisMonth.plusMonths(1).toString());
      assertThat(s.get("nextQuarterlyOn").asText()).isEqualTo(thisQuarter.plusMonths(3).toString());
      await()
          .atMost(WAIT)
          .until(
              () ->
                  a.count(
                          "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'PUT %report-schedule' AND outcome = 200")
                      == 1);

      // The month ends (and with it, or later, the quarter): this month's report appears, once.
      moveTo(clock, thisQuarter.plusMonths(3).plusDays(1));
      LocalDate lastMonthBeforeQuarterEnd = thisQuarter.plusMonths(2);
      List<String> expectedMonths = new ArrayList<>();
      for (LocalDate m = thisMonth; !m.isAfter(lastMonthBeforeQuarterEnd); m = m.plusMonths(1)) {
        expectedMonths.add(m.toString());
      }
      await()
          .atMost(WAIT)
          .until(
              () ->
                  starts(a, "quarterly").size() == 1
                      && starts(a, "monthly").size() == expectedMonths.size());
      assertThat(starts(a, "monthly")).containsExactlyInAnyOrderElementsOf(expectedMonths);
      assertThat(starts(a, "quarterly")).containsExactly(thisQuarter.toString());
      JsonNode report = reports(a, "quarterly").get(0);
      assertThat(report.at("/period/end").asText())
          .isEqualTo(thisQuarter.plusMonths(3).minusDays(1).toString());
      assertThat(report.at("/title/ar").asText()).isNotBlank();

      // Stopped across two month ends: after the restart both are published, the earlier ones not
      // again.
      a.stop();
      LocalDate nextQuarter = thisQuarter.plusMonths(3);
      moveTo(clock, nextQuarter.plusMonths(2).plusDays(3));
      a.restart();
      List<String> allMonths = new ArrayList<>(expectedMonths);
      allMonths.add(nextQuarter.toString());
      allMonths.add(nextQuarter.plusMonths(1).toString());
      await().atMost(WAIT).until(() -> starts(a, "monthly").size() >= allMonths.size());
      assertThat(starts(a, "monthly")).containsExactlyInAnyOrderElementsOf(allMonths);
      assertThat(starts(a, "quarterly")).containsExactly(thisQuarter.toString());

      // Monthly turned off: at the quarter's end only the quarterly report comes (the monthly one
      // would have come first in the same run).
      assertThat(a.api("PUT", path, "{\"monthly\":false,\"quarterly\":true}").statusCode())
          .isEqualTo(200);
      moveTo(clock, nextQuarter.plusMonths(3).plusDays(1));
      await().atMost(WAIT).until(() -> starts(a, "quarterly").size() == 2);
      assertThat(starts(a, "quarterly"))
          .containsExactlyInAnyOrder(thisQuarter.toString(), nextQuarter.toString());
      assertThat(starts(a, "monthly")).containsExactlyInAnyOrderElementsOf(allMonths);
    }
  }

  /** Moves the node's clock to 01:00 UTC on {@code day}. */
  static void moveTo(MovableClock clock, LocalDate day) {
    Instant target = day.atTime(1, 0).toInstant(ZoneOffset.UTC);
    clock.advance(Duration.between(clock.instant(), target));
  }

  static List<JsonNode> reports(TestNode n, String type) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode e :
        TestNode.json(n.api("GET", n.entriesPath() + "?kind=report&pageSize=100", null))
            .get("items")) {
      if (e.path("reportType").asText().equals(type)) out.add(e);
    }
    return out;
  }

  static List<String> starts(TestNode n, String type) throws Exception {
    return reports(n, type).stream().map(e -> e.at("/period/start").asText()).toList();
  }
}
