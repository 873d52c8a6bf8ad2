package org.madani.node.federation.sig;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * Moves Ed25519 keys between the JDK's encoded form and Bouncy Castle's raw parameters. The
 * encodings public encoding is fixed-size (RFC 8410 §4): a 12-byte SubjectPublicKeyInfo prefix
 * before the 32-byte key; private keys go through Bouncy Castle's PKCS#8 parser.
 */
final class Ed25519Keys {

  static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private Ed25519Keys() {}

  static byte[] rawPublic(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded.length != 44 || !Arrays.equals(encoded, 0, 12, SPKI_PREFIX, 0, 12)) {
      throw new IllegalArgumentException("not an Ed25519 SubjectPublicKeyInfo");
    }
    return Arrays.copyOfRange(encoded, 12, 44);
  }

  static Ed25519PublicKeyParameters publicParameters(PublicKey key) {
    return new Ed25519PublicKeyParameters(rawPublic(key), 0);
  }

  static Ed25519PrivateKeyParameters privateParameters(PrivateKey key) {
    byte[] encoded = key.getEncoded();
    try {
      // PKCS#8 v1 and v2 (RFC 8410 §7) both parse here; BC checks the algorithm identifier.
      if (PrivateKeyFactory.createKey(encoded) instanceof Ed25519PrivateKeyParameters params) {
        return params;
      }
      throw new IllegalArgumentException("not an Ed25519 private key");
    } catch (IOException e) {
      throw new IllegalArgumentException("not a PKCS#8 private key", e);
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }
}
