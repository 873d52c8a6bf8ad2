package org.madani.node.federation.sig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.junit.jupiter.api.Test;
import org.madani.node.federation.sig.ProofVerification.Reason;
import org.madani.node.federation.sig.ProofVerification.Rejected;

/**
 * W3C vc-di-eddsa Appendix B.3 (eddsa-jcs-2022), every intermediate value and the exact proofValue.
 */
class EddsaJcs2022VectorTest {

  private static final JsonNode V = ProofVectors.load("w3c/eddsa-jcs-2022-alumni.json");

  private static SigningKey signingKey() throws Exception {
    PrivateKey key =
        ProofVectors.ed25519FromSecretMultibase(V.at("/keyPair/secretKeyMultibase").asText());
    return new SigningKey(
        V.at("/proofOptions/verificationMethod").asText(), SignatureAlgorithm.ED25519, key);
  }

  private static PublicKey publicKey() {
    return Keys.fromMultibase(V.at("/keyPair/publicKeyMultibase").asText());
  }

  private static VerificationKey verificationKey() {
    String vm = V.at("/proofOptions/verificationMethod").asText();
    return VerificationKey.of(
        vm, vm.substring(0, vm.indexOf('#')), publicKey(), SignatureAlgorithm.ED25519);
  }

  @Test
  void secretKeyDerivesThePublishedPublicKey() throws Exception {
    PrivateKey key =
        ProofVectors.ed25519FromSecretMultibase(V.at("/keyPair/secretKeyMultibase").asText());
    Ed25519PrivateKeyParameters params =
        (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(key.getEncoded());
    byte[] spki = new byte[44];
    System.arraycopy(Ed25519Keys.SPKI_PREFIX, 0, spki, 0, 12);
    System.arraycopy(params.generatePublicKey().getEncoded(), 0, spki, 12, 32);
    PublicKey derived =
        KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    assertEquals(V.at("/keyPair/publicKeyMultibase").asText(), Keys.toMultibase(derived));
  }

  @Test
  void intermediateValuesMatch() {
    ObjectNode document = (ObjectNode) V.get("unsecuredDocument");
    ObjectNode config = ((ObjectNode) V.get("proofOptions")).deepCopy();
    config.set("@context", document.get("@context").deepCopy());
    byte[] canonicalDocument = Jcs.canonicalize(document);
    byte[] canonicalConfig = Jcs.canonicalize(config);
    assertEquals(
        V.get("canonicalDocument").asText(), new String(canonicalDocument, StandardCharsets.UTF_8));
    assertEquals(
        V.get("documentHashHex").asText(),
        ProofVectors.hex(EddsaJcs2022.sha256(canonicalDocument)));
    assertEquals(
        V.get("canonicalProofConfig").asText(),
        new String(canonicalConfig, StandardCharsets.UTF_8));
    assertEquals(
        V.get("proofConfigHashHex").asText(),
        ProofVectors.hex(EddsaJcs2022.sha256(canonicalConfig)));
    assertEquals(
        V.get("hashDataHex").asText(), ProofVectors.hex(EddsaJcs2022.hashData(config, document)));
  }

  @Test
  void signingReproducesTheSignatureAndTheSecuredDocument() throws Exception {
    ObjectNode document = (ObjectNode) V.get("unsecuredDocument");
    SigningKey key = signingKey();
    ObjectNode config = ((ObjectNode) V.get("proofOptions")).deepCopy();
    config.set("@context", document.get("@context").deepCopy());
    byte[] signature = key.sign(EddsaJcs2022.hashData(config, document));
    assertEquals(V.get("signatureHex").asText(), ProofVectors.hex(signature));
    assertEquals(V.get("proofValue").asText(), "z" + Base58.encode(signature));

    ObjectNode proof = EddsaJcs2022.createProof(document, (ObjectNode) V.get("proofOptions"), key);
    assertEquals(V.at("/securedDocument/proof"), proof);
    ObjectNode secured = document.deepCopy();
    secured.set("proof", proof);
    assertEquals(V.get("securedDocument"), secured);
  }

  @Test
  void publishedSecuredDocumentVerifies() {
    ObjectNode secured = (ObjectNode) V.get("securedDocument");
    ObjectNode proof = (ObjectNode) secured.get("proof");
    byte[] signature = Base58.decode(proof.get("proofValue").asText().substring(1));
    assertArrayEquals(java.util.HexFormat.of().parseHex(V.get("signatureHex").asText()), signature);
    assertTrue(
        EddsaJcs2022.verifyProof(
            ObjectProofs.unsecured(secured), proof, verificationKey(), signature));

    ObjectNode tampered = ObjectProofs.unsecured(secured);
    ((ObjectNode) tampered.get("credentialSubject")).put("alumniOf", "The School of Examplez");
    assertFalse(EddsaJcs2022.verifyProof(tampered, proof, verificationKey(), signature));
  }

  @Test
  void fep8b32RefusesItForLackOfAnOrigin() {
    // The signature is good, but a did:key controller shares no origin with an urn:uuid object:
    // FEP-8b32 verification adds the origin rule on top of the cryptosuite.
    ProofVerification result =
        ObjectProofs.verify(
            (ObjectNode) V.get("securedDocument"), id -> Optional.of(verificationKey()));
    assertEquals(Reason.ORIGIN_MISMATCH, assertInstanceOf(Rejected.class, result).reason());
  }
}
