package org.madani.node.spaces;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.hpke.HPKEContextWithEncapsulation;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The cryptography of spaces (protocol-spec/spaces.md §3-§4), byte for byte as specified:
 *
 * <ul>
 *   <li>an epoch's 32-byte content key is wrapped for each member organization's X25519 space key
 *       with HPKE base mode (RFC 9180; DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM), whose
 *       {@code info} binds the space and epoch and whose {@code aad} binds the recipient;
 *   <li>a post is AES-256-GCM under the content key with a random 96-bit nonce and associated data
 *       binding space, epoch, author and post id, so a ciphertext moved to another space, epoch,
 *       author or post id no longer opens;
 *   <li>the author signs the associated data, nonce and ciphertext with Ed25519 (its organization's
 *       signing key): members can tell who wrote it and a non-member cannot substitute one.
 * </ul>
 *
 * No state; thread-safe. Failures are {@link SpaceCryptoException} with a reason safe to log.
 */
public final class SpaceCrypto {

  /** RFC 9180 identifiers of the one suite spaces use. */
  public static final short KEM = HPKE.kem_X25519_SHA256;

  public static final short KDF = HPKE.kdf_HKDF_SHA256;
  public static final short AEAD = HPKE.aead_AES_GCM256;

  static final byte[] WRAP_LABEL = ascii("madani-space-key/v1");
  static final byte[] POST_LABEL = ascii("madani-space-post/v1");
  static final byte[] SIG_LABEL = ascii("madani-space-sig/v1");

  public static final int KEY_BYTES = 32;
  public static final int NONCE_BYTES = 12;

  private final SecureRandom random;

  public SpaceCrypto(SecureRandom random) {
    this.random = random;
  }

  /** An X25519 key pair as raw RFC 7748 bytes. */
  public record KeyPair(byte[] publicKey, byte[] privateKey) {
    public KeyPair {
      if (publicKey.length != 32 || privateKey.length != 32)
        throw new IllegalArgumentException("X25519 keys are 32 bytes");
    }

    @Override
    public String toString() {
      return "KeyPair[private withheld]";
    }
  }

  /** An HPKE-wrapped content key: the encapsulated key and the sealed content key. */
  public record WrappedKey(byte[] enc, byte[] ciphertext) {}

  /** A sealed post: nonce and AES-GCM ciphertext (with its tag). */
  public record Sealed(byte[] nonce, byte[] ciphertext) {}

  /** Where a post belongs and who wrote it: everything its associated data binds. */
  public record PostContext(String spaceId, int epoch, String author, String postId) {
    public PostContext {
      if (epoch < 1) throw new IllegalArgumentException("epochs start at 1");
    }
  }

  public KeyPair newSpaceKey() {
    X25519PrivateKeyParameters sk = new X25519PrivateKeyParameters(random);
    return new KeyPair(sk.generatePublicKey().getEncoded(), sk.getEncoded());
  }

  public static KeyPair keyPair(byte[] privateKey) {
    X25519PrivateKeyParameters sk = new X25519PrivateKeyParameters(privateKey, 0);
    return new KeyPair(sk.generatePublicKey().getEncoded(), sk.getEncoded());
  }

  public byte[] newContentKey() {
    byte[] k = new byte[KEY_BYTES];
    random.nextBytes(k);
    return k;
  }

  private static HPKE hpke() {
    return new HPKE(HPKE.mode_base, KEM, KDF, AEAD);
  }

  /** HPKE {@code info}: label, space id and epoch (spaces.md §3.2). */
  public static byte[] wrapInfo(String spaceId, int epoch) {
    return concat(WRAP_LABEL, lp(spaceId), u32(epoch));
  }

  /** HPKE {@code aad}: the recipient organization's actor id. */
  public static byte[] wrapAad(String recipient) {
    return lp(recipient);
  }

  /**
   * Wraps {@code contentKey} for {@code recipient}'s space public key with a fresh ephemeral key.
   */
  public WrappedKey wrap(
      byte[] contentKey, byte[] recipientPublic, String spaceId, int epoch, String recipient) {
    X25519PrivateKeyParameters eph = new X25519PrivateKeyParameters(random);
    return wrap(contentKey, recipientPublic, spaceId, epoch, recipient, eph.getEncoded());
  }

