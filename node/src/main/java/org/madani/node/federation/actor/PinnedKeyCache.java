package org.madani.node.federation.actor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.madani.node.federation.actor.RemoteActors.ResolvedKey;

/**
 * Pinned remote keys kept in memory to spare a query per signed request. Bounded by Caffeine (size,
 * then idle time) rather than emptied when full: a flood of new key ids from many senders evicts
 * the least used entries (Caffeine's frequency-aware admission) instead of dropping every busy
 * peer's key at once. Thread-safe.
 */
final class PinnedKeyCache {

  /** Keys kept at most. */
  static final int MAX_KEYS = 10_000;

  private final Cache<String, ResolvedKey> cache;

  PinnedKeyCache() {
    this(MAX_KEYS, Duration.ofHours(6), ForkJoinPool.commonPool());
  }

  /**
   * @param maintenance where Caffeine runs evictions (the caller's thread in tests, for a settled
   *     size)
   */
  PinnedKeyCache(int maxKeys, Duration idle, Executor maintenance) {
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maxKeys)
            .expireAfterAccess(idle)
            .executor(maintenance)
            .build();
  }

  ResolvedKey get(String keyId) {
    return cache.getIfPresent(keyId);
  }

  void put(String keyId, ResolvedKey key) {
    cache.put(keyId, key);
  }

  void invalidate(String keyId) {
    cache.invalidate(keyId);
  }

  void invalidateAll() {
    cache.invalidateAll();
  }

  /** The number of keys held once pending evictions have run. */
  long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }
}
