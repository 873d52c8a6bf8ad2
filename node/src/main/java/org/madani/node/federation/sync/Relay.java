package org.madani.node.federation.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.List;
import org.madani.node.federation.ActivityStreams;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.outbox.Outbox;
import org.madani.node.store.Database;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.OrganizationRepository;

/**
 * Multi-hop propagation: log items a hosted organization receives directly from an origin it
 * follows are announced, unchanged and still under the origin's proof, to that organization's own
 * followers. Only items first seen from the origin itself are relayed, once each: relayed copies
 * are never relayed again, so an item travels at most one hop beyond the origin's followers by push
 * (further by mirrors and catch-up), and no cycle or storm can form.
 */
public final class Relay {

  private final Database db;
  private final OrganizationRepository orgs;
  private final FollowRepository follows;
  private final LocalActors actors;
  private final Outbox outbox;

  public Relay(
      Database db,
      OrganizationRepository orgs,
      FollowRepository follows,
      LocalActors actors,
      Outbox outbox) {
    this.db = db;
    this.orgs = orgs;
    this.follows = follows;
    this.actors = actors;
    this.outbox = outbox;
  }

  public Future<Void> relay(List<ObjectNode> items) {
    return db.tx(
            c -> {
              for (ObjectNode item : items) {
                String origin = item.path("actor").asText();
                for (Long orgId : follows.orgsFollowing(c, origin)) {
                  var org = orgs.findById(c, orgId).orElseThrow();
                  var inboxes = new java.util.LinkedHashSet<>(outbox.followerInboxes(c, org));
                  // The origin has the item already; other followers of the origin get it from it
                  // directly.
                  inboxes.removeAll(outbox.inboxesOf(c, List.of(origin), true));
                  inboxes.removeAll(outbox.inboxesOf(c, List.of(origin), false));
                  if (inboxes.isEmpty()) continue;
                  ObjectNode announce = outbox.activity(org, "Announce", item);
                  announce.putArray("to").add(ActivityStreams.PUBLIC);
                  announce.putArray("cc").add(actors.followers(org.handle()));
                  outbox.send(c, org, announce, "relay", inboxes);
                }
              }
              return null;
            })
        .onSuccess(v -> outbox.wakeDelivery())
        .mapEmpty();
  }
}
