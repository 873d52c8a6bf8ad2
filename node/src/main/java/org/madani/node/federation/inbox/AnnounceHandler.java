package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.net.URI;
import org.madani.node.federation.Origins;
import org.madani.node.federation.actor.DocumentFetcher;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.store.Database;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * Announce of an object, usually another organization's. The embedded copy is never trusted: the
 * object is fetched again from its own origin, and kept only if it names an author of that origin.
 * It is stored for the hosted organizations that follow the announcer.
 */
public final class AnnounceHandler implements ActivityHandler {

  private final Database db;
  private final FollowRepository follows;
  private final RemoteActors remoteActors;
  private final DocumentFetcher fetcher;
  private final CreateObjectHandler creator;

  public AnnounceHandler(
      Database db,
      FollowRepository follows,
      RemoteActors remoteActors,
      DocumentFetcher fetcher,
      CreateObjectHandler creator) {
    this.db = db;
    this.follows = follows;
    this.remoteActors = remoteActors;
    this.fetcher = fetcher;
    this.creator = creator;
  }

  @Override
  public String type() {
    return "Announce";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    String objectId = InboxService.idOf(activity.get("object"));
    if (objectId == null) return Future.succeededFuture();
    return db.tx(c -> follows.orgsFollowing(c, row.actor()))
        .compose(
            followers -> {
              if (followers.isEmpty()) return Future.succeededFuture();
              return fetcher
                  .fetch(URI.create(objectId))
                  .compose(
                      f -> {
                        ObjectNode object = f.document();
                        String id = object.path("id").asText("");
                        String author = InboxService.idOf(object.get("attributedTo"));
                        if (!Origins.sameOrigin(id, f.finalUrl().toString())
                            || author == null
                            || !Origins.sameOrigin(author, id)) {
                          return Future.failedFuture(
                              new IllegalArgumentException(
                                  "announced object fails its origin check"));
                        }
                        InboxRow asAuthor =
                            new InboxRow(
                                row.id(),
                                row.activityId(),
                                author,
                                "Announce",
                                row.document(),
                                "origin-fetch",
                                row.received());
                        return remoteActors
                            .actor(author, false)
                            .compose(
                                a ->
                                    db.tx(
                                        c -> {
                                          creator.store(
                                              c,
                                              asAuthor,
                                              object,
                                              object,
                                              null,
                                              row.actor(),
                                              new BatchLookups());
                                          return null;
                                        }));
                      });
            });
  }
}
