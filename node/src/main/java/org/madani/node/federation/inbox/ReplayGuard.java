package org.madani.node.federation.inbox;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Signatures accepted recently, so that a captured request played again within its validity window
 * is refused with 401 instead of being acknowledged.
 *
 * <p>This is the fast first line, held in memory: it costs no write per activity, where the table
 * it replaces cost a random-key index insert in every inbox commit (issue 10 profile: ~7 % of the
 * database thread plus the pages it dirtied). It is bounded ({@code maxEntries}; least recently
 * used first out) and empties on restart, so it is not the guarantee. The guarantee is the inbox's
 * durable, unique activity id: a replayed request that slips past this guard (after a restart, on
 * another process of the same node, or after a flood evicted it) names an activity already stored
 * and is acknowledged as a duplicate without any effect. Received activity ids are kept at least as
 * long as a signature is valid, which is what makes that true.
 *
 * <p>Thread-safe.
 */
final class ReplayGuard {

  /** A digest with the instant its signature stops being valid. */
  record Used(String digest, Instant expires, Instant now) {}

  private final Cache<String, Duration> seen;

  ReplayGuard(long maxEntries) {
    // The value is the signature's remaining validity when it was accepted: it expires then.
    this.seen =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .expireAfter(Expiry.<String, Duration>creating((digest, left) -> left))
            .scheduler(Scheduler.systemScheduler())
            .build();
  }

  /** Whether this signature was accepted before and is still valid. */
  boolean seen(String digest) {
    return seen.getIfPresent(digest) != null;
  }

  /** Remembers signatures whose activities are now durably stored (or known repeats). */
  void remember(Collection<Used> used) {
    for (Used u : used) {
      Duration left = Duration.between(u.now(), u.expires());
      if (left.isPositive()) seen.put(u.digest(), left);
    }
  }
}
