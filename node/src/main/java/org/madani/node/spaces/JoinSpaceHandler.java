package org.madani.node.spaces;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * SpaceJoin: an invitee accepted and sent its X25519 space key (spaces.md §5.2). The inbox has
 * verified the sender; {@link SpaceInbound#joined} applies it, idempotently.
 */
public final class JoinSpaceHandler implements ActivityHandler {

  private final SpaceInbound spaces;

  public JoinSpaceHandler(SpaceInbound spaces) {
    this.spaces = spaces;
  }

  @Override
  public String type() {
    return "SpaceJoin";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    return spaces.joined(row.actor(), activity);
  }
}
