package org.madani.node.spaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.madani.node.spaces.SpaceCrypto.PostContext;
import org.madani.node.spaces.SpaceCrypto.Sealed;

/** The receiving side's checks on a post envelope as it comes off the wire. */
class PostCheckTest {

  static final String SPACE =
      "https://a.test/orgs/sawa/spaces/0b6c3a1e-1111-4222-8333-944445555666";
  static final String A = "https://a.test/orgs/sawa";
  static final String B = "https://b.test/orgs/nour";
  final SecureRandom random = new SecureRandom();
  final ObjectMapper json = new ObjectMapper();
  final Ed25519PrivateKeyParameters keyA = new Ed25519PrivateKeyParameters(random);
  final Map<String, byte[]> keysOfA =
      Map.of(A + "#ed25519-1", keyA.generatePublicKey().getEncoded());

  SpaceEnvelope envelope(String postId) {
    PostContext p = new PostContext(SPACE, 1, A, postId);
    Sealed s = new SpaceCrypto(random).seal(new byte[32], p, "نص".getBytes(StandardCharsets.UTF_8));
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, keyA);
    byte[] in = SpaceCrypto.signatureInput(p, s);
    signer.update(in, 0, in.length);
    return new SpaceEnvelope(
        postId,
        SPACE,
        1,
        A,
        s.nonce(),
        s.ciphertext(),
        A + "#ed25519-1",
        signer.generateSignature());
  }

  SpaceEnvelope reparsed(ObjectNode o) {
    return SpaceEnvelope.parse(o).orElseThrow();
  }

  @Test
  void genuine_isAccepted_andEachAlterationIsRefusedForItsReason() {
    SpaceEnvelope e = envelope(A + "/spaces/posts/1");
    assertThat(PostCheck.check(reparsed(e.toJson(json)), A, true, keysOfA))
        .isInstanceOf(PostCheck.Accepted.class);

    ObjectNode tampered = e.toJson(json);
    byte[] ct = e.ciphertext().clone();
    ct[ct.length - 1] ^= 0x40;
    tampered.put("ciphertext", SpaceKeys.encode(ct));
    assertThat(PostCheck.check(reparsed(tampered), A, true, keysOfA))
        .isInstanceOf(PostCheck.Refused.class);

    ObjectNode replayed = e.toJson(json).put("id", A + "/spaces/posts/2");
    assertThat(PostCheck.check(reparsed(replayed), A, true, keysOfA))
        .isInstanceOf(PostCheck.Refused.class);
    ObjectNode otherEpoch = e.toJson(json).put("epoch", 2);
    assertThat(PostCheck.check(reparsed(otherEpoch), A, true, keysOfA))
        .isInstanceOf(PostCheck.Refused.class);

    // re-attribution: B delivers A's post, or claims it as its own
    assertThat(PostCheck.check(e, B, true, keysOfA))
        .isEqualTo(new PostCheck.Refused("the sender is not the post's author"));
    ObjectNode claimed = e.toJson(json).put("attributedTo", B);
    assertThat(PostCheck.check(reparsed(claimed), B, true, keysOfA))
        .isEqualTo(new PostCheck.Refused("the post id is not under its author"));

    assertThat(PostCheck.check(e, A, false, keysOfA))
        .isEqualTo(new PostCheck.Refused("the author is not a member of the space"));
    assertThat(PostCheck.check(e, A, true, Map.of()))
        .isEqualTo(new PostCheck.Refused("the signing key is not one of the author's keys"));
  }

  @Test
  void malformedEnvelopes_doNotParse() {
    ObjectNode good = envelope(A + "/spaces/posts/3").toJson(json);
    assertThat(SpaceEnvelope.parse(good)).isPresent();
    assertThat(SpaceEnvelope.parse(good.deepCopy().put("nonce", SpaceKeys.encode(new byte[8]))))
        .isEmpty();
    assertThat(SpaceEnvelope.parse(good.deepCopy().put("epoch", 0))).isEmpty();
    assertThat(SpaceEnvelope.parse(good.deepCopy().put("signature", "not base64url!"))).isEmpty();
    ObjectNode missing = good.deepCopy();
    missing.remove("signatureKey");
    assertThat(SpaceEnvelope.parse(missing)).isEmpty();
    assertThat(SpaceEnvelope.parse(good.deepCopy().put("type", "Note"))).isEmpty();
  }
}
