package org.madani.node.http.collab;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import org.madani.node.collab.invite.InvitationService;
import org.madani.node.collab.invite.ParticipationService;
import org.madani.node.collab.invite.ParticipationService.Participation;
import org.madani.node.http.AdminAuth;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;
import org.madani.node.store.collab.InvitationRepository.InvitationRow;
import org.madani.node.store.collab.ParticipationRepository.ParticipantRow;
import org.madani.node.store.collab.ParticipationRepository.Settings;

/**
 * Admin API of invitations and participation (mounted after the admin API's authentication, which
 * guards all of {@code /api/v1/*}), and the public participant list of public events.
 */
public final class CollabRoutes {

  private static final String ORG = "/api/v1/organizations/:handle";

  private final InvitationService invitations;
  private final ParticipationService participation;
  private final JsonCodec json;

  public CollabRoutes(
      InvitationService invitations, ParticipationService participation, JsonCodec json) {
    this.invitations = invitations;
    this.participation = participation;
    this.json = json;
  }

  public void mount(Router router) {
    router.post(ORG + "/entries/:id/invitations").handler(this::invite);
    router
        .get(ORG + "/entries/:id/invitations")
        .handler(
            ctx ->
                respond(
                    ctx,
                    200,
                    invitations
                        .ofEvent(ctx.pathParam("handle"), ctx.pathParam("id"))
                        .map(
                            e -> {
                              ObjectNode o = json.mapper().createObjectNode();
                              o.set("counts", json.mapper().valueToTree(e.counts()));
                              o.set("items", invitationItems(e.items()));
                              return o;
                            })));
    router
        .get(ORG + "/invitations")
        .handler(
            ctx ->
                respond(
                    ctx,
                    200,
                    invitations
                        .received(ctx.pathParam("handle"))
                        .map(
                            list -> {
                              ObjectNode o = json.mapper().createObjectNode();
                              o.set("items", invitationItems(list));
                              return o;
                            })));
    router
        .get(ORG + "/invitations/:iid/invitation.ics")
        .handler(
            ctx -> {
              long id = longParam(ctx, "iid");
              invitations
                  .received(ctx.pathParam("handle"))
                  .map(
                      list ->
                          list.stream()
                              .filter(r -> r.id() == id)
                              .findFirst()
                              .orElseThrow(
                                  () ->
                                      org.madani.node.model.Problem.notFound(
                                          "No invitation " + id + ".")))
                  .onSuccess(
                      r ->
                          ctx.response()
                              .putHeader("Content-Type", InvitationCalendar.CONTENT_TYPE)
                              .putHeader("Cache-Control", "no-store")
                              .end(
                                  InvitationCalendar.write(
                                      json.mapper(), r, java.time.Instant.now())))
                  .onFailure(ctx::fail);
            });
    router
        .post(ORG + "/invitations/:iid/answer")
        .handler(
            ctx ->
                respond(
                    ctx,
                    200,
                    invitations
                        .answer(
                            admin(ctx),
                            ctx.pathParam("handle"),
                            longParam(ctx, "iid"),
                            body(ctx).path("answer").asText(null))
                        .map(this::invitation)));
    router
        .get(ORG + "/entries/:id/participation")
        .handler(
            ctx ->
                respond(
                    ctx,
                    200,
                    participation
                        .view(ctx.pathParam("handle"), ctx.pathParam("id"))
                        .map(p -> participation(p, true))));
    router.put(ORG + "/entries/:id/participation").handler(this::configure);
    router.post(ORG + "/entries/:id/participants/:pid/approve").handler(ctx -> decide(ctx, true));
    router.post(ORG + "/entries/:id/participants/:pid/reject").handler(ctx -> decide(ctx, false));
    // Public: who comes to a public event, as an ActivityStreams collection (network and private
    // events: 404).
    router
        .get("/orgs/:handle/entries/:id/participants")
        .handler(
            ctx ->
                participation
                    .publicView(ctx.pathParam("handle"), ctx.pathParam("id"))
                    .onSuccess(
                        p ->
                            ctx.response()
                                .setStatusCode(200)
                                .putHeader(
                                    "Content-Type", "application/activity+json; charset=utf-8")
                                .putHeader("Cache-Control", "max-age=60")
                                .end(Buffer.buffer(json.write(participation(p, false)))))
                    .onFailure(ctx::fail));
  }

