package org.madani.node.federation.sig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;

/** Loads the object-proofs vectors from the classpath, as packaged by protocol-spec. */
final class ProofVectors {

  static final String ROOT = "/protocol-spec/vectors/object-proofs/";
  static final ObjectMapper JSON = new ObjectMapper();

  private ProofVectors() {}

  static JsonNode load(String path) {
    try (InputStream in = ProofVectors.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IllegalStateException("vector not on classpath: " + ROOT + path);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The case files under {@code dir} named by the top-level index.json. */
  static List<String> list(String dir) {
    List<String> names = new ArrayList<>();
    load("index.json")
        .get("files")
        .forEach(
            n -> {
              if (n.asText().startsWith(dir + "/")) {
                names.add(n.asText());
              }
            });
    if (names.isEmpty()) {
      throw new IllegalStateException("index.json lists nothing under " + dir);
    }
    return names;
  }

  /** Verification keys from a keys.json {"keys": {id: {ownerId, publicKeyMultibase, ...}}}. */
  static Function<String, Optional<VerificationKey>> keys(JsonNode keysFile) {
    JsonNode keys = keysFile.get("keys");
    return keyId ->
        Optional.ofNullable(keys.get(keyId))
            .map(
                k ->
                    VerificationKey.of(
                        keyId,
                        k.get("ownerId").asText(),
                        Keys.fromMultibase(k.get("publicKeyMultibase").asText()),
                        SignatureAlgorithm.ED25519));
  }

  /**
   * Key validity bounds from the same file ({@code validFrom}, {@code revokedAt}, both optional).
   */
  static Function<String, Optional<KeyStatus>> statuses(JsonNode keysFile) {
    JsonNode keys = keysFile.get("keys");
    return keyId ->
        Optional.ofNullable(keys.get(keyId))
            .map(
                k ->
                    new KeyStatus(
                        Optional.ofNullable(k.get("validFrom")).map(v -> Instant.parse(v.asText())),
                        Optional.ofNullable(k.get("revokedAt"))
                            .map(v -> Instant.parse(v.asText()))));
  }

  static SigningKey signingKey(JsonNode keysFile, String keyId) {
    JsonNode k = keysFile.get("keys").get(keyId);
    return new SigningKey(
        keyId, SignatureAlgorithm.ED25519, Keys.privateKeyFromPem(k.get("privateKeyPem").asText()));
  }

  /**
   * An Ed25519 private key from a Multikey {@code secretKeyMultibase}: base58btc of the {@code
   * ed25519-priv} multicodec (0x1300, varint 0x80 0x26) and the 32-byte seed.
   */
  static PrivateKey ed25519FromSecretMultibase(String multibase) throws Exception {
    byte[] decoded = Base58.decode(multibase.substring(1));
    if (multibase.charAt(0) != 'z'
        || decoded.length != 34
        || (decoded[0] & 0xff) != 0x80
        || decoded[1] != 0x26) {
      throw new IllegalArgumentException("not an ed25519-priv multikey");
    }
    Ed25519PrivateKeyParameters params = new Ed25519PrivateKeyParameters(decoded, 2);
    byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(params).getEncoded();
    return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
