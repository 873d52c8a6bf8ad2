package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.store.FollowRepository.Direction;
import org.madani.node.store.FollowRepository.State;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * Accept or Reject of one of our Follows. Only the followed actor may answer: an Accept from anyone
 * else for our Follow is ignored.
 */
public final class AcceptFollowHandler implements ActivityHandler {

  private final InboxContext ctx;
  private final boolean accept;
  private final java.util.function.Consumer<String> onAccepted;

  public AcceptFollowHandler(InboxContext ctx, boolean accept) {
    this(ctx, accept, actor -> {});
  }

  /** {@code onAccepted} learns of each newly followed actor (e.g. to fetch its history). */
  public AcceptFollowHandler(
      InboxContext ctx, boolean accept, java.util.function.Consumer<String> onAccepted) {
    this.ctx = ctx;
    this.accept = accept;
    this.onAccepted = onAccepted;
  }

  @Override
  public String type() {
    return accept ? "Accept" : "Reject";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    String followId = InboxService.idOf(activity.get("object"));
    return ctx.db()
        .<Object>tx(
            c -> {
              var follow =
                  followId == null
                      ? java.util.Optional.<org.madani.node.store.FollowRepository.FollowRow>empty()
                      : ctx.follows().findByActivity(c, followId);
              if (follow.isEmpty()
                  || follow.get().direction() != Direction.OUTGOING
                  || !follow.get().remoteActor().equals(row.actor())) {
                return null;
              }
              ctx.follows()
                  .setState(
                      c,
                      follow.get().orgId(),
                      row.actor(),
                      Direction.OUTGOING,
                      accept ? State.ACCEPTED : State.REJECTED,
                      ctx.clock().instant());
              return null;
            })
        .onSuccess(
            v -> {
              if (accept) onAccepted.accept(row.actor());
            })
        .mapEmpty();
  }
}
