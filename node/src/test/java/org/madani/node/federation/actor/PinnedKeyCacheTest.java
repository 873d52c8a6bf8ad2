package org.madani.node.federation.actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.madani.node.federation.actor.RemoteActors.ResolvedKey;

/**
 * The pinned-key cache stays bounded under a flood of new key ids and keeps the keys of peers that
 * keep signing (issue 11 item 16 leftover: before, the map was emptied once it passed its bound, so
 * a sender spraying key ids dropped every busy peer's key at once).
 */
class PinnedKeyCacheTest {

  static final ResolvedKey KEY = new ResolvedKey(null, true, Optional.empty());

  @Test
  void floodOfNewKeyIds_staysBounded_andKeepsTheBusyPeersKey() {
    PinnedKeyCache cache = new PinnedKeyCache(100, Duration.ofHours(6), Runnable::run);
    String busy = "https://busy.example/orgs/a#ed25519-1";
    cache.put(busy, KEY);
    for (int i = 0; i < 5_000; i++) {
      cache.put("https://spray.example/k/" + i + "#key", KEY);
      if (i % 10 == 0)
        assertThat(cache.get(busy)).as("busy peer's key after %d new ids", i + 1).isNotNull();
    }
    assertThat(cache.size()).isLessThanOrEqualTo(100);
    assertThat(cache.get(busy)).isNotNull();
  }

  @Test
  void invalidate_dropsOneKey_invalidateAll_dropsEvery() {
    PinnedKeyCache cache = new PinnedKeyCache(100, Duration.ofHours(6), Runnable::run);
    cache.put("a", KEY);
    cache.put("b", KEY);
    cache.invalidate("a");
    assertThat(cache.get("a")).isNull();
    assertThat(cache.get("b")).isNotNull();
    cache.invalidateAll();
    assertThat(cache.size()).isZero();
  }
}
