package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.store.InboxRepository.InboxRow;

/** Delete of an object by its author: the stored copy's content is dropped and it stops showing. */
public final class DeleteHandler implements ActivityHandler {

  private final InboxContext ctx;

  public DeleteHandler(InboxContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public String type() {
    return "Delete";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    String id = InboxService.idOf(activity.get("object"));
    return ctx.db()
        .tx(
            c -> {
              if (id != null) ctx.objects().markDeleted(c, id, row.actor(), ctx.clock().instant());
              return null;
            });
  }
}
