package org.madani.node.collab.invite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.madani.node.federation.Origins;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.model.Organization;
import org.madani.node.store.InboxRepository.InboxRow;
import org.madani.node.store.collab.InvitationRepository;
import org.madani.node.store.collab.InvitationRepository.Direction;
import org.madani.node.store.collab.InvitationRepository.InvitationRow;

/**
 * Invite of one of our organizations (the {@code target}) to an event. The inbox has checked the
 * signature (key owner = actor) and the activity's proof. The event must be the inviter's own (same
 * origin as the actor, attributed to it when it says): an Invite cannot speak for someone else's
 * event. Only its name and start are kept, to show the invitation; nothing else of it is trusted.
 * Idempotent by (activity id, invitee).
 */
public final class InviteHandler implements ActivityHandler {

  private final CollabDeps deps;
  private final InvitationRepository repo;

  public InviteHandler(CollabDeps deps, InvitationRepository repo) {
    this.deps = deps;
    this.repo = repo;
  }

  @Override
  public String type() {
    return "Invite";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    String target = Ids.of(activity.get("target"));
    JsonNode event = activity.get("object");
    String eventId = Ids.of(event);
    if (target == null || eventId == null || !Origins.sameOrigin(eventId, row.actor()))
      return Future.succeededFuture();
    if (event.isObject()
        && event.has("attributedTo")
        && !row.actor().equals(Ids.of(event.get("attributedTo")))) {
      return Future.succeededFuture();
    }
    String note = activity.path("content").asText(null);
    if (note != null && note.length() > InvitationService.MAX_NOTE)
      note = note.substring(0, InvitationService.MAX_NOTE);
    String name = event.isObject() ? InvitationService.nameOf(event) : null;
    if (name != null && name.length() > 4000) name = null;
    Instant start = event.isObject() ? start(event.path("startTime").asText(null)) : null;
    String n = note;
    String nm = name;
    return deps.db()
        .tx(
            c -> {
              Optional<String> handle = deps.localActors().handleOf(target);
              Optional<Organization> org =
                  handle.isEmpty() ? Optional.empty() : deps.orgs().findByHandle(c, handle.get());
              if (org.isEmpty()) return null;
              Instant now = deps.clock().instant();
              repo.insert(
                  c,
                  new InvitationRow(
                      0,
                      row.activityId(),
                      Direction.RECEIVED,
                      org.get().id(),
                      null,
                      eventId,
                      nm,
                      start,
                      row.actor(),
                      target,
                      n,
                      "pending",
                      null,
                      now,
                      now));
              return null;
            })
        .mapEmpty();
  }

  private static Instant start(String s) {
    if (s == null) return null;
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
