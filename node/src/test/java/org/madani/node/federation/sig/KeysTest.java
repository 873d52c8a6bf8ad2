package org.madani.node.federation.sig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeysTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String RFC_ED25519_PUBLIC =
      "-----BEGIN PUBLIC KEY-----\n"
          + "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=\n-----END PUBLIC KEY-----\n";

  @Test
  void ed25519PemRoundTripAndSignatures() {
    KeyPair pair = Keys.generateEd25519(RANDOM);
    PublicKey pub = Keys.publicKeyFromPem(Keys.toPem(pair.getPublic()));
    assertArrayEquals(pair.getPublic().getEncoded(), pub.getEncoded());
    SigningKey key =
        new SigningKey(
            "k", SignatureAlgorithm.ED25519, Keys.privateKeyFromPem(Keys.toPem(pair.getPrivate())));
    byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] sig = key.sign(data);
    assertTrue(SignatureAlgorithm.ED25519.verify(pub, data, sig));
    sig[0] ^= 1;
    assertFalse(SignatureAlgorithm.ED25519.verify(pub, data, sig));
  }

  @Test
  void rsaPemRoundTrip() {
    KeyPair pair = Keys.generateRsa2048(RANDOM);
    assertEquals(
        2048, ((java.security.interfaces.RSAPublicKey) pair.getPublic()).getModulus().bitLength());
    String pem = Keys.toPem(pair.getPublic());
    assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
    assertTrue(pem.lines().allMatch(l -> l.length() <= 64));
    SigningKey key =
        new SigningKey(
            "k",
            SignatureAlgorithm.RSA_V1_5_SHA256,
            Keys.privateKeyFromPem(Keys.toPem(pair.getPrivate())));
    byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
    assertTrue(
        SignatureAlgorithm.RSA_V1_5_SHA256.verify(
            Keys.publicKeyFromPem(pem), data, key.sign(data)));
  }

  @Test
  void multibaseRoundTripOfTheRfcKey() {
    PublicKey pub = Keys.publicKeyFromPem(RFC_ED25519_PUBLIC);
    String multibase = Keys.toMultibase(pub);
    assertTrue(multibase.startsWith("z6Mk"), multibase); // every 0xed01-prefixed key starts so
    assertArrayEquals(pub.getEncoded(), Keys.fromMultibase(multibase).getEncoded());
    byte[] raw = Base58.decode(multibase.substring(1));
    assertArrayEquals(
        Base64.getDecoder().decode("JrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs="),
        java.util.Arrays.copyOfRange(raw, 2, 34));
  }

  @Test
  void multibaseRejectsOtherCodecsAndBases() {
    assertThrows(IllegalArgumentException.class, () -> Keys.fromMultibase("m" + "AAAA"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Keys.fromMultibase("z" + Base58.encode(new byte[34])));
    assertThrows(IllegalArgumentException.class, () -> Keys.fromMultibase("z0OIl"));
  }

  @Test
  void privateKeysStayOutOfToStringAndErrors() {
    KeyPair pair = Keys.generateEd25519(RANDOM);
    SigningKey key =
        new SigningKey("https://a.example/k", SignatureAlgorithm.ED25519, pair.getPrivate());
    String pem = Keys.toPem(pair.getPrivate());
    String b64 = pem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
    assertFalse(key.toString().contains(b64.substring(20)));
    assertEquals("SigningKey[keyId=https://a.example/k, algorithm=ed25519]", key.toString());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Keys.privateKeyFromPem(
                    "-----BEGIN PRIVATE KEY-----\nAAAA" + b64 + "\n-----END PRIVATE KEY-----"));
    assertFalse(e.getMessage().contains(b64.substring(4)));
  }

  @Test
  void keysRefuseTheWrongAlgorithm() {
    KeyPair pair = Keys.generateEd25519(RANDOM);
    assertThrows(
        IllegalArgumentException.class,
        () -> new SigningKey("k", SignatureAlgorithm.RSA_V1_5_SHA256, pair.getPrivate()));
    assertThrows(
        IllegalArgumentException.class,
        () -> VerificationKey.of("k", "o", pair.getPublic(), SignatureAlgorithm.ECDSA_P256_SHA256));
  }
}
