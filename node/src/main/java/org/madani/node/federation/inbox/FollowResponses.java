package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.outbox.Outbox;
import org.madani.node.federation.wire.EmbeddedActivity;
import org.madani.node.model.Organization;

/**
 * Answers a Follow of a hosted organization with Accept or Reject, through the outbox: used by the
 * Follow handler (automatic approval) and by the follow service (an admin's decision).
 */
public final class FollowResponses {

  private final ObjectMapper json;
  private final LocalActors localActors;
  private final Outbox outbox;

  public FollowResponses(ObjectMapper json, LocalActors localActors, Outbox outbox) {
    this.json = json;
    this.localActors = localActors;
    this.outbox = outbox;
  }

  /** Sends Accept or Reject of {@code follow} to {@code follower}'s inbox. */
  public void send(Connection c, Organization org, String type, ObjectNode follow, String follower)
      throws SQLException {
    EmbeddedActivity embedded =
        new EmbeddedActivity(
            follow.path("id").asText(), "Follow", follower, localActors.actorId(org.handle()));
    ObjectNode response =
        outbox.activity(
            org, type, json.valueToTree(embedded), json.createArrayNode().add(follower), null);
    outbox.send(
        c, org, response, "private", Set.copyOf(outbox.inboxesOf(c, List.of(follower), false)));
  }
}
