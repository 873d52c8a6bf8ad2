package org.madani.node.spaces;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * SpaceKey: the owner sends an epoch's content key wrapped for us, with the member list (spaces.md
 * §5.3). The inbox has verified the sender; {@link SpaceInbound#keyed} applies it, idempotently.
 */
public final class KeySpaceHandler implements ActivityHandler {

  private final SpaceInbound spaces;

  public KeySpaceHandler(SpaceInbound spaces) {
    this.spaces = spaces;
  }

  @Override
  public String type() {
    return "SpaceKey";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    return spaces.keyed(row.actor(), activity);
  }
}
