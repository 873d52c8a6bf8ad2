package org.madani.node.http;

import java.time.Clock;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.madani.node.federation.Origins;
import org.madani.node.federation.PeerPolicy;
import org.madani.node.federation.inbox.SenderGate;

/**
 * Inbox rate limits that protect without punishing (issue 10):
 *
 * <ul>
 *   <li>Allowances are keyed on the <em>verified</em> sending host (the owner of the key that
 *       verified), asked after the signature check ({@link #admit}). Verifying an Ed25519 signature
 *       with a cached key costs ~60 µs, so checking first is cheap; keying on the key id a request
 *       merely claims let anyone spend a peer's allowance by naming its key.
 *   <li>Followed and trusted hosts get a higher allowance than unknown ones.
 *   <li>Requests that fail verification are limited separately, per client address, in memory only:
 *       the address is never logged or stored (privacy), and it is the forger's own address that
 *       runs out, not the peer it named. A client out of failures is refused before any
 *       verification or key fetch ({@link #mayTry}).
 * </ul>
 *
 * Buckets live in bounded caches ({@link RateLimiter}). Thread-safe.
 */
public final class SenderLimits implements SenderGate {

  /** A token bucket's shape: sustained rate and burst. */
  public record Allowance(double perSecond, double burst) {}

  /** Unknown senders: as before issue 10, now per verified host. */
  public static final Allowance UNKNOWN = new Allowance(50, 200);

  /** Followed or trusted senders: a hub relaying a region's network. */
  public static final Allowance KNOWN = new Allowance(500, 5_000);

  /** Failed verifications per client address. */
  public static final Allowance FAILURES = new Allowance(5, 50);

  private final PeerPolicy peers;
  private final RateLimiter unknown;
  private final RateLimiter known;
  private final RateLimiter failures;
  private volatile Set<String> followedHosts = Set.of();

  public SenderLimits(
      PeerPolicy peers, Clock clock, Allowance unknown, Allowance known, Allowance failures) {
    this.peers = Objects.requireNonNull(peers, "peers");
    this.unknown = new RateLimiter(unknown.perSecond(), unknown.burst(), clock);
    this.known = new RateLimiter(known.perSecond(), known.burst(), clock);
    this.failures = new RateLimiter(failures.perSecond(), failures.burst(), clock);
  }

  public static SenderLimits defaults(PeerPolicy peers, Clock clock) {
    return new SenderLimits(peers, clock, UNKNOWN, KNOWN, FAILURES);
  }

  /** Whether a client may present a signature at all: false once its failures ran out. */
  public boolean mayTry(String clientAddress) {
    return failures.hasToken(clientAddress);
  }

  /** Counts a failed verification against the client's address (kept in memory only). */
  public void failed(String clientAddress) {
    failures.tryAcquire(clientAddress);
  }

  @Override
  public boolean admit(String actor) {
    String host = Origins.hostKey(actor);
    if (host == null) return false;
    boolean isKnown = followedHosts.contains(host) || peers.trusts(actor);
    return (isKnown ? known : unknown).tryAcquire(host);
  }

  /**
   * Replaces the actors some hosted organization follows (their hosts get the higher allowance).
   */
  public void followed(Collection<String> actors) {
    followedHosts =
        actors.stream()
            .map(Origins::hostKey)
            .filter(Objects::nonNull)
            .collect(Collectors.toUnmodifiableSet());
  }
}
