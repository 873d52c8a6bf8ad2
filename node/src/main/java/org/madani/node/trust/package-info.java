/**
 * Trust (protocol-spec/trust.md): keys of hosted organizations; the trust model (federation mode,
 * levels per node and per organization) and its in-memory policy that federation asks through
 * {@link org.madani.node.federation.PeerPolicy}; endorsements; shared block/allow lists and their
 * subscriptions; moderation.
 */
package org.madani.node.trust;
