package org.madani.node.spaces;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * SpacePost: a member's sealed and signed post (spaces.md §5.4). The inbox has verified the sender;
 * {@link SpaceInbound#posted} applies it, idempotently.
 */
public final class PostToSpaceHandler implements ActivityHandler {

  private final SpaceInbound spaces;

  public PostToSpaceHandler(SpaceInbound spaces) {
    this.spaces = spaces;
  }

  @Override
  public String type() {
    return "SpacePost";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    return spaces.posted(row.actor(), activity);
  }
}
