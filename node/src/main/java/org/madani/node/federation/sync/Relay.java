package org.madani.node.federation.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.madani.node.federation.ActivityStreams;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.outbox.Outbox;
import org.madani.node.federation.sig.SigningKey;
import org.madani.node.model.Organization;
import org.madani.node.store.Database;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.OrganizationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multi-hop propagation: log items a hosted organization receives directly from an origin it
 * follows are announced, unchanged and still under the origin's proof, to that organization's own
 * followers. Only items first seen from the origin itself are relayed, once each: relayed copies
 * are never relayed again, so an item travels at most one hop beyond the origin's followers by push
 * (further by mirrors and catch-up), and no cycle or storm can form.
 */
public final class Relay implements MirrorService.FirstFromOrigin {

  private static final Logger LOG = LoggerFactory.getLogger(Relay.class);

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

  /** Relays {@code items} in a transaction of its own. */
  public Future<Void> relay(List<ObjectNode> items) {
    return db.tx(c -> relay(c, items))
        .onSuccess(
            queued -> {
              if (queued > 0) outbox.wakeDelivery();
            })
        .mapEmpty();
  }

  /** Keeps items to relay once the transaction that stored them has committed. */
  @Override
  public void found(List<ObjectNode> items) {
    pending.addAll(items);
  }

  /**
   * Relays every item found since the last call, in one transaction: a run of delivered items that
   * the inbox processor applied together is relayed together. Relays run one after the other: two
   * at once (a catch-up page's and the inbox's) wait for each other's lock on the organization's
   * outbox while each signs hundreds of Announces, and under load the second one ran past H2's lock
   * timeout (CatchUpBenchmark).
   */
  @Override
  public void committed() {
    List<ObjectNode> items = new ArrayList<>();
    for (ObjectNode item; (item = pending.poll()) != null; ) items.add(item);
    if (items.isEmpty()) return;
    synchronized (this) {
      relaying =
          relaying.transform(
              previous ->
                  relay(items)
                      .recover(
                          err -> {
                            LOG.warn(
                                "relaying {} log item(s) failed: {}", items.size(), err.toString());
                            return Future.succeededFuture();
                          }));
    }
  }

  /** The last relay queued by {@link #committed}; guarded by {@code this}. */
  private Future<Void> relaying = Future.succeededFuture();

  private final ConcurrentLinkedQueue<ObjectNode> pending = new ConcurrentLinkedQueue<>();

  /**
   * Relays {@code items} in the caller's transaction; returns the number of Announces queued. The
   * organizations, their followers' inboxes and signing keys are read once per call, and one line
   * is logged per call.
   */
  public int relay(Connection c, List<ObjectNode> items) throws SQLException {
    Map<String, List<Long>> following = new HashMap<>();
    Map<Long, Organization> hosted = new HashMap<>();
    Map<Long, SigningKey> keys = new HashMap<>();
    Map<String, Set<URI>> targets = new HashMap<>();
    int queued = 0;
    for (ObjectNode item : items) {
      String origin = item.path("actor").asText();
      List<Long> orgIds = following.get(origin);
      if (orgIds == null) {
        orgIds = follows.orgsFollowing(c, origin);
        following.put(origin, orgIds);
      }
      for (Long orgId : orgIds) {
        Organization org = hosted.get(orgId);
        if (org == null) {
          org = orgs.findById(c, orgId).orElseThrow();
          hosted.put(orgId, org);
        }
        String pair = orgId + " " + origin;
        Set<URI> inboxes = targets.get(pair);
        if (inboxes == null) {
          inboxes = new LinkedHashSet<>(outbox.followerInboxes(c, org));
          // The origin has the item already; other followers of the origin get it from it
          // directly.
          inboxes.removeAll(outbox.inboxesOf(c, List.of(origin), true));
          inboxes.removeAll(outbox.inboxesOf(c, List.of(origin), false));
          targets.put(pair, inboxes);
        }
        if (inboxes.isEmpty()) continue;
        SigningKey key = keys.get(orgId);
        if (key == null) {
          key = actors.ed25519(c, org);
          keys.put(orgId, key);
        }
        ObjectNode announce = outbox.activity(org, "Announce", item);
        announce.putArray("to").add(ActivityStreams.PUBLIC);
        announce.putArray("cc").add(actors.followers(org.handle()));
        outbox.sendQuietly(c, org, announce, "relay", inboxes, key);
        queued++;
      }
    }
    if (queued > 0) LOG.info("relayed {} log item(s) in {} Announce(s)", items.size(), queued);
    return queued;
  }
}
