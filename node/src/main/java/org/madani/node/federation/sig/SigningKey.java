package org.madani.node.federation.sig;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.util.Objects;
import javax.crypto.SecretKey;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A private (or, for HMAC, secret) key bound to its key id and the one algorithm it signs with.
 *
 * <p>Immutable and thread-safe. Keys are converted once, here, to the form the signing engine works
 * on (the native engine's RSA key, or Bouncy Castle's Ed25519 parameters where the native engine is
 * not available), so signing does no ASN.1 work. {@link #toString()} never shows key material.
 */
public final class SigningKey {

  private final String keyId;
  private final SignatureAlgorithm algorithm;
  private final Key key;
  private final Ed25519PrivateKeyParameters ed25519;

  /**
   * @param keyId the key id peers resolve (an actor's key URI for federation)
   * @param algorithm the algorithm this key signs with
   * @param key a {@link PrivateKey}, or a {@link SecretKey} for HMAC, that {@code algorithm}
   *     accepts
   */
  public SigningKey(String keyId, SignatureAlgorithm algorithm, Key key) {
    this.keyId = Objects.requireNonNull(keyId, "keyId");
    this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(key, "key");
    if (!(key instanceof PrivateKey || key instanceof SecretKey) || !algorithm.accepts(key)) {
      throw new IllegalArgumentException(
          algorithm.wireName() + " cannot sign with a " + key.getAlgorithm() + " key");
    }
    boolean nativeEngine = NativeSignatures.handles(algorithm);
    this.key = nativeEngine ? NativeSignatures.engineKey((PrivateKey) key) : key;
    this.ed25519 =
        algorithm == SignatureAlgorithm.ED25519 && !nativeEngine
            ? Ed25519Keys.privateParameters((PrivateKey) key)
            : null;
  }

  public String keyId() {
    return keyId;
  }

  public SignatureAlgorithm algorithm() {
    return algorithm;
  }

  /**
   * Signs {@code data}; deterministic for Ed25519, HMAC and RSA v1.5, randomized for PSS and ECDSA.
   */
  public byte[] sign(byte[] data) {
    if (ed25519 != null) {
      return SignatureAlgorithm.signEd25519(ed25519, data);
    }
    try {
      return algorithm.sign(key, data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing with " + algorithm.wireName() + " failed", e);
    }
  }

  @Override
  public String toString() {
    return "SigningKey[keyId=" + keyId + ", algorithm=" + algorithm.wireName() + "]";
  }
}
