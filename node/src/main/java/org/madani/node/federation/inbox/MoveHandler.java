package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.madani.node.federation.actor.ActorAliases;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.model.Organization;
import org.madani.node.store.Database;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.InboxRepository.InboxRow;
import org.madani.node.store.MirrorRepository;
import org.madani.node.store.OrganizationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Move} of an actor our organizations follow (issue 15 item 5; as Mastodon and Fedify do):
 * the actor announces that it now lives at {@code target}. Only the actor itself may move itself
 * ({@code object} = the verified sender), and only to an actor whose own document, fetched fresh
 * from its origin, names the old one in {@code alsoKnownAs}: so a hijacked or spoofed Move cannot
 * redirect our follows to someone who did not claim the identity. Then each organization that
 * followed the old actor unfollows it and follows the target; the old actor's log mark carries over
 * to the target, whose log continues the numbering, so catch-up resumes after the last item seen
 * instead of refetching the history. Idempotent: a replay finds no follow of the old actor.
 */
public final class MoveHandler implements ActivityHandler {

  private static final Logger LOG = LoggerFactory.getLogger(MoveHandler.class);

  private final Database db;
  private final ObjectMapper json;
  private final OrganizationRepository orgs;
  private final FollowRepository follows;
  private final RemoteActors remoteActors;
  private final BiFunction<String, String, Future<?>> follow;
  private final BiFunction<String, String, Future<?>> unfollow;
  private final MirrorRepository mirrors;

  /**
   * @param follow follows an actor for an organization (handle, actor), as the admin API does
   * @param unfollow undoes an organization's follow of an actor (handle, actor)
   */
  public MoveHandler(
      Database db,
      ObjectMapper json,
      OrganizationRepository orgs,
      FollowRepository follows,
      RemoteActors remoteActors,
      BiFunction<String, String, Future<?>> follow,
      BiFunction<String, String, Future<?>> unfollow,
      MirrorRepository mirrors) {
    this.db = db;
    this.json = json;
    this.orgs = orgs;
    this.follows = follows;
    this.remoteActors = remoteActors;
    this.follow = follow;
    this.unfollow = unfollow;
    this.mirrors = mirrors;
  }

  @Override
  public String type() {
    return "Move";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    String old = row.actor();
    String moved = InboxService.idOf(activity.get("object"));
    String target = InboxService.idOf(activity.get("target"));
    if (!old.equals(moved) || target == null || target.equals(old)) {
      LOG.info(
          "Move {} ignored: an actor may only move itself, to another actor", row.activityId());
      return Future.succeededFuture();
    }
    return db.tx(
            c -> {
              List<String> handles = new ArrayList<>();
              for (long orgId : follows.orgsFollowing(c, old)) {
                orgs.findById(c, orgId).map(Organization::handle).ifPresent(handles::add);
              }
              return handles;
            })
        .compose(
            handles -> {
              if (handles.isEmpty()) return Future.succeededFuture();
              return remoteActors
                  .actor(target, true)
                  .compose(
                      actor -> {
                        if (!ActorAliases.of(json, actor.document()).contains(old)) {
                          LOG.info(
                              "Move {} of {} refused: {} does not list it in alsoKnownAs",
                              row.activityId(),
                              old,
                              actor.id());
                          return Future.succeededFuture();
                        }
                        return db.tx(
                                c -> {
                                  // The log continues at the new actor: start its mirror where the
                                  // old one stood.
                                  long applied = mirrors.lockApplied(c, old);
                                  if (mirrors.lockApplied(c, actor.id()) < applied)
                                    mirrors.setApplied(c, actor.id(), applied);
                                  return null;
                                })
                            .compose(v -> follow(handles, old, actor.id()));
                      });
            });
  }

  private Future<Void> follow(List<String> handles, String old, String target) {
    Future<Void> chain = Future.succeededFuture();
    for (String handle : handles) {
      chain =
          chain
              .compose(v -> follow.apply(handle, target))
              .compose(f -> unfollow.apply(handle, old))
              .<Void>mapEmpty()
              .onSuccess(v -> LOG.info("{} follows {} (moved from {})", handle, target, old));
    }
    return chain;
  }
}
