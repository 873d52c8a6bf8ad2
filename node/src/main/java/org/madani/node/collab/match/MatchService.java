package org.madani.node.collab.match;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madani.node.content.Taxonomies;
import org.madani.node.directory.DirectoryService;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.DirectoryQuery;
import org.madani.node.model.DirectoryResult;
import org.madani.node.store.Database;
import org.madani.node.store.EndorsementRepository;
import org.madani.node.store.EntryRepository;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.RemoteObjectRepository;
import org.madani.node.trust.TrustPolicy;

/**
 * Matches as one of our organizations sees them: the offers, needs and projects seeking partners
 * its directory shows (its node's own entries and those of followed organizations, network entries
 * only where it may see them), ranked by {@link MatchRanker} with trust as this node's trust
 * settings and endorsements say. Thread-safe.
 */
public final class MatchService {

  static final int PER_KIND = 100;

  private final Database db;
  private final DirectoryService directory;
  private final EndorsementRepository endorsements;
  private final TrustPolicy policy;
  private final MatchRanker ranker;
  private final SeekingProjects projects;

  public MatchService(
      Database db,
      DirectoryService directory,
      EndorsementRepository endorsements,
      TrustPolicy policy,
      Taxonomies taxonomies,
      ObjectMapper json,
      OrganizationRepository orgs,
      EntryRepository entries) {
    this.db = db;
    this.projects = new SeekingProjects(json, orgs, entries, new RemoteObjectRepository());
    this.directory = directory;
    this.endorsements = endorsements;
    this.policy = policy;
    this.ranker =
        new MatchRanker(
            id -> taxonomies.sector(id).map(Taxonomies.Term::label).orElse(Map.of()),
            id -> taxonomies.region(id).map(Taxonomies.Term::label).orElse(Map.of()));
  }

  /**
   * The ranked matches {@code handle}'s directory shows (at most {@value MatchRanker#MAX_MATCHES}).
   */
  public Future<List<MatchRanker.Match>> matches(String handle) {
    return directory
        .hostedOrganization(handle)
        .compose(
            viewer -> {
              Future<DirectoryResult> offers = directory.search(query("offer", viewer));
              Future<DirectoryResult> needs = directory.search(query("need", viewer));
              Future<DirectoryResult> wanted = directory.search(query("project", viewer));
              return Future.all(offers, needs, wanted)
                  .compose(
                      v ->
                          db.tx(
                              c -> {
                                List<MatchRanker.Seeking> seeking =
                                    projects.seeking(c, wanted.result().items());
                                Set<String> orgs = new HashSet<>();
                                for (DirectoryEntry e : offers.result().items())
                                  if (e.orgId() != null) orgs.add(e.orgId());
                                for (DirectoryEntry e : needs.result().items())
                                  if (e.orgId() != null) orgs.add(e.orgId());
                                for (MatchRanker.Seeking s : seeking)
                                  if (s.project().orgId() != null) orgs.add(s.project().orgId());
                                Map<String, MatchRanker.Trust> known = new HashMap<>();
                                for (String org : orgs) known.put(org, trustOf(c, org));
                                return ranker.rank(
                                    offers.result().items(),
                                    needs.result().items(),
                                    seeking,
                                    org -> known.getOrDefault(org, MatchRanker.Trust.NONE));
                              }));
            });
  }

  /**
   * The public digest of {@code handle}'s matches: those where one side is its own entry (its actor
   * is {@code actor}), among public entries only, ranked without trust (who this node trusts is not
   * published), for the organization's digest feed.
   */
  public Future<List<MatchRanker.Match>> digest(String handle, String actor) {
    return directory
        .hostedOrganization(handle)
        .compose(
            viewer -> {
              Future<DirectoryResult> offers = directory.search(query("offer", null));
              Future<DirectoryResult> needs = directory.search(query("need", null));
              Future<DirectoryResult> wanted = directory.search(query("project", null));
              return Future.all(offers, needs, wanted)
                  .compose(v -> db.tx(c -> projects.seeking(c, wanted.result().items())))
                  .map(
                      seeking ->
                          ranker
                              .rank(
                                  offers.result().items(),
                                  needs.result().items(),
                                  seeking,
                                  org -> MatchRanker.Trust.NONE)
                              .stream()
                              .filter(
                                  m ->
                                      actor.equals(m.offer().orgId())
                                          || actor.equals(m.need().orgId()))
                              .toList());
            });
  }

  private static DirectoryQuery query(String kind, Long viewer) {
    return new DirectoryQuery(
        null,
        kind,
        null,
        null,
        null,
        null,
        null,
        null,
        DirectoryQuery.Sort.DATE,
        1,
        PER_KIND,
        viewer == null ? Set.of() : Set.of(viewer));
  }

  /** Trusted by this node, and by how many organizations it trusts (or hosts) that vouch for it. */
  private MatchRanker.Trust trustOf(Connection c, String org) throws SQLException {
    Set<String> vouchers = new HashSet<>();
    for (var e : endorsements.live(c, org, null)) {
      if (e.localOrg() != null || policy.trusts(e.endorser())) vouchers.add(e.endorser());
    }
    return new MatchRanker.Trust(policy.trusts(org), vouchers.size());
  }
}
