package org.madani.node.spaces;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * SpaceDecline: an invitee declined (spaces.md §5.2). The inbox has verified the sender; {@link
 * SpaceInbound#declined} applies it, idempotently.
 */
public final class DeclineSpaceHandler implements ActivityHandler {

  private final SpaceInbound spaces;

  public DeclineSpaceHandler(SpaceInbound spaces) {
    this.spaces = spaces;
  }

  @Override
  public String type() {
    return "SpaceDecline";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    return spaces.declined(row.actor(), activity);
  }
}
