package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.time.Clock;
import org.madani.node.store.Database;
import org.madani.node.store.EndorsementRepository;
import org.madani.node.store.EndorsementRepository.EndorsementRow;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * madani:Endorse (protocol-spec/trust.md): the actor vouches for the organization named as object.
 * Stored whoever sends it; whether it counts is decided when read (only endorsers this node trusts
 * are shown). Idempotent by activity id.
 */
public final class EndorseHandler implements ActivityHandler {

  private final Database db;
  private final Clock clock;
  private final EndorsementRepository endorsements;

  public EndorseHandler(Database db, Clock clock, EndorsementRepository endorsements) {
    this.db = db;
    this.clock = clock;
    this.endorsements = endorsements;
  }

  @Override
  public String type() {
    return "Endorse";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    String endorsed = InboxService.idOf(activity.get("object"));
    if (endorsed == null || endorsed.equals(row.actor()))
      return Future.succeededFuture(); // no self-endorsement
    String comment = activity.path("content").asText(null);
    if (comment != null && comment.length() > 2000) comment = comment.substring(0, 2000);
    EndorsementRow e =
        new EndorsementRow(row.activityId(), row.actor(), endorsed, comment, null, clock.instant());
    return db.tx(c -> endorsements.insert(c, e)).mapEmpty();
  }
}
