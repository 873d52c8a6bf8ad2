package org.madani.node.trust;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.madani.node.account.AuditLog;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.federation.outbox.Outbox;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.store.Database;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.RemoteObjectRepository;
import org.madani.node.store.ReportRepository;
import org.madani.node.store.ReportRepository.ReportRow;

/**
 * Moderation: the queue of reports (Flag) received and sent, actions on remote content, and sending
 * a Flag to another node. Every admin action is audited in its own transaction.
 *
 * <p>Actions: {@code suspend} an organization (blocked: nothing accepted, delivered or shown),
 * {@code limit} it (kept, shown to admins, left out of the directory), {@code restore} it (back to
 * unknown), {@code remove} one stored remote object (content dropped, kept deleted).
 */
public final class ModerationService {

  public enum Action {
    SUSPEND,
    LIMIT,
    RESTORE,
    REMOVE;

    public static Action parse(String s) {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
  }

  private final Database db;
  private final ReportRepository reports;
  private final RemoteObjectRepository objects;
  private final OrganizationRepository orgs;
  private final TrustService trust;
  private final LocalActors localActors;
  private final RemoteActors remoteActors;
  private final Outbox outbox;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;

  public ModerationService(
      Database db,
      ReportRepository reports,
      RemoteObjectRepository objects,
      OrganizationRepository orgs,
      TrustService trust,
      LocalActors localActors,
      RemoteActors remoteActors,
      Outbox outbox,
      AuditLog audit,
      ObjectMapper json,
      Clock clock) {
    this.db = db;
    this.reports = reports;
    this.objects = objects;
    this.orgs = orgs;
    this.trust = trust;
    this.localActors = localActors;
    this.remoteActors = remoteActors;
    this.outbox = outbox;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  public Future<List<ReportRow>> reports(String direction, String state) {
    if (direction != null && !direction.equals("received") && !direction.equals("sent")) {
      return Future.failedFuture(Problem.badRequest("direction is received or sent."));
    }
    if (state != null && !state.equals("open") && !state.equals("resolved")) {
      return Future.failedFuture(Problem.badRequest("state is open or resolved."));
    }
    return db.tx(c -> reports.list(c, direction, state, 500));
  }

  public Future<ReportRow> resolve(String admin, long id, String resolution) {
    return db.tx(
        c -> {
          reports.find(c, id).orElseThrow(() -> Problem.notFound("No report " + id + "."));
          reports.resolve(c, id, resolution, clock.instant());
          audit.record(c, admin, "moderation.report.resolve", "report:" + id, resolution);
          return reports.find(c, id).orElseThrow();
        });
  }

  /** Applies an action to an organization (suspend, limit, restore) or an object (remove). */
  public Future<Void> act(String admin, Action action, String target, String reason) {
    String t = TrustService.actorId(target);
    if (localActors.handleOf(t).isPresent()
        || localActors.handleOf(t.replaceAll("/entries/.*$", "")).isPresent()) {
      return Future.failedFuture(
          Problem.unprocessable(
              "Moderation actions apply to remote content; manage our own "
                  + "organizations' entries directly."));
    }
    String note =
        reason == null
            ? action.name().toLowerCase(Locale.ROOT)
            : action.name().toLowerCase(Locale.ROOT)
                + ": "
                + (reason.length() > 400 ? reason.substring(0, 400) : reason);
    return trust.change(
        c -> {
          switch (action) {
            case SUSPEND -> trust.putActor(c, t, TrustLevel.BLOCKED, note, null);
            case LIMIT -> trust.putActor(c, t, TrustLevel.LIMITED, note, null);
            case RESTORE -> trust.putActor(c, t, TrustLevel.UNKNOWN, null, null);
            case REMOVE -> {
              var o =
                  objects
                      .find(c, t)
                      .orElseThrow(() -> Problem.notFound("No stored remote object " + t + "."));
              objects.markDeleted(c, o.id(), o.actor(), clock.instant());
            }
          }
          audit.record(c, admin, "moderation." + action.name().toLowerCase(Locale.ROOT), t, reason);
          return null;
        });
  }

  /**
   * Sends a Flag from {@code handle} about {@code actor} (and some of its objects) to the actor's
   * node.
   */
  public Future<ReportRow> flag(
      String admin, String handle, String actor, List<String> objectIds, String comment) {
    String target = TrustService.actorId(actor);
    if (comment != null && comment.length() > 5000) {
      return Future.failedFuture(Problem.unprocessable("A comment has at most 5000 characters."));
    }
    return remoteActors
        .actor(target, false)
        .recover(
            err -> Future.failedFuture(Problem.unprocessable("Could not fetch " + target + ".")))
        .compose(
            known ->
                db.tx(
                    c -> {
                      Organization org =
                          orgs.findByHandle(c, handle)
                              .orElseThrow(
                                  () -> Problem.notFound("No organization '" + handle + "'."));
                      ArrayNode object = json.createArrayNode().add(target);
                      for (String o : objectIds) object.add(TrustService.actorId(o));
                      ObjectNode flag = outbox.activity(org, "Flag", object);
                      if (comment != null && !comment.isBlank()) flag.put("content", comment);
                      flag.putArray("to").add(target);
                      String id = flag.get("id").asText();
                      outbox.send(
                          c, org, flag, "private", outbox.inboxesOf(c, List.of(target), false));
                      long reportId =
                          reports
                              .insert(
                                  c,
                                  "sent",
                                  id,
                                  localActors.actorId(handle),
                                  object.toString(),
                                  comment,
                                  clock.instant())
                              .orElseThrow();
                      audit.record(c, admin, "moderation.flag.send", target, "by=" + handle);
                      return reports.find(c, reportId).orElseThrow();
                    }))
        .onSuccess(r -> outbox.wakeDelivery());
  }
}
