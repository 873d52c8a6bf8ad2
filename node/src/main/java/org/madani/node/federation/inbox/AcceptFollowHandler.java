package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.time.Clock;
import org.madani.node.store.Database;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.FollowRepository.Direction;
import org.madani.node.store.FollowRepository.State;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * Accept or Reject of one of our Follows. Only the followed actor may answer: an Accept from anyone
 * else for our Follow is ignored.
 */
public final class AcceptFollowHandler implements ActivityHandler {

  private final Database db;
  private final Clock clock;
  private final FollowRepository follows;
  private final boolean accept;
  private final java.util.function.Consumer<String> onAccepted;

  public AcceptFollowHandler(Database db, Clock clock, FollowRepository follows, boolean accept) {
    this(db, clock, follows, accept, actor -> {});
  }

  /** {@code onAccepted} learns of each newly followed actor (e.g. to fetch its history). */
  public AcceptFollowHandler(
      Database db,
      Clock clock,
      FollowRepository follows,
      boolean accept,
      java.util.function.Consumer<String> onAccepted) {
    this.db = db;
    this.clock = clock;
    this.follows = follows;
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
    return db.<Object>tx(
            c -> {
              var follow =
                  followId == null
                      ? java.util.Optional.<org.madani.node.store.FollowRepository.FollowRow>empty()
                      : follows.findByActivity(c, followId);
              if (follow.isEmpty()
                  || follow.get().direction() != Direction.OUTGOING
                  || !follow.get().remoteActor().equals(row.actor())) {
                return null;
              }
              follows.setState(
                  c,
                  follow.get().orgId(),
                  row.actor(),
                  Direction.OUTGOING,
                  accept ? State.ACCEPTED : State.REJECTED,
                  clock.instant());
              return null;
            })
        .onSuccess(
            v -> {
              if (accept) onAccepted.accept(row.actor());
            })
        .mapEmpty();
  }
}
