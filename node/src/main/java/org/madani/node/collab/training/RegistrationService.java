package org.madani.node.collab.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.madani.node.collab.invite.CollabDeps;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.store.RemoteObjectRepository;
import org.madani.node.store.collab.RegistrationRepository;
import org.madani.node.store.collab.RegistrationRepository.RegistrationRow;

/**
 * Registers one of our organizations for a training or event received from another node: a Join
 * addressed to its organizer alone, recorded with the organizer whose Accept or Reject will count.
 * Only objects this node has received (and not seen deleted) can be joined, so the organizer is the
 * authenticated author of the object, never a name from the request. Thread-safe.
 */
public final class RegistrationService {

  /** Object types a Join may name: trainings travel as Event with kind training. */
  private static final Set<String> JOINABLE = Set.of("training", "event");

  private final CollabDeps deps;
  private final RegistrationRepository repo;
  private final RemoteObjectRepository objects;

  public RegistrationService(
      CollabDeps deps, RegistrationRepository repo, RemoteObjectRepository objects) {
    this.deps = deps;
    this.repo = repo;
    this.objects = objects;
  }

  public Future<RegistrationRow> register(String admin, String handle, String objectUrl) {
    if (objectUrl == null || objectUrl.isBlank() || objectUrl.length() > 2048)
      return Future.failedFuture(Problem.unprocessable("Give the training's URL as 'object'."));
    return deps.db()
        .tx(
            c -> {
              Organization org = org(c, handle);
              var o =
                  objects
                      .find(c, objectUrl)
                      .filter(r -> r.deletedAt() == null)
                      .orElseThrow(
                          () ->
                              Problem.notFound(
                                  "This node has not received '"
                                      + objectUrl
                                      + "'; follow its organization first."));
              JsonNode doc = read(o.document());
              String kind = doc.path("kind").asText("Event".equals(o.type()) ? "event" : "");
              if (!JOINABLE.contains(kind))
                throw Problem.unprocessable("Only trainings and events take registrations.");
              var last = repo.latest(c, org.id(), objectUrl);
              if (last.isPresent() && !"rejected".equals(last.get().state()))
                throw Problem.conflict("Already registered (" + last.get().state() + ").");
              ObjectNode join =
                  deps.outbox()
                      .activity(org, "Join", deps.json().getNodeFactory().textNode(objectUrl));
              join.putArray("to").add(o.actor());
              var now = deps.clock().instant();
              long id =
                  repo.insert(
                      c,
                      new RegistrationRow(
                          0,
                          org.id(),
                          objectUrl,
                          o.actor(),
                          join.get("id").asText(),
                          "pending",
                          now,
                          now));
              deps.outbox()
                  .send(
                      c,
                      org,
                      join,
                      "private",
                      new LinkedHashSet<>(deps.outbox().inboxesOf(c, List.of(o.actor()), false)));
              deps.audit().record(c, admin, "collab.register", objectUrl, join.get("id").asText());
              return repo.byJoin(c, join.get("id").asText())
                  .filter(r -> r.id() == id)
                  .orElseThrow();
            })
        .onSuccess(r -> deps.outbox().wakeDelivery());
  }

  public Future<List<RegistrationRow>> list(String handle) {
    return deps.db().tx(c -> repo.ofOrganization(c, org(c, handle).id()));
  }

  /**
   * The organizer's answer ({@code accepted} or {@code rejected}) to one of our Joins; inside the
   * inbox handler's transaction. Counts only when {@code actor} (the answer's authenticated signer)
   * is the organizer the Join went to. False when the answer is not about one of our Joins.
   */
  boolean answered(Connection c, String actor, String joinId, String state) throws SQLException {
    if (joinId == null) return false;
    var r = repo.byJoin(c, joinId).filter(x -> x.organizer().equals(actor));
    if (r.isEmpty()) return false;
    repo.answer(c, r.get().id(), state, deps.clock().instant());
    return true;
  }

  private JsonNode read(String document) {
    try {
      return deps.json().readTree(document);
    } catch (java.io.IOException e) {
      return deps.json().createObjectNode();
    }
  }

  private Organization org(Connection c, String handle) throws SQLException {
    return deps.orgs()
        .findByHandle(c, handle)
        .orElseThrow(() -> Problem.notFound("No organization '" + handle + "'."));
  }
}
