package org.madani.node.spaces;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * SpaceLeave: a member left the space we own (spaces.md §5.5). The inbox has verified the sender;
 * {@link SpaceInbound#left} applies it, idempotently.
 */
public final class LeaveSpaceHandler implements ActivityHandler {

  private final SpaceInbound spaces;

  public LeaveSpaceHandler(SpaceInbound spaces) {
    this.spaces = spaces;
  }

  @Override
  public String type() {
    return "SpaceLeave";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    return spaces.left(row.actor(), activity);
  }
}
