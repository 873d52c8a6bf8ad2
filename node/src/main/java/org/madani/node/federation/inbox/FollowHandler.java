package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import org.madani.node.federation.wire.EmbeddedActivity;
import org.madani.node.model.Organization;
import org.madani.node.store.FederationSettingsRepository;
import org.madani.node.store.FollowRepository.Direction;
import org.madani.node.store.FollowRepository.FollowRow;
import org.madani.node.store.FollowRepository.State;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * Follow of a hosted organization: recorded as pending, or accepted at once (and answered with
 * Accept) when the organization approves followers automatically.
 */
public final class FollowHandler implements ActivityHandler {

  private final InboxContext ctx;
  private final FederationSettingsRepository settings;

  public FollowHandler(InboxContext ctx, FederationSettingsRepository settings) {
    this.ctx = ctx;
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
    return ctx.remoteActors()
        .actor(row.actor(), false)
        .compose(
            actor ->
                ctx.db()
                    .tx(
                        c -> {
                          Organization org = ctx.localOrg(c, target).orElse(null);
                          if (org == null) return null; // not one of ours: nothing to do
                          var now = ctx.clock().instant();
                          boolean auto = settings.autoApprove(c, org.id());
                          var existing =
                              ctx.follows().find(c, org.id(), row.actor(), Direction.INCOMING);
                          State state =
                              existing
                                  .map(FollowRow::state)
                                  .filter(s -> s == State.ACCEPTED)
                                  .orElse(auto ? State.ACCEPTED : State.PENDING);
                          ctx.follows()
                              .upsert(
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
                            sendResponse(c, ctx, org, "Accept", activity, row.actor());
                          }
                          return null;
                        }))
        .onSuccess(v -> ctx.outbox().wakeDelivery())
        .mapEmpty();
  }

  /** Sends Accept or Reject of {@code follow} to {@code follower}'s inbox. */
  public static void sendResponse(
      Connection c,
      InboxContext ctx,
      Organization org,
      String type,
      ObjectNode follow,
      String follower)
      throws SQLException {
    EmbeddedActivity embedded =
        new EmbeddedActivity(
            follow.path("id").asText(),
            "Follow",
            follower,
            ctx.localActors().actorId(org.handle()));
    ObjectNode response =
        ctx.outbox()
            .activity(
                org,
                type,
                ctx.json().valueToTree(embedded),
                ctx.json().createArrayNode().add(follower),
                null);
    ctx.outbox()
        .send(
            c,
            org,
            response,
            "private",
            Set.copyOf(ctx.outbox().inboxesOf(c, java.util.List.of(follower), false)));
  }
}
