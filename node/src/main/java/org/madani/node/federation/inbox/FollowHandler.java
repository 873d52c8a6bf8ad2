package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.time.Clock;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.federation.outbox.Outbox;
import org.madani.node.model.Organization;
import org.madani.node.store.Database;
import org.madani.node.store.FederationSettingsRepository;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.FollowRepository.Direction;
import org.madani.node.store.FollowRepository.FollowRow;
import org.madani.node.store.FollowRepository.State;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * Follow of a hosted organization: recorded as pending, or accepted at once (and answered with
 * Accept) when the organization approves followers automatically.
 */
public final class FollowHandler implements ActivityHandler {

  private final Database db;
  private final Clock clock;
  private final FollowRepository follows;
  private final HostedOrgs hostedOrgs;
  private final RemoteActors remoteActors;
  private final Outbox outbox;
  private final FollowResponses responses;
  private final FederationSettingsRepository settings;

  /**
   * @param outbox woken after an automatic Accept was queued
   * @param responses sends that Accept
   */
  public FollowHandler(
      Database db,
      Clock clock,
      FollowRepository follows,
      HostedOrgs hostedOrgs,
      RemoteActors remoteActors,
      Outbox outbox,
      FollowResponses responses,
      FederationSettingsRepository settings) {
    this.db = db;
    this.clock = clock;
    this.follows = follows;
    this.hostedOrgs = hostedOrgs;
    this.remoteActors = remoteActors;
    this.outbox = outbox;
    this.responses = responses;
    this.settings = settings;
  }

  @Override
  public String type() {
    return "Follow";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    String target = InboxService.idOf(activity.get("object"));
    // The follower's inbox is needed for Accept; it was fetched when its key was resolved.
    return remoteActors
        .actor(row.actor(), false)
        .compose(
            actor ->
                db.tx(
                    c -> {
                      Organization org = hostedOrgs.localOrg(c, target).orElse(null);
                      if (org == null) return null; // not one of ours: nothing to do
                      var now = clock.instant();
                      boolean auto = settings.autoApprove(c, org.id());
                      var existing = follows.find(c, org.id(), row.actor(), Direction.INCOMING);
                      State state =
                          existing
                              .map(FollowRow::state)
                              .filter(s -> s == State.ACCEPTED)
                              .orElse(auto ? State.ACCEPTED : State.PENDING);
                      follows.upsert(
                          c,
                          new FollowRow(
                              org.id(),
                              row.actor(),
                              Direction.INCOMING,
                              state,
                              row.activityId(),
                              existing.map(FollowRow::created).orElse(now),
                              now));
                      if (state == State.ACCEPTED) {
                        responses.send(c, org, "Accept", activity, row.actor());
                      }
                      return null;
                    }))
        .onSuccess(v -> outbox.wakeDelivery())
        .mapEmpty();
  }
}
