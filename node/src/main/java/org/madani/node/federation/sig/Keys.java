package org.madani.node.federation.sig;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * Key generation and encodings: PEM (PKCS#8 private, SubjectPublicKeyInfo public; PKCS#1 RSA and
 * SEC1 EC keys are read too, as RFC 9421 Appendix B.1 publishes them) and FEP-521a Multikey {@code
 * publicKeyMultibase} for Ed25519. Keys are generated with Bouncy Castle's lightweight API and
 * handed out as JDK keys.
 *
 * <p>Stateless and thread-safe. Nothing here logs or prints key material.
 */
public final class Keys {

  /** Multicodec {@code ed25519-pub} (0xed) as an unsigned varint. */
  /** id-Ed25519 (RFC 8410 §3); BC keeps its constant in an internal package. */
  private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

  private static final byte[] ED25519_MULTICODEC = {(byte) 0xed, 0x01};
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private Keys() {}

  /** A fresh Ed25519 key pair. */
  public static KeyPair generateEd25519(SecureRandom random) {
    Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
    generator.init(new Ed25519KeyGenerationParameters(random));
    return toJdk(generator.generateKeyPair(), "Ed25519");
  }

  /** A fresh RSA-2048 key pair with public exponent 65537. */
  public static KeyPair generateRsa2048(SecureRandom random) {
    RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
    generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), random, 2048, 112));
    return toJdk(generator.generateKeyPair(), "RSA");
  }

  private static KeyPair toJdk(AsymmetricCipherKeyPair pair, String algorithm) {
    try {
      KeyFactory factory = KeyFactory.getInstance(algorithm);
      byte[] spki =
          SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()).getEncoded();
      byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(pair.getPrivate()).getEncoded();
      try {
        return new KeyPair(
            factory.generatePublic(new X509EncodedKeySpec(spki)),
            factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
      } finally {
        Arrays.fill(pkcs8, (byte) 0);
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode a generated " + algorithm + " key", e);
    }
  }

  /** {@code -----BEGIN PUBLIC KEY-----} (SubjectPublicKeyInfo). */
  public static String toPem(PublicKey key) {
    return pem("PUBLIC KEY", key.getEncoded());
  }

  /** {@code -----BEGIN PRIVATE KEY-----} (PKCS#8). */
  public static String toPem(PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded());
  }

  /** PBKDF2 iterations for encrypted key files (OWASP 2023 for PBKDF2-HMAC-SHA256). */
  static final int PBKDF2_ITERATIONS = 600_000;

  private static final String PBE = "PBEWithHmacSHA256AndAES_256";

  /**
   * {@code -----BEGIN ENCRYPTED PRIVATE KEY-----}: PKCS#8 EncryptedPrivateKeyInfo with PBES2
   * (PBKDF2-HMAC-SHA256, AES-256-CBC), the form {@code openssl pkcs8 -topk8 -v2 aes-256-cbc} writes
   * and reads, so an admin can still inspect or convert the file.
   */
  public static String toEncryptedPem(
      PrivateKey key, char[] passphrase, java.security.SecureRandom random) {
    byte[] salt = new byte[16];
    byte[] iv = new byte[16];
    random.nextBytes(salt);
    random.nextBytes(iv);
    byte[] plain = key.getEncoded();
    try {
      javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(PBE);
      c.init(
          javax.crypto.Cipher.ENCRYPT_MODE,
          pbeKey(passphrase),
          new javax.crypto.spec.PBEParameterSpec(
              salt, PBKDF2_ITERATIONS, new javax.crypto.spec.IvParameterSpec(iv)));
      byte[] sealed = c.doFinal(plain);
      // The JDK names the scheme by its own alias, which EncryptedPrivateKeyInfo cannot encode;
      // the same parameters re-read as PBES2 carry the standard OID (RFC 8018 §6.2).
      java.security.AlgorithmParameters pbes2 =
          java.security.AlgorithmParameters.getInstance("PBES2");
      pbes2.init(c.getParameters().getEncoded());
      return pem(
          "ENCRYPTED PRIVATE KEY",
          new javax.crypto.EncryptedPrivateKeyInfo(pbes2, sealed).getEncoded());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot encrypt a private key: " + e.getClass().getSimpleName(), e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * Reads an {@link #toEncryptedPem encrypted} key; a wrong passphrase is an
   * IllegalArgumentException.
   */
  public static PrivateKey privateKeyFromEncryptedPem(String pem, char[] passphrase) {
    Der der = der(pem);
    if (!der.type.equals("ENCRYPTED PRIVATE KEY")) {
      throw new IllegalArgumentException("not an encrypted private key PEM: " + der.type);
    }
    try {
      javax.crypto.EncryptedPrivateKeyInfo info =
          new javax.crypto.EncryptedPrivateKeyInfo(der.bytes);
      javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(PBE);
      c.init(
          javax.crypto.Cipher.DECRYPT_MODE,
          pbeKey(passphrase),
          info.getAlgParameters().getParameterSpec(javax.crypto.spec.PBEParameterSpec.class));
      byte[] pkcs8 = info.getKeySpec(c).getEncoded();
      try {
        return privateKeyFromPem(pem("PRIVATE KEY", pkcs8));
      } finally {
        Arrays.fill(pkcs8, (byte) 0);
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("cannot decrypt the private key (wrong passphrase?)");
    }
  }

  /** Whether a PEM holds an encrypted private key. */
  public static boolean isEncryptedPem(String pem) {
    return pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----");
  }

  private static javax.crypto.SecretKey pbeKey(char[] passphrase) throws GeneralSecurityException {
    return javax.crypto.SecretKeyFactory.getInstance(PBE)
        .generateSecret(new javax.crypto.spec.PBEKeySpec(passphrase));
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  /** Reads {@code PUBLIC KEY} (SPKI) or {@code RSA PUBLIC KEY} (PKCS#1) PEM. */
  public static PublicKey publicKeyFromPem(String pem) {
    Der der = der(pem);
    try {
      SubjectPublicKeyInfo info =
          switch (der.type) {
            case "PUBLIC KEY" -> SubjectPublicKeyInfo.getInstance(der.bytes);
            case "RSA PUBLIC KEY" ->
                new SubjectPublicKeyInfo(
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                    der.bytes);
            default -> throw new IllegalArgumentException("not a public key PEM: " + der.type);
          };
      String algorithm = jdkAlgorithm(info.getAlgorithm().getAlgorithm());
      return KeyFactory.getInstance(algorithm)
          .generatePublic(new X509EncodedKeySpec(info.getEncoded()));
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("unreadable public key: " + e.getMessage(), e);
    }
  }

  /**
   * Reads {@code PRIVATE KEY} (PKCS#8), {@code RSA PRIVATE KEY} (PKCS#1) or {@code EC PRIVATE KEY}
   * (SEC1) PEM.
   */
  public static PrivateKey privateKeyFromPem(String pem) {
    Der der = der(pem);
    byte[] pkcs8 = null;
    try {
      PrivateKeyInfo info =
          switch (der.type) {
            case "PRIVATE KEY" -> PrivateKeyInfo.getInstance(der.bytes);
            case "RSA PRIVATE KEY" ->
                new PrivateKeyInfo(
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                    RSAPrivateKey.getInstance(der.bytes));
            case "EC PRIVATE KEY" -> {
              ECPrivateKey sec1 = ECPrivateKey.getInstance(der.bytes);
              yield new PrivateKeyInfo(
                  new AlgorithmIdentifier(
                      X9ObjectIdentifiers.id_ecPublicKey, sec1.getParametersObject()),
                  sec1);
            }
            default -> throw new IllegalArgumentException("not a private key PEM: " + der.type);
          };
      String algorithm = jdkAlgorithm(info.getPrivateKeyAlgorithm().getAlgorithm());
      pkcs8 = info.getEncoded();
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      // The message names the failure only; never the key.
      throw new IllegalArgumentException("unreadable private key: " + e.getClass().getSimpleName());
    } finally {
      Arrays.fill(der.bytes, (byte) 0);
      if (pkcs8 != null) {
        Arrays.fill(pkcs8, (byte) 0);
      }
    }
  }

  private static String jdkAlgorithm(ASN1ObjectIdentifier oid) {
    if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      return "RSA";
    }
    if (oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
      return "RSASSA-PSS";
    }
    if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      return "EC";
    }
    if (oid.equals(ID_ED25519)) {
      return "Ed25519";
    }
    if (oid.getId()
        .equals("1.3.101.110")) { // X25519 (RFC 8410): space keys, protocol-spec/spaces.md
      return "X25519";
    }
    throw new IllegalArgumentException("unsupported key algorithm " + oid);
  }

  private record Der(String type, byte[] bytes) {}

  private static Der der(String pem) {
    Matcher m = PEM.matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException("no PEM block");
    }
    return new Der(m.group(1), Base64.getMimeDecoder().decode(m.group(2)));
  }

  /**
   * FEP-521a {@code publicKeyMultibase}: {@code z} + base58btc(0xed 0x01 + 32-byte key).
   *
   * @throws IllegalArgumentException if {@code key} is not Ed25519
   */
  public static String toMultibase(PublicKey key) {
    byte[] raw = Ed25519Keys.rawPublic(key);
    byte[] prefixed = new byte[34];
    System.arraycopy(ED25519_MULTICODEC, 0, prefixed, 0, 2);
    System.arraycopy(raw, 0, prefixed, 2, 32);
    return "z" + Base58.encode(prefixed);
  }

  /**
   * Reads an Ed25519 {@code publicKeyMultibase}.
   *
   * @throws IllegalArgumentException if it is not base58btc or not an Ed25519 multicodec key
   */
  public static PublicKey fromMultibase(String multibase) {
    if (multibase.isEmpty() || multibase.charAt(0) != 'z') {
      throw new IllegalArgumentException("only base58btc ('z') multibase is supported");
    }
    byte[] decoded = Base58.decode(multibase.substring(1));
    if (decoded.length != 34
        || decoded[0] != ED25519_MULTICODEC[0]
        || decoded[1] != ED25519_MULTICODEC[1]) {
      throw new IllegalArgumentException("not an ed25519-pub multicodec key");
    }
    byte[] spki = new byte[44];
    System.arraycopy(Ed25519Keys.SPKI_PREFIX, 0, spki, 0, 12);
    System.arraycopy(decoded, 2, spki, 12, 32);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("invalid Ed25519 key", e);
    }
  }
}
