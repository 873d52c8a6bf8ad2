package org.madani.node.spaces;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * SpaceRemove: the owner removed one of our organizations (spaces.md §5.5). The inbox has verified
 * the sender; {@link SpaceInbound#removed} applies it, idempotently.
 */
public final class RemoveFromSpaceHandler implements ActivityHandler {

  private final SpaceInbound spaces;

  public RemoveFromSpaceHandler(SpaceInbound spaces) {
    this.spaces = spaces;
  }

  @Override
  public String type() {
    return "SpaceRemove";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    return spaces.removed(row.actor(), activity);
  }
}
