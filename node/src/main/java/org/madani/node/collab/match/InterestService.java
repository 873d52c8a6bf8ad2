package org.madani.node.collab.match;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.madani.node.collab.invite.CollabDeps;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.store.collab.InterestRepository;
import org.madani.node.store.collab.InterestRepository.InterestRow;
import org.madani.node.store.collab.InvitationRepository.Direction;

/**
 * "Express interest" (collab.md §4): one of our organizations tells another that it would like to
 * work together on an offer, need or project, with a signed {@code Offer} addressed to it alone;
 * the other answers with Accept or Reject (and a message). Thread-safe.
 */
public final class InterestService {

  static final int MAX_MESSAGE = 2000;

  private final CollabDeps deps;
  private final InterestRepository repo;

  public InterestService(CollabDeps deps, InterestRepository repo) {
    this.deps = deps;
    this.repo = repo;
  }

  public Future<InterestRow> express(
      String admin, String handle, String to, String about, String message) {
    if (to == null || !(to.startsWith("https://") || to.startsWith("http://"))) {
      return Future.failedFuture(
          Problem.unprocessable("Name the organization ('to') by its actor URL."));
    }
    if (about == null || !(about.startsWith("https://") || about.startsWith("http://"))) {
      return Future.failedFuture(
          Problem.unprocessable("Name the offer, need or project ('about') by its URL."));
    }
    if (message == null || message.isBlank() || message.length() > MAX_MESSAGE) {
      return Future.failedFuture(
          Problem.unprocessable("Write a message of 1 to " + MAX_MESSAGE + " characters."));
    }
    if (deps.localActors().handleOf(to).isPresent()) {
      return Future.failedFuture(
          Problem.unprocessable("This organization is hosted here; write to it directly."));
    }
    return deps.remoteActors()
        .actor(to, false)
        .recover(err -> Future.failedFuture(Problem.unprocessable("Could not fetch " + to + ".")))
        .compose(
            v ->
                deps.db()
                    .tx(
                        c -> {
                          Organization org = org(c, handle);
                          String me = deps.localActors().actorId(handle);
                          ObjectNode note =
                              deps.json()
                                  .createObjectNode()
                                  .put("id", me + "/interests/" + UUID.randomUUID())
                                  .put("type", "Note")
                                  .put("attributedTo", me)
                                  .put("content", message)
                                  .put("inReplyTo", about);
                          note.putArray("to").add(to);
                          ObjectNode offer = deps.outbox().activity(org, "Offer", note);
                          offer.put("target", to);
                          offer.putArray("to").add(to);
                          var now = deps.clock().instant();
                          InterestRow row =
                              repo.insert(
                                  c,
                                  new InterestRow(
                                      0,
                                      offer.get("id").asText(),
                                      Direction.SENT,
                                      org.id(),
                                      to,
                                      about,
                                      message,
                                      "open",
                                      null,
                                      now,
                                      now));
                          deps.outbox()
                              .send(
                                  c,
                                  org,
                                  offer,
                                  "private",
                                  new LinkedHashSet<>(
                                      deps.outbox().inboxesOf(c, List.of(to), false)));
                          deps.audit().record(c, admin, "collab.interest", to, about);
                          return row;
                        }))
        .onSuccess(v -> deps.outbox().wakeDelivery());
  }

  public Future<List<InterestRow>> list(String handle) {
    return deps.db().tx(c -> repo.list(c, org(c, handle).id()));
  }

  /**
   * {@code handle} answers a received interest: Accept or Reject of the Offer, with a message, to
   * its sender.
   */
  public Future<InterestRow> answer(
      String admin, String handle, long id, String answer, String message) {
    if (!"accept".equals(answer) && !"decline".equals(answer)) {
      return Future.failedFuture(Problem.unprocessable("Answer accept or decline."));
    }
    if (message != null && message.length() > MAX_MESSAGE) {
      return Future.failedFuture(
          Problem.unprocessable("A message has at most " + MAX_MESSAGE + " characters."));
    }
    return deps.db()
        .tx(
            c -> {
              Organization org = org(c, handle);
              InterestRow row =
                  repo.find(c, id)
                      .filter(r -> r.orgId() == org.id() && r.direction() == Direction.RECEIVED)
                      .orElseThrow(
                          () ->
                              Problem.notFound(
                                  "No interest " + id + " received by '" + handle + "'."));
              ObjectNode a =
                  deps.outbox()
                      .activity(
                          org,
                          "accept".equals(answer) ? "Accept" : "Reject",
                          deps.json().getNodeFactory().textNode(row.activityId()));
              a.putArray("to").add(row.counterpart());
              if (message != null && !message.isBlank()) a.put("content", message);
              repo.answer(
                  c,
                  row.id(),
                  "accept".equals(answer) ? "accepted" : "declined",
                  message,
                  deps.clock().instant());
              deps.outbox()
                  .send(
                      c,
                      org,
                      a,
                      "private",
                      new LinkedHashSet<>(
                          deps.outbox().inboxesOf(c, List.of(row.counterpart()), false)));
              deps.audit().record(c, admin, "collab.interest.answer", row.counterpart(), answer);
              return repo.find(c, id).orElseThrow();
            })
        .onSuccess(v -> deps.outbox().wakeDelivery());
  }

  private Organization org(java.sql.Connection c, String handle) throws java.sql.SQLException {
    return deps.orgs()
        .findByHandle(c, handle)
        .orElseThrow(() -> Problem.notFound("No organization '" + handle + "'."));
  }
}
