package org.madani.node.spaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.spaces.SpaceCrypto.PostContext;
import org.madani.node.spaces.SpaceCrypto.Sealed;

/**
 * The other direction of the vectors: wraps and posts made now by the node's {@link SpaceCrypto}
 * (fresh random keys) are checked by protocol-spec/tools/spaces_vectors.py, whose HPKE is composed
 * from Python's primitives. Python 3 with the {@code cryptography} package is required ({@code
 * .ci/run} installs it); the test fails rather than skips without it.
 */
class PythonCrossCheckTest {

  static final Path SCRIPT = Path.of("..", "protocol-spec", "tools", "spaces_vectors.py");
  static final HexFormat HEX = HexFormat.of();
  @TempDir Path dir;
  final SecureRandom random = new SecureRandom();
  final SpaceCrypto crypto = new SpaceCrypto(random);
  final ObjectMapper json = new ObjectMapper();

  byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  ObjectNode made() {
    String space = "https://a.test/orgs/sawa/spaces/" + java.util.UUID.randomUUID();
    String author = "https://b.test/orgs/nour";
    ObjectNode v = json.createObjectNode();
    v.putObject("suite").put("mode", 0).put("kem", 0x20).put("kdf", 1).put("aead", 2);
    ArrayNode wraps = v.putArray("wraps");
    for (int epoch = 1; epoch <= 2; epoch++) {
      SpaceCrypto.KeyPair r = crypto.newSpaceKey();
      byte[] content = crypto.newContentKey();
      byte[] eph = randomBytes(32);
      String to = "https://c.test/orgs/amal" + epoch;
      SpaceCrypto.WrappedKey w = SpaceCrypto.wrap(content, r.publicKey(), space, epoch, to, eph);
      wraps
          .addObject()
          .put("spaceId", space)
          .put("epoch", epoch)
          .put("recipient", to)
          .put("recipientPrivate", HEX.formatHex(r.privateKey()))
          .put("recipientPublic", HEX.formatHex(r.publicKey()))
          .put("ephemeralPrivate", HEX.formatHex(eph))
          .put("contentKey", HEX.formatHex(content))
          .put("info", HEX.formatHex(SpaceCrypto.wrapInfo(space, epoch)))
          .put("aad", HEX.formatHex(SpaceCrypto.wrapAad(to)))
          .put("enc", HEX.formatHex(w.enc()))
          .put("ciphertext", HEX.formatHex(w.ciphertext()));
    }
    Ed25519PrivateKeyParameters signer = new Ed25519PrivateKeyParameters(random);
    PostContext p =
        new PostContext(space, 3, author, author + "/spaces/posts/" + java.util.UUID.randomUUID());
    byte[] key = crypto.newContentKey();
    String text = "{\"content\":\"تقرير سري — made by the node\"}";
    Sealed s = crypto.seal(key, p, text.getBytes(StandardCharsets.UTF_8));
    byte[] input = SpaceCrypto.signatureInput(p, s);
    Ed25519Signer sig = new Ed25519Signer();
    sig.init(true, signer);
    sig.update(input, 0, input.length);
    v.putArray("posts")
        .addObject()
        .put("spaceId", space)
        .put("epoch", 3)
        .put("author", author)
        .put("postId", p.postId())
        .put("contentKey", HEX.formatHex(key))
        .put("nonce", HEX.formatHex(s.nonce()))
        .put("plaintext", text)
        .put("aad", HEX.formatHex(SpaceCrypto.postAad(p)))
        .put("ciphertext", HEX.formatHex(s.ciphertext()))
        .put("authorPublic", HEX.formatHex(signer.generatePublicKey().getEncoded()))
        .put("signatureInput", HEX.formatHex(input))
        .put("signature", HEX.formatHex(sig.generateSignature()));
    ArrayNode refusals = v.putArray("refusals");
    refusals.addObject().put("post", 0).put("change", "epoch").put("value", 4);
    refusals
        .addObject()
        .put("post", 0)
        .put("change", "author")
        .put("value", "https://a.test/orgs/sawa");
    refusals.addObject().put("post", 0).put("change", "ciphertextBit").put("value", 5);
    return v;
  }

  int python(ObjectNode vectors) throws Exception {
    Path file = dir.resolve("made-" + System.nanoTime() + ".json");
    Files.writeString(file, vectors.toString());
    Process p =
        new ProcessBuilder("python3", SCRIPT.toString(), "verify", file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    System.out.println(out);
    return p.exitValue();
  }

  @Test
  void nodeMadeWrapsAndPosts_verifyInTheIndependentPythonImplementation() throws Exception {
    assertThat(Files.isRegularFile(SCRIPT)).isTrue();
    assertThat(python(made())).isZero();
  }

  @Test
  void aChangedByte_failsThere() throws Exception {
    ObjectNode v = made();
    ObjectNode w = (ObjectNode) v.get("wraps").get(0);
    byte[] ct = HEX.parseHex(w.get("ciphertext").asText());
    ct[0] ^= 1;
    w.put("ciphertext", HEX.formatHex(ct));
    assertThat(python(v)).isEqualTo(1);
  }
}
