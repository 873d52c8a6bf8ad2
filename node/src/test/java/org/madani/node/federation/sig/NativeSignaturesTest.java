package org.madani.node.federation.sig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

/**
 * The native engine gives the same signatures as Bouncy Castle and the JDK (Ed25519 and RSA v1.5
 * are deterministic), accepts theirs, and keeps working when one thread signs and verifies with
 * several keys in turn, as a delivery worker and an inbox do.
 */
class NativeSignaturesTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] DATA =
      "@method: POST\n\"@authority\": hub.example\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void theNativeEngineLoadsOnLinuxX8664AndSaysWhyNotElsewhere() {
    boolean linuxX86 =
        System.getProperty("os.name").startsWith("Linux")
            && Arrays.asList("amd64", "x86_64").contains(System.getProperty("os.arch"));
    assertEquals(linuxX86, NativeSignatures.available(), NativeSignatures.describe());
    assertTrue(
        NativeSignatures.describe()
            .startsWith(linuxX86 ? "AmazonCorrettoCryptoProvider" : "Bouncy Castle and the JDK"),
        NativeSignatures.describe());
  }

  @Test
  void ed25519SignaturesAreBouncyCastlesAndCrossVerify() {
    KeyPair pair = Keys.generateEd25519(RANDOM);
    byte[] ours = new SigningKey("k", SignatureAlgorithm.ED25519, pair.getPrivate()).sign(DATA);

    byte[] bc =
        SignatureAlgorithm.signEd25519(Ed25519Keys.privateParameters(pair.getPrivate()), DATA);
    assertArrayEquals(bc, ours);

    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, new Ed25519PublicKeyParameters(Ed25519Keys.rawPublic(pair.getPublic())));
    verifier.update(DATA, 0, DATA.length);
    assertTrue(verifier.verifySignature(ours));
    assertTrue(SignatureAlgorithm.ED25519.verify(pair.getPublic(), DATA, bc));

    byte[] altered = ours.clone();
    altered[5] ^= 1;
    assertFalse(SignatureAlgorithm.ED25519.verify(pair.getPublic(), DATA, altered));
    assertFalse(SignatureAlgorithm.ED25519.verify(pair.getPublic(), DATA, new byte[63]));
  }

  @Test
  void rsaSignaturesAreTheJdksAndCrossVerify() throws Exception {
    KeyPair pair = Keys.generateRsa2048(RANDOM);
    byte[] ours =
        new SigningKey("k", SignatureAlgorithm.RSA_V1_5_SHA256, pair.getPrivate()).sign(DATA);

    Signature jdk = Signature.getInstance("SHA256withRSA", "SunRsaSign");
    jdk.initSign(pair.getPrivate());
    jdk.update(DATA);
    assertArrayEquals(jdk.sign(), ours);

    jdk.initVerify(pair.getPublic());
    jdk.update(DATA);
    assertTrue(jdk.verify(ours));
    assertFalse(SignatureAlgorithm.RSA_V1_5_SHA256.verify(pair.getPublic(), DATA, new byte[5]));
  }

  /**
   * The provider (2.5.0) destroyed a converted RSA key when the same engine had last held a key it
   * converted itself: after one verification, every later signature with that key failed with "Key
   * has been destroyed". Each engine now sees one kind of key only.
   */
  @Test
  void oneThreadSignsAndVerifiesWithManyKeysInTurn() {
    KeyPair rsa = Keys.generateRsa2048(RANDOM);
    KeyPair ed = Keys.generateEd25519(RANDOM);
    SigningKey rsaKey = new SigningKey("r", SignatureAlgorithm.RSA_V1_5_SHA256, rsa.getPrivate());
    SigningKey edKey = new SigningKey("e", SignatureAlgorithm.ED25519, ed.getPrivate());
    for (int round = 0; round < 3; round++) {
      byte[] r = rsaKey.sign(DATA);
      assertFalse(SignatureAlgorithm.RSA_V1_5_SHA256.verify(rsa.getPublic(), DATA, new byte[7]));
      assertTrue(SignatureAlgorithm.RSA_V1_5_SHA256.verify(rsa.getPublic(), DATA, r));
      byte[] e = edKey.sign(DATA);
      assertTrue(SignatureAlgorithm.ED25519.verify(ed.getPublic(), DATA, e));
      assertArrayEquals(r, rsaKey.sign(DATA));
    }
  }
}
