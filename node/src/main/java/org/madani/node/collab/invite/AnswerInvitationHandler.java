package org.madani.node.collab.invite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.collab.store.InvitationRepository;
import org.madani.node.collab.store.InvitationRepository.Direction;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * Accept, Reject or TentativeAccept of an Invite we sent. Only the invitee may answer: the answer
 * counts when an Invite with that id was sent by us <em>to this actor</em> (the inbox has checked that
 * the actor signed it). Anything else (an answer to a Follow, or from someone who was not invited)
 * goes to the handler this one wraps, if any, which handles or ignores it as before.
 */
public final class AnswerInvitationHandler implements ActivityHandler {

  private final CollabDeps deps;
  private final InvitationRepository repo;
  private final String type;
  private final ActivityHandler otherwise;

  /** @param otherwise the handler for the same type that is not about invitations, or null */
  public AnswerInvitationHandler(CollabDeps deps, InvitationRepository repo, String type, ActivityHandler otherwise) {
    this.deps = deps;
    this.repo = repo;
    this.type = type;
    this.otherwise = otherwise;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    String inviteId = Ids.of(activity.get("object"));
    String state = InvitationService.stateOf(type);
    return deps.db().tx(c -> {
      if (inviteId == null) return false;
      var sent = repo.find(c, inviteId, Direction.SENT, row.actor());
      if (sent.isEmpty()) return false;
      repo.answer(c, sent.get().id(), state, row.activityId(), deps.clock().instant());
      return true;
    }).compose(handled -> handled || otherwise == null ? Future.<Void>succeededFuture()
        : otherwise.handle(row, activity));
  }
}
