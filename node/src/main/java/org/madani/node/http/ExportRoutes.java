package org.madani.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madani.node.account.AdminAccounts;
import org.madani.node.content.ProfileService;
import org.madani.node.directory.DirectoryService;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.DirectoryQuery;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.model.Urls;
import org.madani.node.text.Csv;

/**
 * Exports of the directory (protocol-spec/export.md): {@code GET /api/v1/export/organizations.csv},
 * {@code /entries.csv} and {@code /hsds.json} (Human Services Data Specification 3.x shape).
 *
 * <p>Access as for the directory search: without a token, public entries only; with a valid admin
 * token, network entries addressed to this node's organizations too ({@code "scope"} says which). A
 * token sent but invalid is a 401. Hidden contacts never appear in any export. Mounted before the
 * admin API's blanket token check.
 *
 * <p>The export reads the directory page by page, up to {@link DirectoryQuery#MAX_WINDOW} entries
 * (newest first). TODO: slice by date to export more; no node is near that size yet.
 */
public final class ExportRoutes {

  static final List<String> ORG_COLUMNS =
      List.of(
          "id",
          "handle",
          "local",
          "name_ar",
          "name_en",
          "summary_ar",
          "summary_en",
          "sectors",
          "regions",
          "website",
          "email",
          "entries");
  static final List<String> ENTRY_COLUMNS =
      List.of(
          "id",
          "kind",
          "audience",
          "organization",
          "organization_name_ar",
          "organization_name_en",
          "title_ar",
          "title_en",
          "summary_ar",
          "summary_en",
          "sectors",
          "regions",
          "languages",
          "date",
          "start_time",
          "end_time",
          "time_zone",
          "updated",
          "local",
          "verified_by");

  private final DirectoryService directory;
  private final ProfileService profiles;
  private final AdminAccounts admins;
  private final JsonCodec json;
  private final Urls urls;
  private final HsdsDocument hsds;

  public ExportRoutes(
      DirectoryService directory,
      ProfileService profiles,
      AdminAccounts admins,
      JsonCodec json,
      Urls urls) {
    this(directory, profiles, admins, json, urls, null);
  }

  /**
   * @param taxonomies names and describes the sector and region terms in HSDS (may be null: ids
   *     only)
   */
  public ExportRoutes(
      DirectoryService directory,
      ProfileService profiles,
      AdminAccounts admins,
      JsonCodec json,
      Urls urls,
      org.madani.node.content.Taxonomies taxonomies) {
    this.hsds = new HsdsDocument(json, urls, taxonomies);
    this.directory = directory;
    this.profiles = profiles;
    this.admins = admins;
    this.json = json;
    this.urls = urls;
  }

  public void mount(Router router) {
    router
        .get("/api/v1/export/organizations.csv")
        .handler(
            ctx ->
                export(
                    ctx,
                    (orgs, entries, scope) ->
                        csv(ctx, "organizations", organizationsCsv(orgs, entries))));
    router
        .get("/api/v1/export/entries.csv")
        .handler(
            ctx -> export(ctx, (orgs, entries, scope) -> csv(ctx, "entries", entriesCsv(entries))));
    router
        .get("/api/v1/export/hsds.json")
        .handler(
            ctx ->
                export(
                    ctx,
                    (orgs, entries, scope) ->
                        ctx.response()
                            .putHeader("Content-Type", "application/json; charset=utf-8")
                            .putHeader(
                                "Cache-Control",
                                scope.equals("public") ? "public, max-age=300" : "no-store")
                            .end(Buffer.buffer(json.write(hsds.hsds(orgs, entries, scope))))));
  }

  private interface Writer {
    void write(List<Organization> hosted, List<DirectoryEntry> entries, String scope);
  }

  private void export(RoutingContext ctx, Writer writer) {
    String auth = ctx.request().getHeader("Authorization");
    Future<Set<Long>> viewers =
        auth == null
            ? Future.succeededFuture(Set.of())
            : authenticated(auth).compose(v -> directory.hostedOrganizations());
    viewers
        .compose(
            ids ->
                profiles
                    .organizations()
                    .compose(
                        orgs ->
                            all(ids, 1, new ArrayList<>())
                                .map(
                                    entries -> {
                                      writer.write(
                                          orgs, entries, ids.isEmpty() ? "public" : "network");
                                      return null;
                                    })))
        .onFailure(ctx::fail);
  }

  /** Every entry the viewers may see, page by page (sequential: one search at a time). */
  private Future<List<DirectoryEntry>> all(Set<Long> viewers, int page, List<DirectoryEntry> acc) {
    int size = DirectoryQuery.MAX_PAGE_SIZE;
    DirectoryQuery q =
        new DirectoryQuery(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            DirectoryQuery.Sort.DATE,
            page,
            size,
            viewers);
    return directory
        .search(q)
        .compose(
            r -> {
              acc.addAll(r.items());
              boolean more = r.hasNext() && (long) (page + 1) * size <= DirectoryQuery.MAX_WINDOW;
              return more ? all(viewers, page + 1, acc) : Future.succeededFuture(acc);
            });
  }

