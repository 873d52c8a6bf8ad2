package org.madani.node.trust;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
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

  /** Starts a read; pass the result to {@link #install}. */
  public long beginRead() {
    return generation.incrementAndGet();
  }

  /** Installs a snapshot unless one from a later read is already in force. */
  public synchronized void install(long readGeneration, TrustSnapshot snapshot) {
    if (readGeneration > installed) {
      installed = readGeneration;
      current = snapshot;
    }
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
