package org.madani.node.health;

import io.vertx.core.Future;
import java.time.Clock;
import org.madani.node.store.Database;
import org.madani.node.store.DeliveryRepository;
import org.madani.node.store.MirrorRepository;

/** Reads a {@link PeerHealth} in one transaction on the database's worker pool. Thread-safe. */
public final class PeerHealthReader {

  private final Database db;
  private final DeliveryRepository queue;
  private final MirrorRepository mirrors;
  private final Clock clock;

  public PeerHealthReader(
      Database db, DeliveryRepository queue, MirrorRepository mirrors, Clock clock) {
    this.db = db;
    this.queue = queue;
    this.mirrors = mirrors;
    this.clock = clock;
  }

  public Future<PeerHealth> read() {
    return db.tx(
        c -> {
          var now = clock.instant();
          return new PeerHealth(now, queue.stats(c, now), mirrors.origins(c));
        });
  }
}
