/**
 * Actors: the hosted organizations' own ({@code LocalActors}: actor documents, their signing keys,
 * read from files encrypted at rest by {@code PrivateKeyFiles}) and other servers' ({@code
 * RemoteActors}: fetched, cached, and their keys pinned on first use by {@code KeyPins}, changed
 * only with proof; protocol-spec/keys.md). Depends on {@code sig}, {@code store} and {@code model}.
 */
package org.madani.node.federation.actor;