  private void invite(RoutingContext ctx) {
    ObjectNode in = body(ctx);
    List<String> invitees = new ArrayList<>();
    in.path("invitees").forEach(n -> invitees.add(n.asText()));
    if (invitees.isEmpty()) {
      ctx.fail(
          Problem.unprocessable("Send {\"invitees\": [\"<actor URL>\", …], \"note\": \"…\"}."));
      return;
    }
    respond(
        ctx,
        201,
        invitations
            .invite(
                admin(ctx),
                ctx.pathParam("handle"),
                ctx.pathParam("id"),
                invitees,
                in.path("note").asText(null))
            .map(
                list -> {
                  ObjectNode o = json.mapper().createObjectNode();
                  o.set("items", invitationItems(list));
                  return o;
                }));
  }

  private void configure(RoutingContext ctx) {
    ObjectNode in = body(ctx);
    Settings s;
    try {
      Integer cap =
          in.hasNonNull("maximumAttendeeCapacity")
              ? in.get("maximumAttendeeCapacity").asInt(-1)
              : null;
      s = new Settings(in.path("joinMode").asText("free"), cap);
    } catch (IllegalArgumentException e) {
      ctx.fail(
          Problem.unprocessable(
              "joinMode is free, restricted or invite; maximumAttendeeCapacity a number ≥ 0."));
      return;
    }
    respond(
        ctx,
        200,
        participation
            .configure(admin(ctx), ctx.pathParam("handle"), ctx.pathParam("id"), s)
            .map(this::settings));
  }

  private void decide(RoutingContext ctx, boolean approve) {
    respond(
        ctx,
        200,
        participation
            .decide(
                admin(ctx),
                ctx.pathParam("handle"),
                ctx.pathParam("id"),
                longParam(ctx, "pid"),
                approve)
            .map(this::participant));
  }

  private ObjectNode participation(Participation p, boolean admin) {
    ObjectNode o = json.mapper().createObjectNode();
    o.put("type", "Collection");
    o.put("id", p.eventId() + "/participants");
    o.put("event", p.eventId());
    o.put("joinMode", p.settings().joinMode());
    if (p.settings().capacity() != null) o.put("maximumAttendeeCapacity", p.settings().capacity());
    o.put("participantCount", p.participantCount());
    o.put("totalItems", p.going().size());
    ArrayNode items = o.putArray("items");
    p.going().forEach(items::add);
    if (admin) {
      o.put("visibility", p.visibility().wireName());
      o.set("invitations", json.mapper().valueToTree(p.invitations()));
      ArrayNode ps = o.putArray("participants");
      p.participants().forEach(x -> ps.add(participant(x)));
    }
    return o;
  }

  private ObjectNode settings(Settings s) {
    ObjectNode o = json.mapper().createObjectNode().put("joinMode", s.joinMode());
    if (s.capacity() != null) o.put("maximumAttendeeCapacity", s.capacity());
    return o;
  }

  private ObjectNode participant(ParticipantRow p) {
    return json.mapper()
        .createObjectNode()
        .put("id", p.id())
        .put("actor", p.actor())
        .put("join", p.joinId())
        .put("state", p.state())
        .put("since", p.created().toString());
  }

  private ArrayNode invitationItems(List<InvitationRow> rows) {
    ArrayNode a = json.mapper().createArrayNode();
    rows.forEach(r -> a.add(invitation(r)));
    return a;
  }

  private ObjectNode invitation(InvitationRow r) {
    ObjectNode o =
        json.mapper()
            .createObjectNode()
            .put("id", r.id())
            .put("activity", r.activityId())
            .put("direction", r.direction().name().toLowerCase(java.util.Locale.ROOT))
            .put("event", r.eventId())
            .put("inviter", r.inviter())
            .put("invitee", r.invitee())
            .put("state", r.state())
            .put("created", r.created().toString())
            .put("updated", r.updated().toString());
    if (r.eventName() != null) {
      try {
        o.set("eventName", json.mapper().readTree(r.eventName()));
      } catch (java.io.IOException e) {
        o.put("eventName", r.eventName());
      }
    }
    if (r.eventStart() != null) o.put("startTime", r.eventStart().toString());
    if (r.note() != null) o.put("note", r.note());
    if (r.answerId() != null) o.put("answer", r.answerId());
    return o;
  }

  private ObjectNode body(RoutingContext ctx) {
    var b = ctx.body() == null ? null : ctx.body().buffer();
    return json.parseObject(b == null ? null : b.getBytes());
  }

  private static long longParam(RoutingContext ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw Problem.notFound("No such " + name + ".");
    }
  }

  private static String admin(RoutingContext ctx) {
    AdminAuth.Principal p = AdminAuth.principal(ctx);
    return p == null ? "api-token" : p.auditName();
  }

  private void respond(RoutingContext ctx, int status, Future<ObjectNode> f) {
    f.onSuccess(
            b ->
                ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(Buffer.buffer(json.write(b))))
        .onFailure(ctx::fail);
  }
}
