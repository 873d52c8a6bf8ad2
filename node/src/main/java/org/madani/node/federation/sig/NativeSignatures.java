package org.madani.node.federation.sig;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Optional;

/**
 * Ed25519 and RSA (PKCS#1 v1.5, SHA-256) signatures on a native engine: the Amazon Corretto Crypto
 * Provider, a JCA provider over AWS-LC. Measured on this project's 2-core machines, one core signs
 * about 3,800 RSA-2048 signatures a second with it (the JDK: 950) and 40,000–90,000 Ed25519 ones
 * (Bouncy Castle: ~8,000); it verifies Ed25519 two to three times faster than Bouncy Castle. A
 * node's fan-out, catch-up and bulk publish are bound by exactly these operations (issue 13).
 *
 * <p>The provider ships its library for Linux on x86-64 only. Anywhere else, or when it fails its
 * own self-tests, or when the system property {@code madani.crypto} is {@code java}, {@link
 * #available()} is false and {@link SignatureAlgorithm} signs and verifies with Bouncy Castle and
 * the JDK as before: the same signatures (Ed25519 and RSA v1.5 are deterministic), only slower. The
 * provider is used by name for these two algorithms; it is never installed as a default, so TLS,
 * digests and every other JCA use stay on the JDK.
 *
 * <p>Thread-safety: the provider is loaded once per process; engines are kept per thread ({@link
 * Signature} objects are not thread-safe) and re-initialised for every operation.
 */
public final class NativeSignatures {

  /** Loaded on first use, once per process (the JCA provider is process-wide anyway). */
  private static final class Holder {
    static final Loaded LOADED = load();
    static final Optional<Provider> PROVIDER = Optional.ofNullable(LOADED.provider());
  }

  /** The native provider, or null and why not. */
  private record Loaded(Provider provider, String fallbackReason) {}

  // One engine per algorithm, direction and thread. An engine never sees both kinds of key: the
  // provider (2.5.0) destroys a translated key when an engine that last held a key it converted
  // itself (as it does for every Ed25519 key, and for the public keys we verify with) is
  // initialised with it. Signing engines get translated RSA keys or, for Ed25519, the JDK's key;
  // verifying engines always get the JDK's public keys.
  private static final ThreadLocal<Signature> ED25519_SIGN = engine("Ed25519");
  private static final ThreadLocal<Signature> ED25519_VERIFY = engine("Ed25519");
  private static final ThreadLocal<Signature> RSA_SIGN = engine("SHA256withRSA");
  private static final ThreadLocal<Signature> RSA_VERIFY = engine("SHA256withRSA");

  private NativeSignatures() {}

  /** Whether the native engine is in use in this process. */
  public static boolean available() {
    return Holder.PROVIDER.isPresent();
  }

  /**
   * The engine in use, for the start-up log line and the benchmarks: the provider's name and
   * version, or the fallback and why.
   */
  public static String describe() {
    return Holder.PROVIDER
        .map(p -> p.getName() + " " + p.getVersionStr())
        .orElse("Bouncy Castle and the JDK (" + Holder.LOADED.fallbackReason() + ")");
  }

  static boolean handles(SignatureAlgorithm algorithm) {
    return available()
        && (algorithm == SignatureAlgorithm.ED25519
            || algorithm == SignatureAlgorithm.RSA_V1_5_SHA256);
  }

  /**
   * The engine's own form of {@code key}, so that signing does not convert it every time (that
   * costs about as much as the signature): RSA keys are translated; Ed25519 keys are taken as they
   * are (the provider has no Ed25519 key factory and converts them cheaply itself).
   */
  static PrivateKey engineKey(PrivateKey key) {
    if (!"RSA".equals(key.getAlgorithm())
        || key.getClass().getName().startsWith("com.amazon.corretto.")) {
      return key;
    }
    try {
      return (PrivateKey)
          KeyFactory.getInstance("RSA", Holder.PROVIDER.orElseThrow()).translateKey(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the native engine cannot use this RSA key", e);
    }
  }

  static byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] data)
      throws GeneralSecurityException {
    Signature engine = (algorithm == SignatureAlgorithm.ED25519 ? ED25519_SIGN : RSA_SIGN).get();
    engine.initSign(algorithm == SignatureAlgorithm.ED25519 ? key : engineKey(key));
    engine.update(data);
    return engine.sign();
  }

  static boolean verify(SignatureAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature)
      throws GeneralSecurityException {
    Signature engine =
        (algorithm == SignatureAlgorithm.ED25519 ? ED25519_VERIFY : RSA_VERIFY).get();
    engine.initVerify(key);
    engine.update(data);
    return engine.verify(signature);
  }

  private static ThreadLocal<Signature> engine(String name) {
    return ThreadLocal.withInitial(
        () -> {
          try {
            return Signature.getInstance(name, Holder.PROVIDER.orElseThrow());
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("native " + name + " is unavailable", e);
          }
        });
  }

  private static Loaded load() {
    if ("java".equalsIgnoreCase(System.getProperty("madani.crypto", "native"))) {
      return new Loaded(null, "madani.crypto=java");
    }
    try {
      AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
      if (provider.getLoadingError() != null) {
        return new Loaded(null, "no native engine here: " + provider.getLoadingError());
      }
      provider.assertHealthy();
      // Both engines must exist before we commit to them.
      Signature.getInstance("Ed25519", provider);
      Signature.getInstance("SHA256withRSA", provider);
      return new Loaded(provider, "");
    } catch (LinkageError | RuntimeException | GeneralSecurityException e) {
      return new Loaded(null, "the native engine failed to load: " + e);
    }
  }
}
