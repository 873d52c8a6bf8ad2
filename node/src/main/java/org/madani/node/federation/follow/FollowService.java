package org.madani.node.federation.follow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.madani.node.federation.actor.DocumentFetcher;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.federation.inbox.FollowResponses;
import org.madani.node.federation.outbox.Outbox;
import org.madani.node.federation.wire.EmbeddedActivity;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.store.Database;
import org.madani.node.store.FederationSettingsRepository;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.FollowRepository.Direction;
import org.madani.node.store.FollowRepository.FollowRow;
import org.madani.node.store.FollowRepository.State;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.RemoteObjectRepository;
import org.madani.node.store.RemoteObjectRepository.ObjectRow;

/**
 * What an admin does about follows: follow and unfollow remote organizations (by actor URL or
 * {@code name@host}), approve or reject followers, choose automatic approval. Each action stores
 * the state change and queues the activity (Follow, Undo, Accept, Reject) in one transaction.
 */
public final class FollowService {

  private final Database db;
  private final OrganizationRepository orgs;
  private final FederationSettingsRepository settings;
  private final FollowRepository follows;
  private final RemoteObjectRepository objects;
  private final RemoteActors remoteActors;
  private final LocalActors localActors;
  private final Outbox outbox;
  private final DocumentFetcher webFinger;
  private final FollowResponses responses;
  private final ObjectMapper json;
  private final boolean devMode;
  private final Clock clock;
  private final org.madani.node.federation.PeerPolicy peers;

  /**
   * @param peers the trust model: a blocked actor, or one on a refused node, cannot be followed
   */
  public FollowService(
      Database db,
      OrganizationRepository orgs,
      FollowRepository follows,
      FederationSettingsRepository settings,
      RemoteObjectRepository objects,
      RemoteActors remoteActors,
      LocalActors localActors,
      Outbox outbox,
      DocumentFetcher webFinger,
      FollowResponses responses,
      ObjectMapper json,
      boolean devMode,
      Clock clock,
      org.madani.node.federation.PeerPolicy peers) {
    this.peers = peers;
    this.db = db;
    this.orgs = orgs;
    this.follows = follows;
    this.settings = settings;
    this.objects = objects;
    this.remoteActors = remoteActors;
    this.localActors = localActors;
    this.outbox = outbox;
    this.webFinger = webFinger;
    this.responses = responses;
    this.json = json;
    this.devMode = devMode;
    this.clock = clock;
  }

  /**
   * Sends a Follow from {@code handle} to the actor named by {@code ref}; returns the pending
   * follow.
   */
  public Future<FollowRow> follow(String handle, String ref) {
    return resolveActor(ref)
        .recover(
            err ->
                Future.failedFuture(
                    Problem.of(
                            422,
                            "unresolvable-actor",
                            "Actor not found",
                            "Could not find an actor for '" + ref + "': " + err.getMessage())
                        .exception()))
        .compose(
            actorId ->
                peers.allowsActor(actorId)
                    ? remoteActors
                        .actor(actorId, true)
                        .recover(
                            err ->
                                Future.failedFuture(
                                    Problem.of(
                                            422,
                                            "unresolvable-actor",
                                            "Actor not found",
                                            "Could not fetch an actor for '"
                                                + ref
                                                + "': "
                                                + err.getMessage())
                                        .exception()))
                    : Future.failedFuture(
                        Problem.of(
                                403,
                                "refused-peer",
                                "Refused by trust settings",
                                "This organization or its node is blocked (or not on the allowlist); it cannot be followed.")
                            .exception()))
        .compose(
            actor ->
                db.tx(
                    c -> {
                      Organization org = org(c, handle);
                      if (localActors.actorId(handle).equals(actor.id())) {
                        throw Problem.unprocessable("An organization cannot follow itself.");
                      }
                      var existing = follows.find(c, org.id(), actor.id(), Direction.OUTGOING);
                      if (existing.isPresent() && existing.get().state() != State.REJECTED)
                        return existing.get();
                      ObjectNode follow =
                          outbox.activity(
                              org, "Follow", json.getNodeFactory().textNode(actor.id()));
                      follow.putArray("to").add(actor.id());
                      var now = clock.instant();
                      FollowRow row =
                          new FollowRow(
                              org.id(),
                              actor.id(),
                              Direction.OUTGOING,
                              State.PENDING,
                              follow.get("id").asText(),
                              now,
                              now);
                      follows.upsert(c, row);
                      outbox.send(c, org, follow, "private", Set.of(URI.create(actor.inbox())));
                      return row;
                    }))
        .onSuccess(r -> outbox.wakeDelivery());
  }

