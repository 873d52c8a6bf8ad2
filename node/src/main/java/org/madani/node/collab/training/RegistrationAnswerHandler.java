package org.madani.node.collab.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.collab.invite.CollabDeps;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * Accept or Reject of a Join we sent (a registration for a training elsewhere). Only the organizer
 * the Join went to may answer it (the inbox has checked that the actor signed the answer). Anything
 * else goes to the handler this one wraps, if any.
 */
public final class RegistrationAnswerHandler implements ActivityHandler {

  private final CollabDeps deps;
  private final RegistrationService registrations;
  private final String type;
  private final ActivityHandler otherwise;

  /**
   * @param otherwise the handler for the same type that is not about registrations, or null
   */
  public RegistrationAnswerHandler(
      CollabDeps deps, RegistrationService registrations, String type, ActivityHandler otherwise) {
    if (!type.equals("Accept") && !type.equals("Reject")) throw new IllegalArgumentException(type);
    this.deps = deps;
    this.registrations = registrations;
    this.type = type;
    this.otherwise = otherwise;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    String joinId = id(activity.get("object"));
    String state = type.equals("Accept") ? "accepted" : "rejected";
    return deps.db()
        .tx(c -> registrations.answered(c, row.actor(), joinId, state))
        .compose(
            handled ->
                handled || otherwise == null
                    ? Future.<Void>succeededFuture()
                    : otherwise.handle(row, activity));
  }

  private static String id(JsonNode n) {
    if (n == null) return null;
    if (n.isTextual()) return n.asText();
    if (n.isObject() && n.path("id").isTextual()) return n.get("id").asText();
    return null;
  }
}
