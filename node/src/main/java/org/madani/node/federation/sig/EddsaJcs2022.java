package org.madani.node.federation.sig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The {@code eddsa-jcs-2022} cryptosuite of W3C "Data Integrity EdDSA Cryptosuites v1.0" (REC
 * 2025-05-15, §3.3): JCS (RFC 8785) canonicalization, SHA-256, Ed25519, proof value as multibase
 * base58btc. Only the suite's algorithms live here; the FEP-8b32 rules (purpose, key owner, origin)
 * are in {@link ObjectProofs}.
 *
 * <p>Stateless and thread-safe.
 */
final class EddsaJcs2022 {

  static final String PROOF_TYPE = "DataIntegrityProof";
  static final String CRYPTOSUITE = "eddsa-jcs-2022";

  private EddsaJcs2022() {}

  /**
   * §3.3.1 Create Proof: the proof options plus, when the document has one, the document's
   * {@code @context} (step 2), plus {@code proofValue}.
   *
   * @param unsecuredDocument the document without {@code proof}
   * @param options type, cryptosuite, verificationMethod, proofPurpose, created
   */
  static ObjectNode createProof(ObjectNode unsecuredDocument, ObjectNode options, SigningKey key) {
    if (key.algorithm() != SignatureAlgorithm.ED25519) {
      throw new IllegalArgumentException(
          CRYPTOSUITE + " signs with Ed25519 only, not " + key.algorithm().wireName());
    }
    ObjectNode proof = options.deepCopy();
    JsonNode context = unsecuredDocument.get("@context");
    if (context != null) {
      // The document's own node while hashing, so that it is canonicalized once for both; the
      // proof then keeps a copy of its own.
      proof.set("@context", context);
    }
    byte[] signature = key.sign(hashData(proof, unsecuredDocument));
    if (context != null) {
      proof.set("@context", context.deepCopy());
    }
    proof.put("proofValue", "z" + Base58.encode(signature));
    return proof;
  }

  /**
   * §3.3.2 Verify Proof for one proof over {@code unsecuredDocument} (the document with its whole
   * {@code proof} member removed). The caller has checked type, cryptosuite and that the key is
   * Ed25519; this checks the {@code @context} prefix rule (step 4) and the signature.
   */
  static boolean verifyProof(
      ObjectNode unsecuredDocument, ObjectNode proof, VerificationKey key, byte[] signature) {
    ObjectNode options = proof.deepCopy();
    options.remove("proofValue");
    ObjectNode document = unsecuredDocument;
    if (options.has("@context")) {
      // Step 4: contexts appended after signing (another proof's) are allowed; anything else
      // changed in the document's context means it is not the signed document.
      if (!startsWith(unsecuredDocument.get("@context"), options.get("@context"))) {
        return false;
      }
      document = ObjectProofs.shallowCopy(unsecuredDocument);
      document.set("@context", options.get("@context"));
    }
    return key.verify(SignatureAlgorithm.ED25519, hashData(options, document), signature);
  }

  /** §3.3.4: SHA-256(JCS(proof configuration)) followed by SHA-256(JCS(document)); 64 bytes. */
  static byte[] hashData(ObjectNode proofConfig, ObjectNode unsecuredDocument) {
    // Both carry the same @context node when the caller made them so (createProof, verifyProof):
    // it is then canonicalized once.
    byte[][] canonical = Jcs.canonicalizeSharingContext(proofConfig, unsecuredDocument);
    byte[] config = sha256(canonical[0]);
    byte[] document = sha256(canonical[1]);
    byte[] out = Arrays.copyOf(config, 64);
    System.arraycopy(document, 0, out, 32, 32);
    return out;
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Whether {@code context} (string or array) begins with all of {@code prefix}'s values, in order.
   */
  static boolean startsWith(JsonNode context, JsonNode prefix) {
    if (context == null) {
      return false;
    }
    JsonNode[] whole = values(context);
    JsonNode[] head = values(prefix);
    if (head.length > whole.length) {
      return false;
    }
    for (int i = 0; i < head.length; i++) {
      if (!head[i].equals(whole[i])) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode[] values(JsonNode context) {
    if (!context.isArray()) {
      return new JsonNode[] {context};
    }
    JsonNode[] out = new JsonNode[context.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = context.get(i);
    }
    return out;
  }
}
