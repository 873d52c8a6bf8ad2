package org.madani.node.trust;

import java.util.Map;
import org.madani.node.federation.Origins;

/**
 * The stored trust settings at one moment, immutable, and the rules that follow from them. Pure: no
 * I/O, so the rules are unit-tested here and answered from memory on event loops.
 *
 * @param nodes levels per node host key ({@link Origins#hostKey}); absent = unknown
 * @param actors levels per actor id; absent = unknown
 */
public record TrustSnapshot(
    FederationMode mode, Map<String, TrustLevel> nodes, Map<String, TrustLevel> actors) {

  public TrustSnapshot {
    nodes = Map.copyOf(nodes);
    actors = Map.copyOf(actors);
  }

  public static TrustSnapshot empty() {
    return new TrustSnapshot(FederationMode.OPEN, Map.of(), Map.of());
  }

  /**
   * Whether the node with this host key may be contacted or heard: not blocked, and in allowlist
   * mode listed as allowed or trusted. An unparsable URL has no host and is refused.
   */
  public boolean allowsHost(String hostKey) {
    if (hostKey == null) return false;
    TrustLevel n = nodes.getOrDefault(hostKey, TrustLevel.UNKNOWN);
    if (n == TrustLevel.BLOCKED) return false;
    return mode == FederationMode.OPEN || n == TrustLevel.ALLOWED || n == TrustLevel.TRUSTED;
  }

  /**
   * Whether an actor may be heard and delivered to: its node allowed and it not blocked
   * (suspended).
   */
  public boolean allowsActor(String actorId) {
    return allowsHost(Origins.hostKey(actorId)) && actors.get(actorId) != TrustLevel.BLOCKED;
  }

  /** Allowed and trusted, as an organization or through its node. */
  public boolean trusts(String actorId) {
    if (!allowsActor(actorId)) return false;
    TrustLevel a = actors.get(actorId);
    if (a == TrustLevel.LIMITED) return false;
    return a == TrustLevel.TRUSTED || nodes.get(Origins.hostKey(actorId)) == TrustLevel.TRUSTED;
  }

  /** Whether this actor's entries may appear in the directory: allowed and not limited. */
  public boolean visible(String actorId) {
    return allowsActor(actorId) && actors.get(actorId) != TrustLevel.LIMITED;
  }

  /**
   * The level shown to admins, most decisive first: blocked (by itself, its node or the allowlist),
   * limited, trusted, followed (when {@code followed}), allowed, unknown.
   */
  public TrustLevel effective(String actorId, boolean followed) {
    if (!allowsActor(actorId)) return TrustLevel.BLOCKED;
    TrustLevel a = actors.get(actorId);
    if (a == TrustLevel.LIMITED) return TrustLevel.LIMITED;
    if (trusts(actorId)) return TrustLevel.TRUSTED;
    if (followed) return TrustLevel.FOLLOWED;
    if (a == TrustLevel.ALLOWED || nodes.get(Origins.hostKey(actorId)) == TrustLevel.ALLOWED)
      return TrustLevel.ALLOWED;
    return TrustLevel.UNKNOWN;
  }

  /** The level shown for a node. */
  public TrustLevel effectiveNode(String hostKey) {
    if (!allowsHost(hostKey)) return TrustLevel.BLOCKED;
    return nodes.getOrDefault(hostKey, TrustLevel.UNKNOWN);
  }
}
