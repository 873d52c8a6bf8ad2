package org.madani.node.collab.invite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * Leave of one of our events: the signing actor's own participation ends (nobody can leave for
 * another).
 */
public final class LeaveEventHandler implements ActivityHandler {

  private final CollabDeps deps;
  private final ParticipationService participation;

  public LeaveEventHandler(CollabDeps deps, ParticipationService participation) {
    this.deps = deps;
    this.participation = participation;
  }

  @Override
  public String type() {
    return "Leave";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    String event = Ids.of(activity.get("object"));
    return deps.db().tx(c -> participation.leave(c, row.actor(), event)).mapEmpty();
  }
}
