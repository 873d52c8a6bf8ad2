package org.madani.node.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.madani.node.account.AuditLog;
import org.madani.node.federation.ActivityStreams;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.federation.outbox.Outbox;
import org.madani.node.federation.wire.EmbeddedActivity;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.store.Database;
import org.madani.node.store.EndorsementRepository;
import org.madani.node.store.EndorsementRepository.EndorsementRow;
import org.madani.node.store.OrganizationRepository;

/**
 * Endorsements: our organizations vouch for others with a signed madani:Endorse (withdrawn by
 * Undo), and we read who vouches for whom. Only endorsements by our own organizations and by
 * organizations this node trusts are shown; there is no global score (protocol-spec/trust.md).
 */
public final class EndorsementService {

  /** An endorsement as shown: {@code local} when made by one of our organizations. */
  public record Endorsement(
      String activityId,
      String endorser,
      String endorsed,
      String comment,
      boolean local,
      java.time.Instant since) {}

  private final Database db;
  private final OrganizationRepository orgs;
  private final EndorsementRepository repo;
  private final LocalActors localActors;
  private final RemoteActors remoteActors;
  private final Outbox outbox;
  private final TrustPolicy policy;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;

  public EndorsementService(
      Database db,
      OrganizationRepository orgs,
      EndorsementRepository repo,
      LocalActors localActors,
      RemoteActors remoteActors,
      Outbox outbox,
      TrustPolicy policy,
      AuditLog audit,
      ObjectMapper json,
      Clock clock) {
    this.db = db;
    this.orgs = orgs;
    this.repo = repo;
    this.localActors = localActors;
    this.remoteActors = remoteActors;
    this.outbox = outbox;
    this.policy = policy;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /**
   * {@code handle} vouches for {@code endorsed}: stored, sent to its followers and to the endorsed.
   */
  public Future<Endorsement> endorse(String admin, String handle, String endorsed, String comment) {
    String target = TrustService.actorId(endorsed);
    if (comment != null && comment.length() > 2000) {
      return Future.failedFuture(Problem.unprocessable("A comment has at most 2000 characters."));
    }
    if (!policy.allowsActor(target)) {
      return Future.failedFuture(
          Problem.of(
                  403,
                  "refused-peer",
                  "Refused by trust settings",
                  "This organization or its node is blocked; it cannot be endorsed.")
              .exception());
    }
    // The endorsed actor is fetched (or known) so that it can be told; our own organizations need
    // no fetch.
    Future<Void> known =
        localActors.handleOf(target).isPresent()
            ? Future.succeededFuture()
            : remoteActors.actor(target, false).mapEmpty();
    return known
        .recover(
            err -> Future.failedFuture(Problem.unprocessable("Could not fetch " + target + ".")))
        .compose(
            v ->
                db.tx(
                    c -> {
                      Organization org = org(c, handle);
                      if (localActors.actorId(handle).equals(target))
                        throw Problem.unprocessable("An organization cannot endorse itself.");
                      for (EndorsementRow e : repo.live(c, target, localActors.actorId(handle))) {
                        return toEndorsement(e); // already endorsed: idempotent
                      }
                      ObjectNode a =
                          outbox.activity(org, "Endorse", json.getNodeFactory().textNode(target));
                      if (comment != null && !comment.isBlank()) a.put("content", comment);
                      a.putArray("to").add(ActivityStreams.PUBLIC);
                      a.putArray("cc").add(localActors.followers(handle)).add(target);
                      EndorsementRow row =
                          new EndorsementRow(
                              a.get("id").asText(),
                              localActors.actorId(handle),
                              target,
                              comment,
                              org.id(),
                              clock.instant());
                      repo.insert(c, row);
                      outbox.send(c, org, a, "public", recipients(c, org, target));
                      audit.record(c, admin, "trust.endorse", target, "by=" + handle);
                      return toEndorsement(row);
                    }))
        .onSuccess(e -> outbox.wakeDelivery());
  }

  /** Withdraws {@code handle}'s endorsement of {@code endorsed} with an Undo. */
  public Future<Boolean> withdraw(String admin, String handle, String endorsed) {
    return db.tx(
            c -> {
              Organization org = org(c, handle);
              String me = localActors.actorId(handle);
              List<EndorsementRow> live = repo.live(c, endorsed, me);
              if (live.isEmpty()) return false;
              for (EndorsementRow e : live) {
                repo.withdraw(c, e.activityId(), me, clock.instant());
                ObjectNode undo =
                    outbox.activity(
                        org,
                        "Undo",
                        json.valueToTree(
                            new EmbeddedActivity(e.activityId(), "Endorse", me, endorsed)),
                        json.createArrayNode().add(ActivityStreams.PUBLIC),
                        json.createArrayNode().add(localActors.followers(handle)).add(endorsed));
                outbox.send(c, org, undo, "public", recipients(c, org, endorsed));
              }
              audit.record(c, admin, "trust.endorse.withdraw", endorsed, "by=" + handle);
              return true;
            })
        .onSuccess(v -> outbox.wakeDelivery());
  }

  /**
   * Live endorsements (of {@code endorsed}, or all when null) whose endorser is one of our
   * organizations or an organization this node trusts. For the directory: call inside its
   * transaction with {@link #vouchers(Connection, String)}.
   */
  public Future<List<Endorsement>> list(String endorsed) {
    return db.tx(c -> vouchers(c, endorsed));
  }

  public List<Endorsement> vouchers(Connection c, String endorsed) throws SQLException {
    List<Endorsement> out = new ArrayList<>();
    for (EndorsementRow e : repo.live(c, endorsed, null)) {
      if (e.localOrg() != null || policy.trusts(e.endorser())) out.add(toEndorsement(e));
    }
    return out;
  }

  private Set<URI> recipients(Connection c, Organization org, String target) throws SQLException {
    Set<URI> out = new LinkedHashSet<>(outbox.followerInboxes(c, org));
    if (localActors.handleOf(target).isEmpty())
      out.addAll(outbox.inboxesOf(c, List.of(target), false));
    return out;
  }

  private static Endorsement toEndorsement(EndorsementRow e) {
    return new Endorsement(
        e.activityId(), e.endorser(), e.endorsed(), e.comment(), e.localOrg() != null, e.created());
  }

  private Organization org(Connection c, String handle) throws SQLException {
    return orgs.findByHandle(c, handle)
        .orElseThrow(() -> Problem.notFound("No organization '" + handle + "'."));
  }
}
