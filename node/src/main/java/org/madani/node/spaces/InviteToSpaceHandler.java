package org.madani.node.spaces;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * SpaceInvite: the owner invites one of our organizations (spaces.md §5.1). The inbox has verified
 * the sender; {@link SpaceInbound#invited} applies it, idempotently.
 */
public final class InviteToSpaceHandler implements ActivityHandler {

  private final SpaceInbound spaces;

  public InviteToSpaceHandler(SpaceInbound spaces) {
    this.spaces = spaces;
  }

  @Override
  public String type() {
    return "SpaceInvite";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    return spaces.invited(row.actor(), activity);
  }
}
