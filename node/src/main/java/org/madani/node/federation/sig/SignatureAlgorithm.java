package org.madani.node.federation.sig;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The signature algorithms of the RFC 9421 §6.2.2 registry that we support, by their registered
 * names. Ed25519 and RSA v1.5 (the two that federation signs and checks by the thousand) run on the
 * native engine where it loads ({@link NativeSignatures}); otherwise Ed25519 runs on Bouncy
 * Castle's lightweight {@link Ed25519Signer}, about ten times faster than the JDK provider, and RSA
 * on the JDK. RSA-PSS, ECDSA and HMAC always use the JDK.
 *
 * <p>Stateless; every operation creates its own engine, so constants are safe to share.
 */
public enum SignatureAlgorithm {
  /** RSASSA-PSS with SHA-512, MGF1 SHA-512 and a 64-byte salt (RFC 9421 §3.3.1). */
  RSA_PSS_SHA512("rsa-pss-sha512"),
  /** RSASSA-PKCS1-v1_5 with SHA-256 (RFC 9421 §3.3.2); Mastodon's only algorithm. */
  RSA_V1_5_SHA256("rsa-v1_5-sha256"),
  /** HMAC with SHA-256 (RFC 9421 §3.3.3); for the published vectors, not for federation. */
  HMAC_SHA256("hmac-sha256"),
  /** ECDSA on P-256 with SHA-256, signature as raw r||s (RFC 9421 §3.3.4). */
  ECDSA_P256_SHA256("ecdsa-p256-sha256"),
  /** EdDSA on Curve25519 (RFC 9421 §3.3.6). */
  ED25519("ed25519");

  private final String wireName;

  SignatureAlgorithm(String wireName) {
    this.wireName = wireName;
  }

  /** The registered name, as in the {@code alg} signature parameter. */
  public String wireName() {
    return wireName;
  }

  /** The algorithm registered as {@code name}, if we support it. */
  public static Optional<SignatureAlgorithm> fromWireName(String name) {
    return Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
  }

  /** Whether {@code key} (public, private or secret) is of the kind this algorithm uses. */
  public boolean accepts(Key key) {
    return switch (this) {
      case RSA_PSS_SHA512, RSA_V1_5_SHA256 -> key instanceof RSAKey;
      case ECDSA_P256_SHA256 ->
          key instanceof ECKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256;
      case ED25519 ->
          (key instanceof PublicKey || key instanceof PrivateKey)
              && ("Ed25519".equalsIgnoreCase(key.getAlgorithm())
                  || "EdDSA".equalsIgnoreCase(key.getAlgorithm()));
      case HMAC_SHA256 -> key instanceof SecretKey;
    };
  }

  /** Signs with a JDK private or secret key. Ed25519 goes through {@link #signEd25519}. */
  byte[] sign(Key key, byte[] data) throws GeneralSecurityException {
    if (NativeSignatures.handles(this)) {
      return NativeSignatures.sign(this, (PrivateKey) key, data);
    }
    return switch (this) {
      case HMAC_SHA256 -> hmac((SecretKey) key, data);
      case ED25519 -> signEd25519(Ed25519Keys.privateParameters((PrivateKey) key), data);
      default -> {
        Signature s = jdkSignature();
        s.initSign((PrivateKey) key);
        s.update(data);
        yield s.sign();
      }
    };
  }

  static byte[] signEd25519(Ed25519PrivateKeyParameters key, byte[] data) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(data, 0, data.length);
    return signer.generateSignature();
  }

  /**
   * Verifies; false for a wrong signature, a wrong-sized one, or a key of the wrong kind. Public
   * for the benchmarks' ceilings (the node's own engine); federation code verifies through a {@link
   * VerificationKey}, which also restricts the algorithms a key may be used with.
   */
  public boolean verify(Key key, byte[] data, byte[] signature) {
    if (!accepts(key)) {
      return false;
    }
    if (this == ED25519 && signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
      return false;
    }
    try {
      if (NativeSignatures.handles(this)) {
        return NativeSignatures.verify(this, (PublicKey) key, data, signature);
      }
      return switch (this) {
        case HMAC_SHA256 ->
            java.security.MessageDigest.isEqual(hmac((SecretKey) key, data), signature);
        case ED25519 -> {
          Ed25519PublicKeyParameters pub = Ed25519Keys.publicParameters((PublicKey) key);
          Ed25519Signer verifier = new Ed25519Signer();
          verifier.init(false, pub);
          verifier.update(data, 0, data.length);
          yield verifier.verifySignature(signature);
        }
        default -> {
          Signature s = jdkSignature();
          s.initVerify((PublicKey) key);
          s.update(data);
          yield s.verify(signature);
        }
      };
    } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
      return false;
    }
  }

  private Signature jdkSignature() throws GeneralSecurityException {
    return switch (this) {
      case RSA_V1_5_SHA256 -> Signature.getInstance("SHA256withRSA");
      case RSA_PSS_SHA512 -> {
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1));
        yield s;
      }
      // RFC 9421 §3.3.4 wants r||s, not the DER SEQUENCE the plain JDK algorithm produces.
      case ECDSA_P256_SHA256 -> Signature.getInstance("SHA256withECDSAinP1363Format");
      default -> throw new IllegalStateException(this + " has no JDK signature");
    };
  }

  private static byte[] hmac(SecretKey key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
    return mac.doFinal(data);
  }
}
