package org.madani.node.collab.invite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.store.InboxRepository.InboxRow;
import org.madani.node.store.collab.InterestRepository;
import org.madani.node.store.collab.InvitationRepository;
import org.madani.node.store.collab.InvitationRepository.Direction;

/**
 * Accept, Reject or TentativeAccept of an Invite we sent, or Accept/Reject of an interest (Offer)
 * we sent. Only the addressee may answer: the answer counts when an Invite (Offer) with that id was
 * sent by us <em>to this actor</em> (the inbox has checked that the actor signed it). Anything else
 * (an answer to a Follow, or from someone who was not invited) goes to the handler this one wraps,
 * if any, which handles or ignores it as before.
 */
public final class AnswerInvitationHandler implements ActivityHandler {

  private final CollabDeps deps;
  private final InvitationRepository repo;
  private final InterestRepository interests;
  private final String type;
  private final ActivityHandler otherwise;

  /**
   * @param otherwise the handler for the same type that is not about invitations, or null
   */
  public AnswerInvitationHandler(
      CollabDeps deps,
      InvitationRepository repo,
      InterestRepository interests,
      String type,
      ActivityHandler otherwise) {
    this.deps = deps;
    this.repo = repo;
    this.interests = interests;
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
    return deps.db()
        .tx(
            c -> {
              if (inviteId == null) return false;
              var sent = repo.find(c, inviteId, Direction.SENT, row.actor());
              if (sent.isPresent()) {
                repo.answer(c, sent.get().id(), state, row.activityId(), deps.clock().instant());
                return true;
              }
              var interest =
                  interests
                      .find(c, inviteId, Direction.SENT)
                      .filter(i -> i.counterpart().equals(row.actor()));
              if (interest.isPresent() && !"TentativeAccept".equals(type)) {
                String message = activity.path("content").asText(null);
                if (message != null && message.length() > 2000)
                  message = message.substring(0, 2000);
                interests.answer(c, interest.get().id(), state, message, deps.clock().instant());
                return true;
              }
              return false;
            })
        .compose(
            handled ->
                handled || otherwise == null
                    ? Future.<Void>succeededFuture()
                    : otherwise.handle(row, activity));
  }
}
