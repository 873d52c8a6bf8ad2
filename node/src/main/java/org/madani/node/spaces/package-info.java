/**
 * Private project spaces across nodes, end-to-end encrypted between member organizations
 * (protocol-spec/spaces.md, issue 17).
 *
 * <p>{@link org.madani.node.spaces.SpaceCrypto} holds the key schedule and the wire cryptography
 * (HPKE key wrapping, AEAD posts, Ed25519 author signatures) and imports nothing of ours but
 * nothing from Vert.x or H2 either. {@link org.madani.node.spaces.SpaceKeys} keeps each
 * organization's X25519 space key (private half encrypted at rest with the node's key passphrase
 * when set). {@link org.madani.node.spaces.SpaceService} applies the membership rules and stores
 * only ciphertext; one handler per space activity type receives what members send.
 */
package org.madani.node.spaces;
