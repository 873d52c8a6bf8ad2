package org.madani.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.madani.node.content.EntryService;
import org.madani.node.content.Taxonomies;
import org.madani.node.directory.DirectoryService;
import org.madani.node.directory.report.DirectoryReport;
import org.madani.node.directory.report.DirectoryReports;
import org.madani.node.directory.report.ReportPeriod;
import org.madani.node.http.pages.Lang;
import org.madani.node.http.pages.ReportPageRenderer;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;
import org.madani.node.model.ProblemException;
import org.madani.node.model.Urls;

/**
 * Directory statistics. Public, public entries only: {@code GET /reports} (HTML with SVG charts),
 * {@code /reports.csv}, {@code /reports.json}. Admin API (token, mounted after the admin API's
 * check): {@code GET /api/v1/reports} (network scope unless {@code scope=public}) and {@code POST
 * /api/v1/organizations/{handle}/reports/publish}, which publishes the public figures as a Report
 * entry of that organization. Parameters: {@code period=month|quarter|year}, {@code from}, {@code
 * to} (YYYY-MM-DD).
 */
public final class ReportRoutes {

  private final DirectoryReports reports;
  private final DirectoryService directory;
  private final EntryService entries;
  private final ReportPageRenderer renderer;
  private final ReportFormats formats;
  private final JsonCodec json;
  private final Urls urls;

  public ReportRoutes(
      DirectoryReports reports,
      DirectoryService directory,
      EntryService entries,
      ReportPageRenderer renderer,
      Taxonomies taxonomies,
      JsonCodec json,
      Urls urls) {
    this.reports = reports;
    this.directory = directory;
    this.entries = entries;
    this.renderer = renderer;
    this.formats = new ReportFormats(json.mapper(), taxonomies);
    this.json = json;
    this.urls = urls;
  }

  /** Public routes. */
  public void mount(Router router) {
    router.get("/reports").handler(this::page);
    router
        .get("/reports.csv")
        .handler(
            ctx ->
                report(ctx, Set.of())
                    .onSuccess(
                        r ->
                            ctx.response()
                                .putHeader(
                                    "Content-Type", "text/csv; charset=utf-8; header=present")
                                .putHeader(
                                    "Content-Disposition", "inline; filename=\"madani-report.csv\"")
                                .putHeader("Cache-Control", "public, max-age=300")
                                .end(formats.csv(r)))
                    .onFailure(ctx::fail));
    router
        .get("/reports.json")
        .handler(
            ctx ->
                report(ctx, Set.of())
                    .onSuccess(
                        r ->
                            ctx.response()
                                .putHeader("Content-Type", "application/json; charset=utf-8")
                                .putHeader("Cache-Control", "public, max-age=300")
                                .end(Buffer.buffer(json.write(formats.json(r)))))
                    .onFailure(ctx::fail));
  }

  /** Admin routes: mount after the admin API's token check. */
  public void mountAdmin(Router router) {
    router
        .get("/api/v1/reports")
        .handler(
            ctx -> {
              Future<Set<Long>> viewers =
                  "public".equals(ctx.request().getParam("scope"))
                      ? Future.succeededFuture(Set.of())
                      : directory.hostedOrganizations();
              viewers
                  .compose(v -> report(ctx, v))
                  .onSuccess(
                      r ->
                          ctx.response()
                              .putHeader("Content-Type", "application/json; charset=utf-8")
                              .putHeader("Cache-Control", "no-store")
                              .end(Buffer.buffer(json.write(formats.json(r)))))
                  .onFailure(ctx::fail);
            });
    router.post("/api/v1/organizations/:handle/reports/publish").handler(this::publish);
  }

  private void page(RoutingContext ctx) {
    Lang lang = PageResponses.lang(ctx);
    report(ctx, Set.of())
        .onSuccess(
            r ->
                PageResponses.html(
                    ctx, 200, lang, renderer.page(lang, r, query(r), null, ctx.request().path())))
        .onFailure(
            err -> {
              if (err instanceof ProblemException pe && pe.problem().status() == 400) {
                PageResponses.html(
                    ctx,
                    400,
                    lang,
                    renderer.page(lang, null, "", pe.problem().detail(), ctx.request().path()));
              } else {
                ctx.fail(err);
              }
            });
  }

  /**
   * Publishes the public figures (never network ones: a Report entry may go anywhere) for the
   * period and range in the body or query, as a Report entry of {@code handle}.
   */
  private void publish(RoutingContext ctx) {
    String handle = ctx.pathParam("handle");
    JsonNode body;
    try {
      body =
          ctx.body().length() == 0
              ? json.mapper().createObjectNode()
              : json.parseObject(ctx.body().buffer().getBytes());
    } catch (RuntimeException e) {
      ctx.fail(e);
      return;
    }
    Future<DirectoryReport> report;
    try {
      report =
          reports.report(
              ReportPeriod.parse(text(body, "period")),
              date(text(body, "from"), "from"),
              date(text(body, "to"), "to"),
              Set.of());
    } catch (IllegalArgumentException e) {
      ctx.fail(Problem.badRequest(e.getMessage() + "."));
      return;
    }
    directory
        .hostedOrganization(handle)
        .compose(id -> report)
        .compose(
            r ->
                entries.create(
                    handle, formats.entryDocument(r, urls.root() + "/reports.csv" + query(r))))
        .onSuccess(
            e -> {
              var out = e.document().deepCopy();
              out.put("id", e.id());
              out.put("url", urls.entry(handle, e.id()));
              out.put("version", e.version());
              ctx.response()
                  .setStatusCode(201)
                  .putHeader("Location", urls.apiEntry(handle, e.id()))
                  .putHeader("Content-Type", "application/json; charset=utf-8")
                  .end(Buffer.buffer(json.write(out)));
            })
        .onFailure(ctx::fail);
  }

  private Future<DirectoryReport> report(RoutingContext ctx, Set<Long> viewers) {
    try {
      return reports.report(
          ReportPeriod.parse(ctx.request().getParam("period")),
          date(ctx.request().getParam("from"), "from"),
          date(ctx.request().getParam("to"), "to"),
          viewers);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(Problem.badRequest(e.getMessage() + "."));
    }
  }

  /** The report's own parameters, so CSV, JSON and published links give the same figures. */
  static String query(DirectoryReport r) {
    return "?period="
        + r.period().wireName()
        + "&from="
        + URLEncoder.encode(r.from().toString(), StandardCharsets.UTF_8)
        + "&to="
        + URLEncoder.encode(r.to().toString(), StandardCharsets.UTF_8);
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || !n.isTextual() || n.asText().isBlank() ? null : n.asText();
  }

  private static LocalDate date(String v, String name) {
    if (v == null || v.isBlank()) return null;
    try {
      return LocalDate.parse(v.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a date (YYYY-MM-DD)");
    }
  }
}
