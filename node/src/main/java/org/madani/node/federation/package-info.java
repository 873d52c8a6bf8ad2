/**
 * Federation with other nodes (ActivityPub): what is shared by its sub-packages lives here, the
 * ActivityStreams media types and context ({@code ActivityStreams}), same-origin checks ({@code
 * Origins}) and the peer policy every fetch, delivery and inbox asks ({@code PeerPolicy}).
 *
 * <p>Sub-packages: {@code actor} (local and remote actors, pinned keys), {@code inbox} (accepting
 * and handling activities, one handler per type), {@code outbox} (building and addressing outgoing
 * activities), {@code delivery} (the durable queue and its worker), {@code fetch} (guarded outgoing
 * fetches), {@code sig} (HTTP signatures and object proofs), {@code sync} (mirrors and catch-up),
 * {@code publish} (what peers read from us), {@code follow} and {@code remotefollow}.
 */
package org.madani.node.federation;
