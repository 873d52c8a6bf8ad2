package org.madani.node.spaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.hpke.HPKEContext;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.madani.node.spaces.SpaceCrypto.PostContext;
import org.madani.node.spaces.SpaceCrypto.Sealed;
import org.madani.node.spaces.SpaceCrypto.WrappedKey;

/**
 * protocol-spec/vectors/spaces/spaces-v1.json, made outside the node by
 * protocol-spec/tools/spaces_vectors.py (Python cryptography, HPKE composed by hand). Checked
 * twice: with Bouncy Castle's primitives called directly (HPKE, AES-GCM, Ed25519 — none of the
 * node's classes in the HPKE and AEAD steps), and with the node's {@link SpaceCrypto}, which must
 * reproduce every wrapped key and ciphertext byte for byte from the same ephemeral keys and nonces.
 */
class SpaceVectorsTest {

  static final HexFormat HEX = HexFormat.of();
  static JsonNode vectors;

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in =
        SpaceVectorsTest.class.getResourceAsStream(
            "/protocol-spec/vectors/spaces/spaces-v1.json")) {
      assertThat(in).as("vectors on the classpath").isNotNull();
      vectors = new ObjectMapper().readTree(in);
    }
    assertThat(vectors.path("wraps").size()).isGreaterThanOrEqualTo(5);
    assertThat(vectors.path("posts").size()).isGreaterThanOrEqualTo(3);
  }

  static byte[] hex(JsonNode v, String field) {
    return HEX.parseHex(v.path(field).asText());
  }

  static byte[] lp(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[b.length + 2];
    out[0] = (byte) (b.length >>> 8);
    out[1] = (byte) b.length;
    System.arraycopy(b, 0, out, 2, b.length);
    return out;
  }

  static byte[] gcmOpen(byte[] key, byte[] nonce, byte[] aad, byte[] ct)
      throws InvalidCipherTextException {
    GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
    gcm.init(false, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
    byte[] out = new byte[gcm.getOutputSize(ct.length)];
    int n = gcm.processBytes(ct, 0, ct.length, out, 0);
    gcm.doFinal(out, n);
    return out;
  }

  @Test
  void wrappedKeys_openWithBouncyCastleHpkeDirectly() throws Exception {
    JsonNode suite = vectors.path("suite");
    HPKE hpke =
        new HPKE(
            (byte) suite.path("mode").asInt(),
            (short) suite.path("kem").asInt(),
            (short) suite.path("kdf").asInt(),
            (short) suite.path("aead").asInt());
    for (JsonNode w : vectors.path("wraps")) {
      X25519PrivateKeyParameters sk = new X25519PrivateKeyParameters(hex(w, "recipientPrivate"), 0);
      assertThat(sk.generatePublicKey().getEncoded()).isEqualTo(hex(w, "recipientPublic"));
      HPKEContext ctx =
          hpke.setupBaseR(
              hex(w, "enc"),
              new AsymmetricCipherKeyPair(sk.generatePublicKey(), sk),
              hex(w, "info"));
      assertThat(ctx.open(hex(w, "aad"), hex(w, "ciphertext"))).isEqualTo(hex(w, "contentKey"));
      assertThat(hex(w, "aad")).isEqualTo(lp(w.path("recipient").asText()));
    }
  }

  @Test
  void posts_openAndVerifyWithBouncyCastleGcmAndEd25519Directly() throws Exception {
    for (JsonNode p : vectors.path("posts")) {
      byte[] pt =
          gcmOpen(hex(p, "contentKey"), hex(p, "nonce"), hex(p, "aad"), hex(p, "ciphertext"));
      assertThat(new String(pt, StandardCharsets.UTF_8)).isEqualTo(p.path("plaintext").asText());
      Ed25519Signer v = new Ed25519Signer();
      v.init(false, new Ed25519PublicKeyParameters(hex(p, "authorPublic"), 0));
      byte[] in = hex(p, "signatureInput");
      v.update(in, 0, in.length);
      assertThat(v.verifySignature(hex(p, "signature"))).isTrue();
    }
  }

  @Test
  void nodeImplementation_reproducesEveryVectorByteForByte() {
    for (JsonNode w : vectors.path("wraps")) {
      String space = w.path("spaceId").asText();
      int epoch = w.path("epoch").asInt();
      String to = w.path("recipient").asText();
      assertThat(SpaceCrypto.wrapInfo(space, epoch)).isEqualTo(hex(w, "info"));
      WrappedKey made =
          SpaceCrypto.wrap(
              hex(w, "contentKey"),
              hex(w, "recipientPublic"),
              space,
              epoch,
              to,
              hex(w, "ephemeralPrivate"));
      assertThat(made.enc()).isEqualTo(hex(w, "enc"));
      assertThat(made.ciphertext()).isEqualTo(hex(w, "ciphertext"));
      assertThat(
              SpaceCrypto.unwrap(
                  made, SpaceCrypto.keyPair(hex(w, "recipientPrivate")), space, epoch, to))
          .isEqualTo(hex(w, "contentKey"));
    }
    for (JsonNode p : vectors.path("posts")) {
      PostContext ctx = context(p);
      assertThat(SpaceCrypto.postAad(ctx)).isEqualTo(hex(p, "aad"));
      Sealed s =
          SpaceCrypto.seal(
              hex(p, "contentKey"),
              ctx,
              p.path("plaintext").asText().getBytes(StandardCharsets.UTF_8),
              hex(p, "nonce"));
      assertThat(s.ciphertext()).isEqualTo(hex(p, "ciphertext"));
      assertThat(SpaceCrypto.signatureInput(ctx, s)).isEqualTo(hex(p, "signatureInput"));
      assertThat(SpaceCrypto.verify(hex(p, "authorPublic"), ctx, s, hex(p, "signature"))).isTrue();
    }
  }

  @Test
  void refusalVectors_doNotOpen() {
    for (JsonNode r : vectors.path("refusals")) {
      JsonNode p = vectors.path("posts").get(r.path("post").asInt());
      PostContext ctx = context(p);
      byte[] ct = hex(p, "ciphertext");
      switch (r.path("change").asText()) {
        case "epoch" ->
            ctx =
                new PostContext(ctx.spaceId(), r.path("value").asInt(), ctx.author(), ctx.postId());
        case "author" ->
            ctx =
                new PostContext(ctx.spaceId(), ctx.epoch(), r.path("value").asText(), ctx.postId());
        case "spaceId" ->
            ctx =
                new PostContext(r.path("value").asText(), ctx.epoch(), ctx.author(), ctx.postId());
        case "postId" ->
            ctx =
                new PostContext(ctx.spaceId(), ctx.epoch(), ctx.author(), r.path("value").asText());
        case "ciphertextBit" -> ct[r.path("value").asInt()] ^= 1;
        default -> throw new AssertionError("unknown change " + r);
      }
      PostContext changed = ctx;
      Sealed s = new Sealed(hex(p, "nonce"), ct);
      assertThatThrownBy(() -> SpaceCrypto.open(hex(p, "contentKey"), changed, s))
          .as(r.toString())
          .isInstanceOf(SpaceCryptoException.class);
      assertThat(SpaceCrypto.verify(hex(p, "authorPublic"), changed, s, hex(p, "signature")))
          .as(r.toString())
          .isFalse();
    }
  }

  static PostContext context(JsonNode p) {
    return new PostContext(
        p.path("spaceId").asText(),
        p.path("epoch").asInt(),
        p.path("author").asText(),
        p.path("postId").asText());
  }
}
