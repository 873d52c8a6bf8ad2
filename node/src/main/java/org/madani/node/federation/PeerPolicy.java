package org.madani.node.federation;

import java.net.URI;

/**
 * The node's answer to "may we deal with this peer?", asked by federation code before it fetches,
 * delivers or accepts anything. Implemented by the trust model (trust/TrustPolicy); federation only
 * asks. Answers come from memory: implementations must not block (they are called on event loops).
 */
public interface PeerPolicy {

  /** Whether we may exchange anything with the node at this URL (fetch from it, deliver to it). */
  boolean allowsUrl(URI url);

  /** Whether activities from, and deliveries to, this actor are allowed (its node and itself). */
  boolean allowsActor(String actorId);

  /**
   * Whether this actor is trusted: it gets our network entries, its mirrors and endorsements count.
   */
  boolean trusts(String actorId);

  /** Everyone allowed, nobody trusted: the behaviour before the trust model existed. */
  PeerPolicy OPEN =
      new PeerPolicy() {
        @Override
        public boolean allowsUrl(URI url) {
          return true;
        }

        @Override
        public boolean allowsActor(String actorId) {
          return true;
        }

        @Override
        public boolean trusts(String actorId) {
          return false;
        }
      };
}
