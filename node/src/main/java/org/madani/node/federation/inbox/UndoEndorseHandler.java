package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.time.Clock;
import org.madani.node.store.Database;
import org.madani.node.store.EndorsementRepository;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * Undo: withdraws an endorsement when it undoes one of the sender's Endorse activities, and hands
 * every other Undo to the general {@link UndoHandler}.
 */
public final class UndoEndorseHandler implements ActivityHandler {

  private final Database db;
  private final Clock clock;
  private final EndorsementRepository endorsements;
  private final ActivityHandler otherwise;

  public UndoEndorseHandler(
      Database db, Clock clock, EndorsementRepository endorsements, ActivityHandler otherwise) {
    this.db = db;
    this.clock = clock;
    this.endorsements = endorsements;
    this.otherwise = otherwise;
  }

  @Override
  public String type() {
    return "Undo";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    JsonNode object = activity.get("object");
    String undone = InboxService.idOf(object);
    if (undone == null) return otherwise.handle(row, activity);
    // Withdraw only the sender's own endorsement (matched by endorser in SQL); else it was not one.
    return db.tx(c -> endorsements.withdraw(c, undone, row.actor(), clock.instant()))
        .compose(
            withdrawn ->
                withdrawn ? Future.<Void>succeededFuture() : otherwise.handle(row, activity));
  }
}
