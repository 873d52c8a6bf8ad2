package org.madani.node.store;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small least-recently-used map from a delivery body's SHA-256 to the body. Content-addressed, so
 * an entry is never stale; it only saves reading the same body again for the next batch of an
 * activity's jobs. Bodies larger than {@code maxBodyBytes} are not kept.
 *
 * <p>Thread-safety: synchronized; used by the database threads.
 */
final class BodyCache {

  private final int maxBodyBytes;
  private final Map<ByteBuffer, byte[]> entries;

  BodyCache(int maxEntries, int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
    this.entries =
        new LinkedHashMap<>(maxEntries * 2, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<ByteBuffer, byte[]> eldest) {
            return size() > maxEntries;
          }
        };
  }

  synchronized byte[] get(ByteBuffer hash) {
    return entries.get(hash);
  }

  synchronized void put(ByteBuffer hash, byte[] body) {
    if (body.length <= maxBodyBytes) entries.put(hash, body);
  }
}
