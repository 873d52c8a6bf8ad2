package org.madani.node.spaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.madani.node.spaces.SpaceCrypto.PostContext;
import org.madani.node.spaces.SpaceCrypto.Sealed;
import org.madani.node.spaces.SpaceCrypto.WrappedKey;

/** The key schedule and post sealing: what opens, and every change that must make it not open. */
class SpaceCryptoTest {

  static final String SPACE = "https://a.test/orgs/sawa/spaces/1";
  static final String A = "https://a.test/orgs/sawa";
  static final String B = "https://b.test/orgs/nour";
  static final String C = "https://c.test/orgs/amal";

  final SecureRandom random = new SecureRandom();
  final SpaceCrypto crypto = new SpaceCrypto(random);
  final Ed25519PrivateKeyParameters signerA = new Ed25519PrivateKeyParameters(random);

  byte[] sign(Ed25519PrivateKeyParameters key, PostContext p, Sealed s) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    byte[] in = SpaceCrypto.signatureInput(p, s);
    signer.update(in, 0, in.length);
    return signer.generateSignature();
  }

  @Test
  void wrappedContentKey_opensOnlyForItsRecipientSpaceAndEpoch() {
    SpaceCrypto.KeyPair b = crypto.newSpaceKey();
    SpaceCrypto.KeyPair c = crypto.newSpaceKey();
    byte[] key = crypto.newContentKey();
    WrappedKey forB = crypto.wrap(key, b.publicKey(), SPACE, 1, B);
    assertThat(SpaceCrypto.unwrap(forB, b, SPACE, 1, B)).isEqualTo(key);
    assertThatThrownBy(() -> SpaceCrypto.unwrap(forB, c, SPACE, 1, B))
        .isInstanceOf(SpaceCryptoException.class);
    assertThatThrownBy(() -> SpaceCrypto.unwrap(forB, b, SPACE, 2, B))
        .isInstanceOf(SpaceCryptoException.class);
    assertThatThrownBy(() -> SpaceCrypto.unwrap(forB, b, SPACE + "x", 1, B))
        .isInstanceOf(SpaceCryptoException.class);
    // a wrap addressed to B does not pass as one addressed to C, even with C's key (aad binds the
    // recipient)
    assertThatThrownBy(() -> SpaceCrypto.unwrap(forB, b, SPACE, 1, C))
        .isInstanceOf(SpaceCryptoException.class);
  }

  @Test
  void post_opensWithItsContext_andTamperedReplayedOrReattributedCopiesAreRefused() {
    byte[] key = crypto.newContentKey();
    PostContext p = new PostContext(SPACE, 1, A, A + "/spaces/posts/1");
    byte[] text = "سري: أسماء الشركاء".getBytes(StandardCharsets.UTF_8);
    Sealed s = crypto.seal(key, p, text);
    byte[] sig = sign(signerA, p, s);
    byte[] pubA = signerA.generatePublicKey().getEncoded();
    assertThat(SpaceCrypto.open(key, p, s)).isEqualTo(text);
    assertThat(SpaceCrypto.verify(pubA, p, s, sig)).isTrue();

    byte[] flipped = s.ciphertext().clone();
    flipped[3] ^= 1;
    Sealed tampered = new Sealed(s.nonce(), flipped);
    assertThatThrownBy(() -> SpaceCrypto.open(key, p, tampered))
        .isInstanceOf(SpaceCryptoException.class);
    assertThat(SpaceCrypto.verify(pubA, p, tampered, sig)).isFalse();

    // replayed under another post id, epoch or space
    for (PostContext replay :
        new PostContext[] {
          new PostContext(SPACE, 1, A, A + "/spaces/posts/2"),
          new PostContext(SPACE, 2, A, p.postId()),
          new PostContext(SPACE + "/other", 1, A, p.postId())
        }) {
      assertThatThrownBy(() -> SpaceCrypto.open(key, replay, s))
          .isInstanceOf(SpaceCryptoException.class);
      assertThat(SpaceCrypto.verify(pubA, replay, s, sig)).isFalse();
    }

    // re-attributed to B: neither the AEAD nor A's signature holds; B's key does not verify A's
    // signature
    PostContext asB = new PostContext(SPACE, 1, B, p.postId());
    assertThatThrownBy(() -> SpaceCrypto.open(key, asB, s))
        .isInstanceOf(SpaceCryptoException.class);
    byte[] pubB = new Ed25519PrivateKeyParameters(random).generatePublicKey().getEncoded();
    assertThat(SpaceCrypto.verify(pubB, p, s, sig)).isFalse();
  }

  @Test
  void newEpoch_wrappedOnlyForRemainingMembers_isOutOfReachOfTheRemovedOne() {
    SpaceCrypto.KeyPair b = crypto.newSpaceKey();
    SpaceCrypto.KeyPair c = crypto.newSpaceKey();
    byte[] epoch1 = crypto.newContentKey();
    WrappedKey c1 = crypto.wrap(epoch1, c.publicKey(), SPACE, 1, C);
    byte[] epoch2 = crypto.newContentKey();
    WrappedKey b2 = crypto.wrap(epoch2, b.publicKey(), SPACE, 2, B);
    PostContext later = new PostContext(SPACE, 2, A, A + "/spaces/posts/9");
    Sealed s = crypto.seal(epoch2, later, "after C left".getBytes(StandardCharsets.UTF_8));
    // C still opens epoch 1, but neither its key nor epoch 1's key reaches epoch 2
    assertThat(SpaceCrypto.unwrap(c1, c, SPACE, 1, C)).isEqualTo(epoch1);
    assertThatThrownBy(() -> SpaceCrypto.unwrap(b2, c, SPACE, 2, B))
        .isInstanceOf(SpaceCryptoException.class);
    assertThatThrownBy(() -> SpaceCrypto.open(epoch1, later, s))
        .isInstanceOf(SpaceCryptoException.class);
    assertThat(SpaceCrypto.open(SpaceCrypto.unwrap(b2, b, SPACE, 2, B), later, s))
        .asString(StandardCharsets.UTF_8)
        .isEqualTo("after C left");
  }
}
