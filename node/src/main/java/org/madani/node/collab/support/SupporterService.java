package org.madani.node.collab.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madani.node.collab.invite.CollabDeps;
import org.madani.node.collab.qa.Texts;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.store.collab.SupporterRepository;
import org.madani.node.store.collab.SupporterRepository.SupporterRow;

/** An organization's supporters and which of its entries each one supports. Thread-safe. */
public final class SupporterService {

  static final Set<String> KINDS = Set.of("funder", "partner", "institution");

  private final CollabDeps deps;
  private final SupporterRepository repo;

  public SupporterService(CollabDeps deps, SupporterRepository repo) {
    this.deps = deps;
    this.repo = repo;
  }

  /** What a request says a supporter is, checked. */
  private record Input(String kind, Map<String, String> name, String country, String url) {}

  private Input input(JsonNode body) {
    String kind = body.path("kind").asText("");
    String country = body.path("country").asText(null);
    String url = body.path("url").asText(null);
    if (!KINDS.contains(kind))
      throw Problem.unprocessable("'kind' is funder, partner or institution.");
    if (country != null && !country.matches("[A-Z]{2}"))
      throw Problem.unprocessable("'country' is an ISO 3166 code (e.g. DE).");
    if (url != null
        && (!(url.startsWith("https://") || url.startsWith("http://")) || url.length() > 2048)) {
      throw Problem.unprocessable("'url' is an http(s) URL.");
    }
    return new Input(kind, Texts.input(body.get("name"), "name", 300, true), country, url);
  }

  public Future<SupporterRow> add(String admin, String handle, JsonNode body) {
    Input in;
    try {
      in = input(body);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return deps.db()
        .tx(
            c -> {
              Organization org = org(c, handle);
              long id =
                  repo.insert(
                      c,
                      new SupporterRow(
                          0,
                          org.id(),
                          in.kind(),
                          Texts.write(deps.json(), in.name()),
                          in.country(),
                          in.url(),
                          deps.clock().instant()));
              deps.audit().record(c, admin, "collab.supporter", String.valueOf(id), in.kind());
              return find(c, org, id);
            });
  }

  /** Replaces a supporter's kind, name, country and URL (absent country or URL: removed). */
  public Future<SupporterRow> update(String admin, String handle, long id, JsonNode body) {
    Input in;
    try {
      in = input(body);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return deps.db()
        .tx(
            c -> {
              Organization org = org(c, handle);
              SupporterRow before = find(c, org, id);
              repo.update(
                  c,
                  new SupporterRow(
                      id,
                      org.id(),
                      in.kind(),
                      Texts.write(deps.json(), in.name()),
                      in.country(),
                      in.url(),
                      before.created()));
              deps.audit()
                  .record(c, admin, "collab.supporter.update", String.valueOf(id), in.kind());
              return find(c, org, id);
            });
  }

  /** Removes a supporter, and with it its links to entries (their pages stop naming it). */
  public Future<Void> remove(String admin, String handle, long id) {
    return deps.db()
        .tx(
            c -> {
              Organization org = org(c, handle);
              if (!repo.delete(c, org.id(), id))
                throw Problem.notFound("No supporter " + id + " of '" + handle + "'.");
              deps.audit().record(c, admin, "collab.supporter.remove", String.valueOf(id), "");
              return null;
            });
  }

  /** The supporters linked to one of the organization's entries. */
  public Future<List<SupporterRow>> ofEntry(String handle, String entryId) {
    return deps.db()
        .tx(
            c -> {
              Organization org = org(c, handle);
              if (deps.entries().find(c, org.id(), entryId).isEmpty())
                throw Problem.notFound("No entry '" + entryId + "' of '" + handle + "'.");
              return repo.ofEntry(c, org.id(), entryId);
            });
  }

  private SupporterRow find(Connection c, Organization org, long id) throws SQLException {
    return repo.list(c, org.id()).stream()
        .filter(s -> s.id() == id)
        .findFirst()
        .orElseThrow(() -> Problem.notFound("No supporter " + id + " of '" + org.handle() + "'."));
  }

  public Future<List<SupporterRow>> list(String handle) {
    return deps.db().tx(c -> repo.list(c, org(c, handle).id()));
  }

  /** Sets which supporters support one of the organization's entries. */
  public Future<List<SupporterRow>> link(
      String admin, String handle, String entryId, JsonNode body) {
    List<Long> ids = new ArrayList<>();
    for (JsonNode n : body.path("supporters")) {
      if (!n.canConvertToLong() || ids.size() >= 50)
        return Future.failedFuture(
            Problem.unprocessable("'supporters' is a list of at most 50 supporter ids."));
      ids.add(n.asLong());
    }
    return deps.db()
        .tx(
            c -> {
              Organization org = org(c, handle);
              if (deps.entries().find(c, org.id(), entryId).isEmpty()) {
                throw Problem.notFound("No entry '" + entryId + "' of '" + handle + "'.");
              }
              Set<Long> own = new LinkedHashSet<>();
              for (SupporterRow s : repo.list(c, org.id())) own.add(s.id());
              for (long id : ids) {
                if (!own.contains(id))
                  throw Problem.unprocessable("No supporter " + id + " of '" + handle + "'.");
              }
              repo.link(c, org.id(), entryId, List.copyOf(new LinkedHashSet<>(ids)));
              deps.audit().record(c, admin, "collab.supporter.link", entryId, ids.toString());
              return repo.ofEntry(c, org.id(), entryId);
            });
  }

  /** The supporters of the entry at {@code entryUrl} when it is one of ours, else none. */
  public Future<List<SupporterRow>> ofEntryUrl(String entryUrl) {
    int i = entryUrl.indexOf("/entries/");
    if (i < 0) return Future.succeededFuture(List.of());
    var handle = deps.localActors().handleOf(entryUrl.substring(0, i));
    if (handle.isEmpty()) return Future.succeededFuture(List.of());
    String entryId = entryUrl.substring(i + "/entries/".length());
    return deps.db()
        .tx(
            c -> {
              var org = deps.orgs().findByHandle(c, handle.get());
              return org.isEmpty()
                  ? List.<SupporterRow>of()
                  : repo.ofEntry(c, org.get().id(), entryId);
            });
  }

  private Organization org(Connection c, String handle) throws SQLException {
    return deps.orgs()
        .findByHandle(c, handle)
        .orElseThrow(() -> Problem.notFound("No organization '" + handle + "'."));
  }
}
