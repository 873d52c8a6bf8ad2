/**
 * Guarded outgoing fetches: the one way this node reads documents from other servers (actors, keys,
 * objects, collections, WebFinger), and the address check that delivery uses before it POSTs.
 *
 * <p>Every remote URL is attacker-chosen: it arrives in activities, actor documents and redirects.
 * Without a guard a peer could make this node read its cloud metadata endpoint ({@code
 * 169.254.169.254}), the admin API on loopback, or any host on the private network (server-side
 * request forgery), or tie it up with slow or endless responses. So:
 *
 * <ul>
 *   <li>{@link org.madani.node.federation.fetch.AddressGuard} resolves the host once, refuses
 *       loopback, private, link-local and other special addresses (loopback and private only pass
 *       in development mode), and returns the vetted addresses as a {@link
 *       org.madani.node.federation.fetch.Vetted}; the request is then made to exactly that address,
 *       so a DNS answer that changes between check and connect (rebinding) has no effect.
 *   <li>{@link org.madani.node.federation.fetch.GuardedFetcher} GETs JSON with connect and overall
 *       timeouts, a byte cap enforced while streaming, manual redirects re-checked at every hop, a
 *       JSON content-type check, and bounded parsing.
 *   <li>{@link org.madani.node.federation.fetch.JsonLdContexts} holds the JSON-LD contexts we
 *       understand; they are never fetched.
 * </ul>
 *
 * <p>Failures are {@link org.madani.node.federation.fetch.FetchException}s with a {@link
 * org.madani.node.federation.fetch.FetchException.Reason}; callers map the reason to an HTTP answer
 * or a retry decision.
 */
package org.madani.node.federation.fetch;
