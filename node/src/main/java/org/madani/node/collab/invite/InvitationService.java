package org.madani.node.collab.invite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.store.collab.InvitationRepository;
import org.madani.node.store.collab.InvitationRepository.Direction;
import org.madani.node.store.collab.InvitationRepository.InvitationRow;

/**
 * Invitations to our events and answers to the invitations we receive (protocol-spec/collab.md §2).
 * One {@code Invite} per invitee, addressed to it alone and signed (eddsa-jcs-2022 by the outbox);
 * answers are {@code Accept}, {@code Reject} or {@code TentativeAccept} whose object is the
 * Invite's id. Thread-safe: state lives in H2.
 */
public final class InvitationService {

  /** The answers an invitee may give, and the activity type each is sent as. */
  public static final Map<String, String> ANSWERS =
      Map.of("accept", "Accept", "decline", "Reject", "tentative", "TentativeAccept");

  static final int MAX_INVITEES = 50;
  static final int MAX_NOTE = 2000;

  private final CollabDeps deps;
  private final InvitationRepository repo;
  private final LocalEvents events;

  public InvitationService(CollabDeps deps, InvitationRepository repo) {
    this.deps = deps;
    this.repo = repo;
    this.events = new LocalEvents(deps);
  }

  /** {@code handle} invites each of {@code invitees} (actor URLs) to its event {@code entryId}. */
  public Future<List<InvitationRow>> invite(
      String admin, String handle, String entryId, List<String> invitees, String note) {
    if (invitees.isEmpty() || invitees.size() > MAX_INVITEES) {
      return Future.failedFuture(
          Problem.unprocessable("Name between 1 and " + MAX_INVITEES + " invitees."));
    }
    if (note != null && note.length() > MAX_NOTE) {
      return Future.failedFuture(
          Problem.unprocessable("A note has at most " + MAX_NOTE + " characters."));
    }
    for (String id : invitees) {
      if (!id.startsWith("https://") && !id.startsWith("http://")) {
        return Future.failedFuture(Problem.unprocessable("An invitee is an actor URL: " + id));
      }
      if (deps.localActors().handleOf(id).isPresent()) {
        return Future.failedFuture(
            Problem.unprocessable(
                "Invitations go to organizations on other nodes; " + id + " is hosted here."));
      }
    }
    // Each invitee's actor is fetched (or known) so that its inbox is known; a failure names it.
    List<Future<?>> fetched = new ArrayList<>();
    for (String id : invitees) {
      fetched.add(
          deps.remoteActors()
              .actor(id, false)
              .recover(
                  err ->
                      Future.failedFuture(
                          Problem.unprocessable("Could not fetch the invitee " + id + "."))));
    }
    return Future.all(fetched)
        .compose(
            v ->
                deps.db()
                    .tx(
                        c -> {
                          LocalEvents.Event ev = events.event(c, handle, entryId);
                          Organization org = ev.org();
                          ObjectNode event = deps.entryObjects().object(org, ev.entry());
                          event.remove("@context");
                          List<InvitationRow> out = new ArrayList<>();
                          for (String invitee : new LinkedHashSet<>(invitees)) {
                            var already = repo.sentTo(c, org.id(), entryId, invitee);
                            if (already.isPresent()) {
                              out.add(already.get());
                              continue;
                            }
                            ObjectNode invite =
                                deps.outbox().activity(org, "Invite", event.deepCopy());
                            invite.put("target", invitee);
                            invite.putArray("to").add(invitee);
                            if (note != null && !note.isBlank()) invite.put("content", note);
                            var now = deps.clock().instant();
                            out.add(
                                repo.insert(
                                    c,
                                    new InvitationRow(
                                        0,
                                        invite.get("id").asText(),
                                        Direction.SENT,
                                        org.id(),
                                        entryId,
                                        event.get("id").asText(),
                                        nameOf(event),
                                        ev.entry().startTime(),
                                        invite.get("actor").asText(),
                                        invitee,
                                        note,
                                        "pending",
                                        null,
                                        now,
                                        now)));
                            deps.outbox().send(c, org, invite, "private", inboxOf(c, invitee));
                            deps.audit()
                                .record(c, admin, "collab.invite", invitee, "event=" + entryId);
                          }
                          return out;
                        }))
        .onSuccess(v -> deps.outbox().wakeDelivery());
  }

  /** The invitations {@code handle} received, newest first. */
  public Future<List<InvitationRow>> received(String handle) {
    return deps.db().tx(c -> repo.list(c, events.org(c, handle).id(), Direction.RECEIVED, 200));
  }

  /** The invitations to one of our events and their count by answer. */
  public Future<EventInvitations> ofEvent(String handle, String entryId) {
    return deps.db()
        .tx(
            c -> {
              LocalEvents.Event ev = events.event(c, handle, entryId);
              return new EventInvitations(
                  repo.ofEntry(c, ev.org().id(), entryId), repo.counts(c, ev.org().id(), entryId));
            });
  }

  public record EventInvitations(List<InvitationRow> items, Map<String, Integer> counts) {}

  /**
   * {@code handle} answers a received invitation: the answer goes to the inviter, and may be
   * changed later.
   */
  public Future<InvitationRow> answer(String admin, String handle, long id, String answer) {
    String type = answer == null ? null : ANSWERS.get(answer);
    if (type == null)
      return Future.failedFuture(Problem.unprocessable("Answer accept, decline or tentative."));
    return deps.db()
        .tx(
            c -> {
              Organization org = events.org(c, handle);
              InvitationRow row =
                  repo.find(c, id)
                      .filter(r -> r.orgId() == org.id() && r.direction() == Direction.RECEIVED)
                      .orElseThrow(
                          () -> Problem.notFound("No invitation " + id + " for '" + handle + "'."));
              ObjectNode a =
                  deps.outbox()
                      .activity(org, type, deps.json().getNodeFactory().textNode(row.activityId()));
              a.putArray("to").add(row.inviter());
              a.put("inReplyTo", row.eventId());
              repo.answer(c, row.id(), stateOf(type), a.get("id").asText(), deps.clock().instant());
              deps.outbox().send(c, org, a, "private", inboxOf(c, row.inviter()));
              deps.audit()
                  .record(c, admin, "collab.answer", row.inviter(), answer + " " + row.eventId());
              return repo.find(c, id).orElseThrow();
            })
        .onSuccess(v -> deps.outbox().wakeDelivery());
  }

  static String stateOf(String activityType) {
    return switch (activityType) {
      case "Accept" -> "accepted";
      case "Reject" -> "declined";
      case "TentativeAccept" -> "tentative";
      default -> throw new IllegalArgumentException(activityType);
    };
  }

  private Set<URI> inboxOf(Connection c, String actor) throws SQLException {
    return new LinkedHashSet<>(deps.outbox().inboxesOf(c, List.of(actor), false));
  }

  static String nameOf(com.fasterxml.jackson.databind.JsonNode object) {
    if (object.path("nameMap").isObject()) return object.get("nameMap").toString();
    String name = object.path("name").asText(null);
    return name == null
        ? null
        : "{\"und\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(name) + "}";
  }
}