  /** Stops following: sends Undo(Follow) and forgets the relationship. */
  public Future<Boolean> unfollow(String handle, String actorId) {
    return db.tx(
            c -> {
              Organization org = org(c, handle);
              var existing = follows.find(c, org.id(), actorId, Direction.OUTGOING);
              if (existing.isEmpty()) return false;
              ObjectMapper mapper = json;
              ObjectNode undo =
                  outbox.activity(
                      org,
                      "Undo",
                      mapper.valueToTree(
                          new EmbeddedActivity(
                              existing.get().activityId(),
                              "Follow",
                              localActors.actorId(handle),
                              actorId)),
                      mapper.createArrayNode().add(actorId),
                      null);
              follows.delete(c, org.id(), actorId, Direction.OUTGOING);
              outbox.send(c, org, undo, "private", outbox.inboxesOf(c, List.of(actorId), false));
              return true;
            })
        .onSuccess(r -> outbox.wakeDelivery());
  }

  public Future<Void> decide(String handle, String actorId, boolean approve) {
    return db.tx(
            c -> {
              Organization org = org(c, handle);
              FollowRow f =
                  follows
                      .find(c, org.id(), actorId, Direction.INCOMING)
                      .orElseThrow(
                          () -> Problem.notFound("No follow request from " + actorId + "."));
              ObjectNode follow = json.createObjectNode().put("id", f.activityId());
              if (approve) {
                follows.setState(
                    c, org.id(), actorId, Direction.INCOMING, State.ACCEPTED, clock.instant());
              } else {
                follows.delete(c, org.id(), actorId, Direction.INCOMING);
              }
              responses.send(c, org, approve ? "Accept" : "Reject", follow, actorId);
              return null;
            })
        .onSuccess(v -> outbox.wakeDelivery())
        .mapEmpty();
  }

  public Future<List<FollowRow>> list(String handle, Direction direction, State state) {
    return db.tx(c -> follows.list(c, org(c, handle).id(), direction, state));
  }

  /** Whether follow requests to {@code handle} are accepted without an admin (the default). */
  public Future<Boolean> autoApprove(String handle) {
    return db.tx(c -> settings.autoApprove(c, org(c, handle).id()));
  }

  public Future<Void> setAutoApprove(String handle, boolean auto) {
    return db.tx(
        c -> {
          settings.setAutoApprove(c, org(c, handle).id(), auto);
          return null;
        });
  }

  /** Objects received from other organizations that {@code handle} may see, newest first. */
  public Future<List<ObjectRow>> received(String handle, String actor, int limit) {
    return db.tx(c -> objects.visibleTo(c, org(c, handle).id(), actor, limit));
  }

  private Organization org(java.sql.Connection c, String handle) throws java.sql.SQLException {
    return orgs.findByHandle(c, handle)
        .orElseThrow(() -> Problem.notFound("No organization '" + handle + "'."));
  }

  /** An actor URL as given, or {@code [@]name@host} / {@code acct:name@host} through WebFinger. */
  Future<String> resolveActor(String ref) {
    String r = ref == null ? "" : ref.trim();
    if (r.startsWith("https://") || r.startsWith("http://")) return Future.succeededFuture(r);
    if (r.startsWith("acct:")) r = r.substring(5);
    if (r.startsWith("@")) r = r.substring(1);
    int at = r.lastIndexOf('@');
    if (at <= 0 || at == r.length() - 1) {
      return Future.failedFuture(new IllegalArgumentException("give an actor URL or name@host"));
    }
    String host = r.substring(at + 1);
    URI uri =
        URI.create(
            (devMode ? "http" : "https")
                + "://"
                + host
                + "/.well-known/webfinger?resource=acct:"
                + java.net.URLEncoder.encode(r, java.nio.charset.StandardCharsets.UTF_8));
    return webFinger
        .fetch(uri)
        .compose(
            f -> {
              for (JsonNode link : f.document().path("links")) {
                String type = link.path("type").asText("");
                if ("self".equals(link.path("rel").asText())
                    && (type.contains("activity+json") || type.contains("ld+json"))) {
                  return Future.succeededFuture(link.path("href").asText());
                }
              }
              return Future.failedFuture(
                  new IllegalArgumentException("no ActivityPub actor in WebFinger answer"));
            });
  }
}
