package org.madani.node.federation.wire;

/** A security-v1 {@code publicKey} entry, as draft-cavage peers (Mastodon) and Fedify read it. */
public record CryptographicKey(String id, String type, String owner, String publicKeyPem) {

  public CryptographicKey(String id, String owner, String publicKeyPem) {
    this(id, "CryptographicKey", owner, publicKeyPem);
  }
}
