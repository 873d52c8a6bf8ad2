package org.madani.node.collab.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import org.madani.node.collab.invite.CollabDeps;
import org.madani.node.federation.Origins;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.model.Organization;
import org.madani.node.store.InboxRepository.InboxRow;
import org.madani.node.store.collab.InterestRepository;
import org.madani.node.store.collab.InterestRepository.InterestRow;
import org.madani.node.store.collab.InvitationRepository.Direction;

/**
 * Offer of cooperation ("express interest") to one of our organizations, the {@code target}. The
 * inbox checked that the actor signed it; the embedded note must be the actor's own (same origin,
 * attributed to it), else it is ignored. Only its text (bounded) and what it is about are kept.
 * Idempotent by activity id.
 */
public final class OfferInterestHandler implements ActivityHandler {

  private final CollabDeps deps;
  private final InterestRepository repo;

  public OfferInterestHandler(CollabDeps deps, InterestRepository repo) {
    this.deps = deps;
    this.repo = repo;
  }

  @Override
  public String type() {
    return "Offer";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    JsonNode target = activity.get("target");
    String to =
        target == null
            ? null
            : target.isTextual() ? target.asText() : target.path("id").asText(null);
    JsonNode note = activity.get("object");
    if (to == null || note == null || !note.isObject()) return Future.succeededFuture();
    String noteId = note.path("id").asText(null);
    if (noteId == null
        || !Origins.sameOrigin(noteId, row.actor())
        || !row.actor().equals(note.path("attributedTo").asText(null))) {
      return Future.succeededFuture();
    }
    String message = note.path("content").asText("");
    if (message.length() > InterestService.MAX_MESSAGE)
      message = message.substring(0, InterestService.MAX_MESSAGE);
    String about = note.path("inReplyTo").asText(null);
    if (about != null && about.length() > 2048) about = null;
    String m = message;
    String ab = about;
    return deps.db()
        .tx(
            c -> {
              Optional<String> handle = deps.localActors().handleOf(to);
              Optional<Organization> org =
                  handle.isEmpty() ? Optional.empty() : deps.orgs().findByHandle(c, handle.get());
              if (org.isEmpty()) return null;
              Instant now = deps.clock().instant();
              repo.insert(
                  c,
                  new InterestRow(
                      0,
                      row.activityId(),
                      Direction.RECEIVED,
                      org.get().id(),
                      row.actor(),
                      ab,
                      m,
                      "open",
                      null,
                      now,
                      now));
              return null;
            })
        .mapEmpty();
  }
}
