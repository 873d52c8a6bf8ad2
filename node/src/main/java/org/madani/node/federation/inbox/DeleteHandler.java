package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.time.Clock;
import org.madani.node.store.Database;
import org.madani.node.store.InboxRepository.InboxRow;
import org.madani.node.store.RemoteObjectRepository;

/** Delete of an object by its author: the stored copy's content is dropped and it stops showing. */
public final class DeleteHandler implements ActivityHandler {

  private final Database db;
  private final Clock clock;
  private final RemoteObjectRepository objects;

  public DeleteHandler(Database db, Clock clock, RemoteObjectRepository objects) {
    this.db = db;
    this.clock = clock;
    this.objects = objects;
  }

  @Override
  public String type() {
    return "Delete";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    String id = InboxService.idOf(activity.get("object"));
    return db.tx(
        c -> {
          if (id != null) objects.markDeleted(c, id, row.actor(), clock.instant());
          return null;
        });
  }
}
