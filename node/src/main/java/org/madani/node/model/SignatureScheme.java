package org.madani.node.model;

import java.util.Locale;

/**
 * How an outgoing request is signed. Peers differ: newer software accepts RFC 9421 HTTP Message
 * Signatures, much of the deployed fediverse still only accepts the older draft-cavage-12 {@code
 * Signature} header. The worker remembers per host which one worked.
 */
public enum SignatureScheme {
  /** RFC 9421 HTTP Message Signatures ({@code Signature-Input} + {@code Signature}). */
  RFC9421,
  /** draft-cavage-http-signatures-12, as used by Mastodon and most current peers. */
  CAVAGE;

  /** The name stored in {@code peer_host.signature_scheme}. */
  public String storedName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The scheme for a stored name, or null for null. */
  public static SignatureScheme fromStored(String stored) {
    return stored == null ? null : valueOf(stored.toUpperCase(Locale.ROOT));
  }
}
