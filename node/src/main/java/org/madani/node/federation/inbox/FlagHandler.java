package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.time.Clock;
import org.madani.node.store.Database;
import org.madani.node.store.InboxRepository.InboxRow;
import org.madani.node.store.ReportRepository;

/**
 * Flag: a report from another node about actors or objects (usually ours). Stored in the moderation
 * queue for an admin to review; nothing is acted on automatically, because a report is a claim, not
 * a verdict. Idempotent by activity id.
 */
public final class FlagHandler implements ActivityHandler {

  static final int MAX_TARGETS = 50;
  static final int MAX_COMMENT = 5000;

  private final Database db;
  private final Clock clock;
  private final ObjectMapper json;
  private final ReportRepository reports;

  public FlagHandler(Database db, Clock clock, ObjectMapper json, ReportRepository reports) {
    this.db = db;
    this.clock = clock;
    this.json = json;
    this.reports = reports;
  }

  @Override
  public String type() {
    return "Flag";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    ArrayNode targets = json.createArrayNode();
    JsonNode object = activity.get("object");
    if (object != null && object.isArray()) {
      for (JsonNode o : object) {
        String id = InboxService.idOf(o);
        if (id != null && targets.size() < MAX_TARGETS) targets.add(id);
      }
    } else {
      String id = InboxService.idOf(object);
      if (id != null) targets.add(id);
    }
    if (targets.isEmpty()) return Future.succeededFuture();
    String comment = activity.path("content").asText(null);
    if (comment != null && comment.length() > MAX_COMMENT)
      comment = comment.substring(0, MAX_COMMENT);
    String c2 = comment;
    return db.tx(
            c ->
                reports.insert(
                    c,
                    "received",
                    row.activityId(),
                    row.actor(),
                    targets.toString(),
                    c2,
                    clock.instant()))
        .mapEmpty();
  }
}