  /**
   * As {@link #wrap(byte[], byte[], String, int, String)} with a given ephemeral key (test vectors
   * only).
   */
  public static WrappedKey wrap(
      byte[] contentKey,
      byte[] recipientPublic,
      String spaceId,
      int epoch,
      String recipient,
      byte[] ephemeralPrivate) {
    HPKE hpke = hpke();
    X25519PrivateKeyParameters e = new X25519PrivateKeyParameters(ephemeralPrivate, 0);
    AsymmetricCipherKeyPair eph = new AsymmetricCipherKeyPair(e.generatePublicKey(), e);
    try {
      HPKEContextWithEncapsulation ctx =
          hpke.setupBaseS(
              new X25519PublicKeyParameters(recipientPublic, 0), wrapInfo(spaceId, epoch), eph);
      return new WrappedKey(ctx.getEncapsulation(), ctx.seal(wrapAad(recipient), contentKey));
    } catch (InvalidCipherTextException | RuntimeException ex) {
      throw new SpaceCryptoException(
          "cannot wrap the content key: " + ex.getClass().getSimpleName());
    }
  }

  /** Opens a wrapped content key addressed to {@code recipient}; fails if anything was changed. */
  public static byte[] unwrap(
      WrappedKey w, KeyPair recipientKey, String spaceId, int epoch, String recipient) {
    HPKE hpke = hpke();
    X25519PrivateKeyParameters sk = new X25519PrivateKeyParameters(recipientKey.privateKey(), 0);
    try {
      HPKEContext ctx =
          hpke.setupBaseR(
              w.enc(),
              new AsymmetricCipherKeyPair(sk.generatePublicKey(), sk),
              wrapInfo(spaceId, epoch));
      byte[] key = ctx.open(wrapAad(recipient), w.ciphertext());
      if (key.length != KEY_BYTES) throw new SpaceCryptoException("a content key is 32 bytes");
      return key;
    } catch (InvalidCipherTextException | RuntimeException ex) {
      if (ex instanceof SpaceCryptoException s) throw s;
      throw new SpaceCryptoException(
          "the wrapped content key does not open for this recipient, space and epoch");
    }
  }

  /** The associated data of a post (spaces.md §4.1). */
  public static byte[] postAad(PostContext p) {
    return concat(POST_LABEL, lp(p.spaceId()), u32(p.epoch()), lp(p.author()), lp(p.postId()));
  }

  /** The bytes the author signs (spaces.md §4.2). */
  public static byte[] signatureInput(PostContext p, Sealed s) {
    return concat(SIG_LABEL, postAad(p), s.nonce(), u32(s.ciphertext().length), s.ciphertext());
  }

  public Sealed seal(byte[] contentKey, PostContext p, byte[] plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    return seal(contentKey, p, plaintext, nonce);
  }

  /**
   * As {@link #seal(byte[], PostContext, byte[])} with a given nonce (test vectors only: never
   * reuse one).
   */
  public static Sealed seal(byte[] contentKey, PostContext p, byte[] plaintext, byte[] nonce) {
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(contentKey, "AES"),
          new GCMParameterSpec(128, nonce));
      gcm.updateAAD(postAad(p));
      return new Sealed(nonce.clone(), gcm.doFinal(plaintext));
    } catch (GeneralSecurityException e) {
      throw new SpaceCryptoException("cannot seal: " + e.getClass().getSimpleName());
    }
  }

  /**
   * Opens a post; fails when the ciphertext, nonce, space, epoch, author or post id differ from the
   * sealed ones.
   */
  public static byte[] open(byte[] contentKey, PostContext p, Sealed s) {
    if (s.nonce().length != NONCE_BYTES) throw new SpaceCryptoException("a nonce is 12 bytes");
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(contentKey, "AES"),
          new GCMParameterSpec(128, s.nonce()));
      gcm.updateAAD(postAad(p));
      return gcm.doFinal(s.ciphertext());
    } catch (GeneralSecurityException e) {
      throw new SpaceCryptoException(
          "the post does not open under this space, epoch, author and id");
    }
  }

  /**
   * Whether {@code signature} is the author's Ed25519 signature (raw 32-byte public key) of the
   * sealed post.
   */
  public static boolean verify(byte[] authorPublic, PostContext p, Sealed s, byte[] signature) {
    if (authorPublic.length != 32 || signature.length != 64) return false;
    Ed25519Signer v = new Ed25519Signer();
    v.init(false, new Ed25519PublicKeyParameters(authorPublic, 0));
    byte[] input = signatureInput(p, s);
    v.update(input, 0, input.length);
    return v.verifySignature(signature);
  }

  /** A 2-byte big-endian length, then the UTF-8 bytes (at most 65,535). */
  static byte[] lp(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length > 0xFFFF) throw new IllegalArgumentException("identifier too long");
    return concat(new byte[] {(byte) (b.length >>> 8), (byte) b.length}, b);
  }

  static byte[] u32(int v) {
    return ByteBuffer.allocate(4).putInt(v).array();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Erases a key copy once used. */
  public static void erase(byte[] key) {
    if (key != null) Arrays.fill(key, (byte) 0);
  }
}
