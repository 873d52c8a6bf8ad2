package org.madani.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import org.madani.node.directory.report.ReportSchedules;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;

/**
 * Admin API for scheduled reports: {@code GET} and {@code PUT
 * /api/v1/organizations/{handle}/report-schedule} with {@code {"monthly": bool, "quarterly":
 * bool}}. Mount after the admin API's token check (the audit trail records the PUT).
 */
public final class ReportScheduleRoutes {

  private final ReportSchedules schedules;
  private final JsonCodec json;

  public ReportScheduleRoutes(ReportSchedules schedules, JsonCodec json) {
    this.schedules = schedules;
    this.json = json;
  }

  public void mountAdmin(Router router) {
    router
        .get("/api/v1/organizations/:handle/report-schedule")
        .handler(ctx -> respond(ctx, schedules.get(ctx.pathParam("handle"))));
    router.put("/api/v1/organizations/:handle/report-schedule").handler(this::put);
  }

  private void put(RoutingContext ctx) {
    ObjectNode in;
    try {
      in =
          json.parseObject(
              ctx.body() == null || ctx.body().buffer() == null
                  ? null
                  : ctx.body().buffer().getBytes());
    } catch (RuntimeException e) {
      ctx.fail(e);
      return;
    }
    JsonNode monthly = in.get("monthly");
    JsonNode quarterly = in.get("quarterly");
    if (monthly == null || !monthly.isBoolean() || quarterly == null || !quarterly.isBoolean()) {
      ctx.fail(Problem.unprocessable("Send {\"monthly\": true|false, \"quarterly\": true|false}."));
      return;
    }
    respond(
        ctx,
        schedules.set(ctx.pathParam("handle"), monthly.booleanValue(), quarterly.booleanValue()));
  }

  private void respond(RoutingContext ctx, Future<ReportSchedules.Schedule> f) {
    f.onSuccess(
            s -> {
              ObjectNode out = json.mapper().createObjectNode();
              out.put("monthly", s.monthly());
              out.put("quarterly", s.quarterly());
              date(out, "lastMonth", s.lastMonth());
              date(out, "lastQuarter", s.lastQuarter());
              // When the next one is due: the day after the period to be reported next has ended.
              date(
                  out, "nextMonthlyOn", s.nextMonth() == null ? null : s.nextMonth().plusMonths(1));
              date(
                  out,
                  "nextQuarterlyOn",
                  s.nextQuarter() == null ? null : s.nextQuarter().plusMonths(3));
              ctx.response()
                  .putHeader("Content-Type", "application/json; charset=utf-8")
                  .putHeader("Cache-Control", "no-store")
                  .end(Buffer.buffer(json.write(out)));
            })
        .onFailure(ctx::fail);
  }

  private static void date(ObjectNode out, String name, LocalDate d) {
    if (d == null) out.putNull(name);
    else out.put(name, d.toString());
  }
}
