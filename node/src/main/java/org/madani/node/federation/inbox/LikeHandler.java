package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.store.InboxRepository.InboxRow;

/** Like of one of our objects: counted, nothing more. */
public final class LikeHandler implements ActivityHandler {

  private final InboxContext ctx;

  public LikeHandler(InboxContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public String type() {
    return "Like";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    String object = InboxService.idOf(activity.get("object"));
    if (object == null
        || ctx.localActors().handleOf(object.replaceAll("/entries/.*$", "")).isEmpty()) {
      return Future.succeededFuture();
    }
    return ctx.db()
        .tx(c -> ctx.objects().addLike(c, row.activityId(), row.actor(), object))
        .mapEmpty();
  }
}
