package org.madani.node.trust;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.madani.node.federation.Origins;
import org.madani.node.federation.PeerPolicy;

/**
 * The trust settings in force, answered from memory. The stored settings are the truth; this holds
 * the latest snapshot read from them and is replaced after every change ({@link TrustService}).
 *
 * <p>Thread-safe: the snapshot is immutable and swapped atomically. Snapshots carry the generation
 * at which their read began, so a slow read that started before a change cannot overwrite the
 * snapshot read after it.
 *
 * <p>The directory asks {@link #visible(String)} (or joins the SQL view remote_object_listed).
 */
public final class TrustPolicy implements PeerPolicy {

  private final AtomicLong generation = new AtomicLong();
  private volatile TrustSnapshot current = TrustSnapshot.empty();
  private long installed = -1;
  private final List<BiConsumer<TrustSnapshot, TrustSnapshot>> listeners = new CopyOnWriteArrayList<>();

  /**
   * Calls {@code listener(before, after)} after each snapshot replacement, on the installing
   * thread (usually an event loop: the listener must only hand work off). The directory uses it to
   * drop or restore entries whose author's standing changed.
   */
  public void onChange(BiConsumer<TrustSnapshot, TrustSnapshot> listener) {
    listeners.add(listener);
  }

  /** Starts a read; pass the result to {@link #install}. */
  public long beginRead() {
    return generation.incrementAndGet();
  }

  /** Installs a snapshot unless one from a later read is already in force. */
  public void install(long readGeneration, TrustSnapshot snapshot) {
    TrustSnapshot before;
    synchronized (this) {
      if (readGeneration <= installed) return;
      installed = readGeneration;
      before = current;
      current = snapshot;
    }
    if (!before.equals(snapshot)) listeners.forEach(l -> l.accept(before, snapshot));
  }

  public TrustSnapshot snapshot() {
    return current;
  }

  @Override
  public boolean allowsUrl(URI url) {
    return current.allowsHost(Origins.hostKey(url.toString()));
  }

  @Override
  public boolean allowsActor(String actorId) {
    return current.allowsActor(actorId);
  }

  @Override
  public boolean trusts(String actorId) {
    return current.trusts(actorId);
  }

  /** Whether this actor's content may be shown in the directory (allowed and not limited). */
  public boolean visible(String actorId) {
    return current.visible(actorId);
  }
}
