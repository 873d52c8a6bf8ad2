package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.store.Database;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.FollowRepository.Direction;
import org.madani.node.store.InboxRepository.InboxRow;
import org.madani.node.store.RemoteObjectRepository;

/** Undo of the actor's own Follow (stops deliveries to it) or Like (uncounted). */
public final class UndoHandler implements ActivityHandler {

  private final Database db;
  private final FollowRepository follows;
  private final RemoteObjectRepository objects;
  private final HostedOrgs hostedOrgs;

  public UndoHandler(
      Database db,
      FollowRepository follows,
      RemoteObjectRepository objects,
      HostedOrgs hostedOrgs) {
    this.db = db;
    this.follows = follows;
    this.objects = objects;
    this.hostedOrgs = hostedOrgs;
  }

  @Override
  public String type() {
    return "Undo";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    JsonNode object = activity.get("object");
    String undoneId = InboxService.idOf(object);
    String undoneType = object != null && object.isObject() ? object.path("type").asText("") : "";
    return db.tx(
        c -> {
          var follow =
              undoneId == null
                  ? java.util.Optional.<org.madani.node.store.FollowRepository.FollowRow>empty()
                  : follows.findByActivity(c, undoneId);
          if (follow.isPresent()
              && follow.get().direction() == Direction.INCOMING
              && follow.get().remoteActor().equals(row.actor())) {
            follows.delete(c, follow.get().orgId(), row.actor(), Direction.INCOMING);
          } else if ("Follow".equals(undoneType) && object.isObject()) {
            // The Follow id was not stored (or differs): match by actor and target instead.
            hostedOrgs
                .localOrg(c, InboxService.idOf(object.get("object")))
                .ifPresent(
                    org -> {
                      try {
                        follows.delete(c, org.id(), row.actor(), Direction.INCOMING);
                      } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                      }
                    });
          } else if (undoneId != null) {
            objects.removeLike(c, undoneId, row.actor());
          }
          return null;
        });
  }
}
