package org.madani.node.collab.invite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * Join of one of our events by a person or organization anywhere (Mobilizon's participation). The
 * joining actor is the one that signed the request (checked by the inbox), so nobody can register
 * someone else. Answered with Accept or Reject by join mode and capacity, or left pending for the
 * organizer's approval. Idempotent by Join id.
 */
public final class JoinEventHandler implements ActivityHandler {

  private final CollabDeps deps;
  private final ParticipationService participation;

  public JoinEventHandler(CollabDeps deps, ParticipationService participation) {
    this.deps = deps;
    this.participation = participation;
  }

  @Override
  public String type() {
    return "Join";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    String event = Ids.of(activity.get("object"));
    return deps.db()
        .tx(c -> participation.join(c, row.actor(), row.activityId(), event))
        .onSuccess(
            d -> {
              if (d != null) deps.outbox().wakeDelivery();
            })
        .mapEmpty();
  }
}
