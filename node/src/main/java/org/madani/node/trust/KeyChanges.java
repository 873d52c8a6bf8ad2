package org.madani.node.trust;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import org.madani.node.federation.actor.KeyPins;
import org.madani.node.model.Problem;
import org.madani.node.store.Database;
import org.madani.node.store.KeyChangeRepository;
import org.madani.node.store.KeyChangeRepository.Flag;

/**
 * Key changes held for the admin (protocol-spec/keys.md §3): a remote actor showed a key that no
 * key we pinned vouched for. The admin, having checked with the organization by other means,
 * accepts (the key is pinned) or rejects (it stays refused). Thread-safe.
 */
public final class KeyChanges {

  private final Database db;
  private final KeyChangeRepository flags;
  private final KeyPins pins;
  private final Clock clock;

  public KeyChanges(Database db, KeyChangeRepository flags, KeyPins pins, Clock clock) {
    this.db = db;
    this.flags = flags;
    this.pins = pins;
    this.clock = clock;
  }

  /** Flags, newest first; {@code status} null for all. */
  public Future<List<Flag>> list(String status) {
    if (status != null && !List.of("pending", "accepted", "rejected").contains(status)) {
      return Future.failedFuture(Problem.badRequest("status is pending, accepted or rejected."));
    }
    return db.tx(c -> flags.list(c, status, 500));
  }

  /** Resolves a pending flag; accepting pins the key. */
  public Future<Flag> resolve(long id, boolean accept) {
    return db.tx(
        c -> {
          Flag f = flags.find(c, id).orElseThrow(() -> Problem.notFound("No such key change."));
          if (!"pending".equals(f.status()))
            throw Problem.conflict("This key change was already " + f.status() + ".");
          if (accept) pins.pinAccepted(c, f);
          flags.resolve(c, id, accept ? "accepted" : "rejected", clock.instant());
          return flags.find(c, id).orElseThrow();
        });
  }
}
