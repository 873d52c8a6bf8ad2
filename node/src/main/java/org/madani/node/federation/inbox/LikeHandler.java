package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.store.Database;
import org.madani.node.store.InboxRepository.InboxRow;
import org.madani.node.store.RemoteObjectRepository;

/** Like of one of our objects: counted, nothing more. */
public final class LikeHandler implements ActivityHandler {

  private final Database db;
  private final RemoteObjectRepository objects;
  private final LocalActors localActors;

  public LikeHandler(Database db, RemoteObjectRepository objects, LocalActors localActors) {
    this.db = db;
    this.objects = objects;
    this.localActors = localActors;
  }

  @Override
  public String type() {
    return "Like";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    String object = InboxService.idOf(activity.get("object"));
    if (object == null || localActors.handleOf(object.replaceAll("/entries/.*$", "")).isEmpty()) {
      return Future.succeededFuture();
    }
    return db.tx(c -> objects.addLike(c, row.activityId(), row.actor(), object)).mapEmpty();
  }
}