  private Future<Void> authenticated(String auth) {
    if (!auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.length() < 8) {
      return Future.failedFuture(
          Problem.of(
                  401,
                  "unauthorized",
                  "Authentication required",
                  "Send an admin API token as 'Authorization: Bearer <token>'.")
              .exception());
    }
    return admins
        .tokenValid(auth.substring(7).trim())
        .compose(
            ok ->
                ok
                    ? Future.<Void>succeededFuture()
                    : Future.failedFuture(
                        Problem.of(
                                401,
                                "invalid-token",
                                "Invalid token",
                                "The token is unknown, revoked or expired.")
                            .exception()));
  }

  private static void csv(RoutingContext ctx, String name, String body) {
    ctx.response()
        .putHeader("Content-Type", "text/csv; charset=utf-8; header=present")
        .putHeader("Content-Disposition", "attachment; filename=\"madani-" + name + ".csv\"")
        .putHeader("Cache-Control", "no-store")
        // A byte order mark, so spreadsheet programs read the Arabic as UTF-8.
        .end(Buffer.buffer("\uFEFF" + body, StandardCharsets.UTF_8.name()));
  }

  /**
   * Hosted organizations with their public profile fields, then every other organization with
   * entries.
   */
  String organizationsCsv(List<Organization> hosted, List<DirectoryEntry> entries) {
    StringBuilder b = new StringBuilder(Csv.row(ORG_COLUMNS));
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Map<String, String>> names = new LinkedHashMap<>();
    for (DirectoryEntry e : entries) {
      counts.merge(e.orgId(), 1L, Long::sum);
      names.putIfAbsent(e.orgId(), e.orgName());
    }
    for (Organization o : hosted) {
      String id = urls.organization(o.handle());
      JsonNode p = o.profile();
      b.append(
          Csv.row(
              List.of(
                  id,
                  o.handle(),
                  true,
                  p.path("name").path("ar").asText(""),
                  p.path("name").path("en").asText(""),
                  p.path("summary").path("ar").asText(""),
                  p.path("summary").path("en").asText(""),
                  join(p.path("sectors")),
                  join(p.path("regions")),
                  website(p),
                  contact(p, "email"),
                  counts.getOrDefault(id, 0L))));
      names.remove(id);
    }
    names.forEach(
        (id, name) ->
            b.append(
                Csv.row(
                    List.of(
                        id,
                        "",
                        false,
                        name.getOrDefault("ar", ""),
                        name.getOrDefault("en", ""),
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        counts.get(id)))));
    return b.toString();
  }

  String entriesCsv(List<DirectoryEntry> entries) {
    StringBuilder b = new StringBuilder(Csv.row(ENTRY_COLUMNS));
    for (DirectoryEntry e : entries) {
      DirectoryEntry.Schedule s = e.schedule();
      List<Object> row =
          new ArrayList<>(
              List.of(
                  e.id(),
                  e.kind(),
                  e.audience(),
                  e.orgId(),
                  e.orgName().getOrDefault("ar", ""),
                  e.orgName().getOrDefault("en", ""),
                  e.title().getOrDefault("ar", ""),
                  e.title().getOrDefault("en", ""),
                  e.summary().getOrDefault("ar", ""),
                  e.summary().getOrDefault("en", ""),
                  String.join(" ", e.sectors()),
                  String.join(" ", e.regions()),
                  String.join(" ", e.languages()),
                  e.date().toString()));
      row.add(s == null ? "" : s.start().toString());
      row.add(s == null || s.end() == null ? "" : s.end().toString());
      row.add(s == null || s.timeZone() == null ? "" : s.timeZone());
      row.add(e.updated().toString());
      row.add(e.local());
      row.add(e.provenance().verifiedBy());
      b.append(Csv.row(row));
    }
    return b.toString();
  }

  private static String join(JsonNode arr) {
    List<String> out = new ArrayList<>();
    arr.forEach(n -> out.add(n.asText()));
    return String.join(" ", out);
  }

  static String website(JsonNode p) {
    String c = contact(p, "website");
    if (!c.isEmpty()) return c;
    for (JsonNode l : p.path("links")) return l.path("url").asText("");
    return "";
  }

  /** The first public contact of this kind, or empty. */
  static String contact(JsonNode p, String kind) {
    for (JsonNode c : p.path("contacts")) {
      if (kind.equals(c.path("kind").asText()) && "public".equals(c.path("visibility").asText())) {
        return c.path("value").asText("");
      }
    }
    return "";
  }

  static Map<String, String> langMap(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    n.properties().forEach(kv -> out.put(kv.getKey(), kv.getValue().asText()));
    return out;
  }
}
