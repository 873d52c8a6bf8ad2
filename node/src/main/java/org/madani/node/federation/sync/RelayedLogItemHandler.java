package org.madani.node.federation.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * Announce of another organization's signed log item (a relay between Madani nodes): the item is
 * taken on its origin's proof, without contacting the origin, and kept for organizations that
 * follow the relaying peer. Any other Announce (a Mastodon boost, say) goes to the plain handler,
 * which fetches the object from its origin.
 */
public final class RelayedLogItemHandler implements ActivityHandler {

  private final ActivityHandler plain;
  private final LogItemHandler logItems;

  public RelayedLogItemHandler(ActivityHandler plain, LogItemHandler logItems) {
    this.plain = plain;
    this.logItems = logItems;
  }

  @Override
  public String type() {
    return "Announce";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    if (activity.get("object") instanceof ObjectNode item && MirrorService.isLogItem(item)) {
      String origin = item.path("actor").asText("");
      if (origin.isEmpty() || origin.equals(row.actor())) return Future.succeededFuture();
      return logItems.take(origin, item, row.actor());
    }
    return plain.handle(row, activity);
  }

  /** Relayed log items batch as log items do ({@link LogItemHandler#batches}). */
  @Override
  public boolean batches(ObjectNode activity) {
    return relayedItem(activity) != null || plain.batches(activity);
  }

  @Override
  public Future<Step> prepare(InboxRow row, ObjectNode activity) {
    ObjectNode item = relayedItem(activity);
    if (item == null) return plain.prepare(row, activity);
    String origin = item.path("actor").asText("");
    if (origin.isEmpty() || origin.equals(row.actor())) return Future.succeededFuture(c -> {});
    return logItems.prepareTake(origin, item, row.actor());
  }

  private static ObjectNode relayedItem(ObjectNode activity) {
    return activity.get("object") instanceof ObjectNode item && MirrorService.isLogItem(item)
        ? item
        : null;
  }
}
