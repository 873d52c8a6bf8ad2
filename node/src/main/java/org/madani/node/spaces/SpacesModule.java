package org.madani.node.spaces;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.PrivateKeyFiles;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.federation.outbox.Outbox;
import org.madani.node.json.JsonCodec;
import org.madani.node.store.Database;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.RemoteActorRepository;
import org.madani.node.store.SpaceRepository;

/**
 * Builds the spaces area from what the node already has: its handlers for the inbox and its admin
 * routes.
 */
public final class SpacesModule {

  private final SpaceInbound inbound;
  private final SpaceApiRoutes routes;
  private final SpaceCatchUp catchUp;
  private final JsonCodec json;

  public SpacesModule(
      Database db,
      OrganizationRepository orgs,
      LocalActors localActors,
      RemoteActors remoteActors,
      RemoteActorRepository remoteActorRepo,
      Outbox outbox,
      JsonCodec json,
      Clock clock,
      Path keysDir,
      PrivateKeyFiles keyFiles,
      org.madani.node.federation.actor.DocumentFetcher signedFetcher) {
    this.json = json;
    SpaceRepository repo = new SpaceRepository();
    SpaceCrypto crypto = new SpaceCrypto(new SecureRandom());
    SpaceKeys keys =
        new SpaceKeys(repo, keyFiles, crypto, keysDir, org -> localActors.actorId(org.handle()));
    SpaceDistribution distribution =
        new SpaceDistribution(repo, keys, crypto, localActors, outbox, json.mapper(), clock);
    this.inbound =
        new SpaceInbound(
            db,
            orgs,
            repo,
            keys,
            distribution,
            localActors,
            remoteActors,
            remoteActorRepo,
            clock,
            outbox::wakeDelivery);
    this.catchUp =
        new SpaceCatchUp(
            db,
            orgs,
            repo,
            localActors,
            remoteActors,
            remoteActorRepo,
            signedFetcher,
            json.mapper(),
            clock);
    this.routes =
        new SpaceApiRoutes(
            new SpaceService(
                db,
                orgs,
                repo,
                keys,
                crypto,
                distribution,
                localActors,
                remoteActors,
                json.mapper(),
                clock,
                outbox::wakeDelivery),
            catchUp,
            json);
  }

  /** One handler per space activity type, for the inbox processor. */
  public List<ActivityHandler> handlers() {
    return List.of(
        new InviteToSpaceHandler(inbound),
        new JoinSpaceHandler(inbound),
        new DeclineSpaceHandler(inbound),
        new KeySpaceHandler(inbound),
        new PostToSpaceHandler(inbound),
        new RemoveFromSpaceHandler(inbound),
        new LeaveSpaceHandler(inbound));
  }

  public SpaceApiRoutes routes() {
    return routes;
  }

  /**
   * The admin routes and the catch-up route peers fetch from (which verifies signatures the way the
   * inbox does), mounted together after the admin API's authentication.
   */
  public SpacesWeb web(
      org.madani.node.federation.inbox.InboxService signatures, java.net.URI root) {
    return new SpacesWeb(routes, new SpaceCatchUpRoutes(catchUp, signatures, root, json));
  }
}
