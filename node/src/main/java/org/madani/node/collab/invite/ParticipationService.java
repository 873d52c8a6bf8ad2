package org.madani.node.collab.invite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.madani.node.model.EntryKind;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.model.Visibility;
import org.madani.node.store.collab.InvitationRepository;
import org.madani.node.store.collab.InvitationRepository.InvitationRow;
import org.madani.node.store.collab.ParticipationRepository;
import org.madani.node.store.collab.ParticipationRepository.ParticipantRow;
import org.madani.node.store.collab.ParticipationRepository.Settings;

/**
 * Who comes to our events (protocol-spec/collab.md §3): organizations that accepted an invitation
 * and actors that joined with a Join (Mobilizon's way). Decides Joins by join mode and capacity,
 * answers them with Accept or Reject, and shows participants as the event's visibility allows.
 * Thread-safe.
 */
public final class ParticipationService {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ParticipationService.class);

  /** What the organizer (admin API) or, for public events, anyone sees. */
  public record Participation(
      String eventId,
      Visibility visibility,
      Settings settings,
      int participantCount,
      Map<String, Integer> invitations,
      List<String> going,
      List<ParticipantRow> participants) {}

  /** The outcome of a Join. */
  public enum Decision {
    ACCEPTED,
    PENDING,
    REJECTED
  }

  private final CollabDeps deps;
  private final InvitationRepository invitations;
  private final ParticipationRepository repo;
  private final LocalEvents events;

  public ParticipationService(
      CollabDeps deps, InvitationRepository invitations, ParticipationRepository repo) {
    this.deps = deps;
    this.invitations = invitations;
    this.repo = repo;
    this.events = new LocalEvents(deps);
  }

  public Future<Participation> view(String handle, String entryId) {
    return deps.db().tx(c -> view(c, events.event(c, handle, entryId)));
  }

  /**
   * For the public route: only public events show who comes (network and private ones answer 404).
   */
  public Future<Participation> publicView(String handle, String entryId) {
    return deps.db()
        .tx(
            c -> {
              LocalEvents.Event ev = events.event(c, handle, entryId);
              if (ev.entry().visibility() != Visibility.PUBLIC)
                throw Problem.notFound("No public event '" + entryId + "'.");
              return view(c, ev);
            });
  }

  public Future<Settings> configure(String admin, String handle, String entryId, Settings s) {
    return deps.db()
        .tx(
            c -> {
              LocalEvents.Event ev = events.event(c, handle, entryId);
              if (ev.entry().kind() == EntryKind.TRAINING)
                throw Problem.conflict(
                    "A training's capacity and registration are fields of the training itself;"
                        + " edit the training.");
              repo.saveSettings(c, ev.org().id(), entryId, s);
              deps.audit()
                  .record(
                      c, admin, "collab.participation", entryId, s.joinMode() + " " + s.capacity());
              return s;
            });
  }

  /** The organizer approves or refuses a pending Join (approval mode): the participant is told. */
  public Future<ParticipantRow> decide(
      String admin, String handle, String entryId, long participantId, boolean approve) {
    return deps.db()
        .tx(
            c -> {
              LocalEvents.Event ev = events.event(c, handle, entryId);
              ParticipantRow p =
                  repo.find(c, participantId)
                      .filter(x -> x.orgId() == ev.org().id() && x.entryId().equals(entryId))
                      .orElseThrow(() -> Problem.notFound("No participant " + participantId + "."));
              if (approve && !"accepted".equals(p.state()) && full(c, ev)) {
                throw Problem.conflict("The event is full (maximumAttendeeCapacity reached).");
              }
              repo.setState(c, p.id(), approve ? "accepted" : "rejected", deps.clock().instant());
              answer(c, ev.org(), approve ? "Accept" : "Reject", p.joinId(), p.actor());
              deps.audit()
                  .record(
                      c,
                      admin,
                      approve ? "collab.join.approve" : "collab.join.reject",
                      p.actor(),
                      entryId);
              return repo.find(c, p.id()).orElseThrow();
            })
        .onSuccess(v -> deps.outbox().wakeDelivery());
  }

  /**
   * Handles a Join of {@code actor} (already authenticated as the Join's signer) to the event at
   * {@code eventUrl}; inside the inbox handler's transaction. Not our event: nothing happens.
   */
  Decision join(Connection c, String actor, String joinId, String eventUrl) throws SQLException {
    var found = events.byUrl(c, eventUrl);
    if (found.isEmpty()) return null;
    LocalEvents.Event ev = found.get();
    var existing = repo.find(c, ev.org().id(), ev.entry().id(), actor);
    if (existing.isPresent() && existing.get().joinId().equals(joinId)) return null; // a repeat
    Settings s = settings(c, ev);
    boolean invited = invitations.sentTo(c, ev.org().id(), ev.entry().id(), actor).isPresent();
    Decision d;
    String why;
    if (ev.entry().visibility() != Visibility.PUBLIC && !invited) {
      d = Decision.REJECTED;
      why = "not a public event and not invited";
    } else if ("invite".equals(s.joinMode()) && !invited) {
      d = Decision.REJECTED;
      why = "invitation only";
    } else if (full(c, ev)) {
      d = Decision.REJECTED;
      why = "full";
    } else if ("restricted".equals(s.joinMode()) && !invited) {
      d = Decision.PENDING;
      why = "awaiting approval";
    } else {
      d = Decision.ACCEPTED;
      why = invited ? "invited" : "open";
    }
    LOG.info("join {} of {} by {}: {} ({})", joinId, eventUrl, actor, d, why);
    repo.upsert(
        c,
        ev.org().id(),
        ev.entry().id(),
        actor,
        joinId,
        d.name().toLowerCase(java.util.Locale.ROOT),
        deps.clock().instant());
    if (d != Decision.PENDING)
      answer(c, ev.org(), d == Decision.ACCEPTED ? "Accept" : "Reject", joinId, actor);
    return d;
  }

  /** A Leave (or an Undo of a Join) by {@code actor}: it no longer counts. */
  boolean leave(Connection c, String actor, String eventUrl) throws SQLException {
    var found = events.byUrl(c, eventUrl);
    if (found.isEmpty()) return false;
    var p = repo.find(c, found.get().org().id(), found.get().entry().id(), actor);
    if (p.isEmpty()) return false;
    return repo.setState(c, p.get().id(), "left", deps.clock().instant());
  }

  /**
   * How the event may be joined: set through the admin API for an event; for a training, its own
   * document's {@code capacity} and {@code registration} (open, approval, invite), so what the
   * public page and the federated object promise is what Joins meet.
   */
  private Settings settings(Connection c, LocalEvents.Event ev) throws SQLException {
    if (ev.entry().kind() != EntryKind.TRAINING)
      return repo.settings(c, ev.org().id(), ev.entry().id());
    var d = ev.entry().document();
    String mode =
        switch (d.path("registration").asText("open")) {
          case "approval" -> "restricted";
          case "invite" -> "invite";
          default -> "free";
        };
    return new Settings(mode, d.hasNonNull("capacity") ? d.get("capacity").asInt() : null);
  }

  private boolean full(Connection c, LocalEvents.Event ev) throws SQLException {
    Integer cap = settings(c, ev).capacity();
    return cap != null && count(c, ev) >= cap;
  }

  private int count(Connection c, LocalEvents.Event ev) throws SQLException {
    return repo.countAccepted(c, ev.org().id(), ev.entry().id())
        + invitations.counts(c, ev.org().id(), ev.entry().id()).get("accepted");
  }

  private Participation view(Connection c, LocalEvents.Event ev) throws SQLException {
    long org = ev.org().id();
    String id = ev.entry().id();
    List<String> going = new java.util.ArrayList<>();
    for (InvitationRow r : invitations.ofEntry(c, org, id))
      if ("accepted".equals(r.state())) going.add(r.invitee());
    List<ParticipantRow> participants = repo.list(c, org, id);
    for (ParticipantRow p : participants) if ("accepted".equals(p.state())) going.add(p.actor());
    return new Participation(
        deps.urls().entry(ev.org().handle(), id),
        ev.entry().visibility(),
        settings(c, ev),
        count(c, ev),
        invitations.counts(c, org, id),
        List.copyOf(new LinkedHashSet<>(going)),
        participants);
  }

  /**
   * Accept or Reject of a Join, addressed to the participant alone; its object is the Join's id (as
   * Mobilizon does).
   */
  private void answer(Connection c, Organization org, String type, String joinId, String actor)
      throws SQLException {
    ObjectNode a = deps.outbox().activity(org, type, deps.json().getNodeFactory().textNode(joinId));
    a.putArray("to").add(actor);
    deps.outbox()
        .send(
            c,
            org,
            a,
            "private",
            new LinkedHashSet<>(deps.outbox().inboxesOf(c, List.of(actor), false)));
  }
}
