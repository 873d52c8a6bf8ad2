package org.madani.node.federation.sig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.madani.node.federation.sig.ProofVerification.Reason;
import org.madani.node.federation.sig.ProofVerification.Rejected;
import org.madani.node.federation.sig.ProofVerification.Verified;

class ObjectProofsTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ORG = "https://a.example/orgs/sahat";
  private static final Instant T = Instant.parse("2025-06-01T12:00:00Z");

  private final Map<String, VerificationKey> published = new HashMap<>();
  private final Function<String, Optional<VerificationKey>> keys =
      id -> Optional.ofNullable(published.get(id));
  private final SigningKey key = key(ORG + "#ed25519-1", ORG);

  private SigningKey key(String keyId, String owner) {
    KeyPair pair = Keys.generateEd25519(RANDOM);
    published.put(
        keyId, VerificationKey.of(keyId, owner, pair.getPublic(), SignatureAlgorithm.ED25519));
    return new SigningKey(keyId, SignatureAlgorithm.ED25519, pair.getPrivate());
  }

  private static ObjectNode event() {
    ObjectNode o = ProofVectors.JSON.createObjectNode();
    o.putArray("@context")
        .add("https://www.w3.org/ns/activitystreams")
        .add("https://madani.network/ns/v1.jsonld");
    o.put("id", ORG + "/entries/1");
    o.put("type", "Event");
    o.put("attributedTo", ORG);
    o.putObject("nameMap").put("ar", "وَرشةُ عَمَلٍ ١٢").put("en", "Workshop 12");
    o.put("startTime", "2026-12-05T10:00:00+03:00");
    o.putObject("location").put("latitude", 37.0662).put("longitude", 37.3833);
    o.putArray("tag").addObject().put("name", "#مجتمع_مدني");
    return o;
  }

  private static Reason reason(ProofVerification v) {
    return assertInstanceOf(Rejected.class, v, v::toString).reason();
  }

  @Test
  void signedObjectVerifiesAndCarriesTheExpectedProof() {
    ObjectNode signed = ObjectProofs.sign(event(), key, Instant.parse("2025-06-01T12:00:00.789Z"));
    JsonNode proof = signed.get("proof");
    assertEquals("DataIntegrityProof", proof.get("type").asText());
    assertEquals("eddsa-jcs-2022", proof.get("cryptosuite").asText());
    assertEquals(key.keyId(), proof.get("verificationMethod").asText());
    assertEquals("assertionMethod", proof.get("proofPurpose").asText());
    assertEquals("2025-06-01T12:00:00Z", proof.get("created").asText());
    assertTrue(proof.get("proofValue").asText().startsWith("z"));
    assertEquals(64, Base58.decode(proof.get("proofValue").asText().substring(1)).length);
    // The Data Integrity context is appended, and the proof carries the document's context.
    assertEquals(ObjectProofs.DATA_INTEGRITY_CONTEXT, signed.get("@context").get(2).asText());
    assertEquals(signed.get("@context"), proof.get("@context"));

    Verified ok = assertInstanceOf(Verified.class, ObjectProofs.verify(signed, keys));
    assertEquals(new Verified(key.keyId(), ORG, T), ok);
  }

  @Test
  void signingDoesNotTouchTheInputAndKeepsAnExistingDataIntegrityContext() {
    ObjectNode input = event();
    ObjectNode before = input.deepCopy();
    ObjectProofs.sign(input, key, T);
    assertEquals(before, input);

    ObjectNode single = event();
    single.put("@context", "https://www.w3.org/ns/activitystreams");
    ObjectNode signed = ObjectProofs.sign(single, key, T);
    assertEquals(2, signed.get("@context").size());
    ObjectNode again = ObjectProofs.sign(ObjectProofs.unsecured(signed), key, T);
    assertEquals(signed.get("@context"), again.get("@context"));
  }

  @Test
  void documentWithoutContextGetsAProofWithout() {
    ObjectNode embedded = event();
    embedded.remove("@context");
    ObjectNode signed = ObjectProofs.sign(embedded, key, T);
    assertFalse(signed.has("@context"));
    assertFalse(signed.get("proof").has("@context"));
    assertTrue(ObjectProofs.verify(signed, keys).isVerified());
  }

  /** Every single-character change in any string, any property name, and any number is caught. */
  @Test
  void anyOneCharacterChangeIsABadSignature() {
    ObjectNode signed = ObjectProofs.sign(event(), key, T);
    List<ObjectNode> variants = new ArrayList<>();
    for (String name : names(signed)) {
      if (!name.equals("proof")) {
        mutate(signed, signed, "", name, variants);
      }
    }
    assertTrue(variants.size() > 300, "variants: " + variants.size());
    for (ObjectNode v : variants) {
      assertEquals(Reason.BAD_SIGNATURE, reason(ObjectProofs.verify(v, keys)), v::toString);
    }
  }

  /**
   * Adds to {@code out} copies of {@code root} with one character changed in the member {@code
   * name} (or array index) of the container at {@code pointer}: in its name, and in its value,
   * recursively.
   */
  private static void mutate(
      ObjectNode root, JsonNode container, String pointer, String name, List<ObjectNode> out) {
    if (container.isObject()) {
      for (int i = 0; i < name.length(); i++) {
        ObjectNode copy = root.deepCopy();
        ObjectNode at = (ObjectNode) copy.at(pointer);
        JsonNode value = at.remove(name);
        at.set(changeAt(name, i), value);
        out.add(copy);
      }
    }
    JsonNode value =
        container.isObject() ? container.get(name) : container.get(Integer.parseInt(name));
    String here = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    if (value.isContainerNode()) {
      List<String> children = value.isObject() ? names(value) : new ArrayList<>();
      for (int i = 0; value.isArray() && i < value.size(); i++) {
        children.add(Integer.toString(i));
      }
      for (String child : children) {
        mutate(root, value, here, child, out);
      }
    } else if (value.isTextual()) {
      for (int i = 0; i < value.asText().length(); i++) {
        out.add(replaced(root, pointer, name, new TextNode(changeAt(value.asText(), i))));
      }
    } else if (value.isNumber()) {
      out.add(replaced(root, pointer, name, DoubleNode.valueOf(Math.nextUp(value.doubleValue()))));
    }
  }

  private static ObjectNode replaced(
      ObjectNode root, String pointer, String name, JsonNode replacement) {
    ObjectNode copy = root.deepCopy();
    JsonNode at = copy.at(pointer);
    if (at.isObject()) {
      ((ObjectNode) at).set(name, replacement);
    } else {
      ((ArrayNode) at).set(Integer.parseInt(name), replacement);
    }
    return copy;
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** {@code s} with the character (or surrogate pair) at {@code i} replaced by another one. */
  private static String changeAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isLowSurrogate(c)) {
      return s; // handled with its high surrogate
    }
    int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
    return s.substring(0, i) + (c == 'x' ? 'y' : 'x') + s.substring(end);
  }

  @Test
  void proofFieldsAreCoveredOrNamed() {
    ObjectNode signed = ObjectProofs.sign(event(), key, T);
    SigningKey other = key(ORG + "#ed25519-2", ORG);
    assertEquals(
        Reason.BAD_SIGNATURE,
        reason(ObjectProofs.verify(withProof(signed, "created", "2025-06-01T12:00:01Z"), keys)));
    assertEquals(
        Reason.BAD_SIGNATURE,
        reason(ObjectProofs.verify(withProof(signed, "verificationMethod", other.keyId()), keys)));
    assertEquals(
        Reason.UNKNOWN_KEY,
        reason(ObjectProofs.verify(withProof(signed, "verificationMethod", ORG + "#nope"), keys)));
    assertEquals(
        Reason.WRONG_PURPOSE,
        reason(ObjectProofs.verify(withProof(signed, "proofPurpose", "authentication"), keys)));
    assertEquals(
        Reason.UNSUPPORTED_SUITE,
        reason(ObjectProofs.verify(withProof(signed, "cryptosuite", "eddsa-rdfc-2022"), keys)));
    assertEquals(
        Reason.UNSUPPORTED_SUITE,
        reason(ObjectProofs.verify(withProof(signed, "type", "Ed25519Signature2020"), keys)));
    assertEquals(
        Reason.MALFORMED,
        reason(ObjectProofs.verify(withProof(signed, "created", "yesterday"), keys)));
    assertEquals(
        Reason.MALFORMED,
        reason(ObjectProofs.verify(withProof(signed, "proofValue", "z0OIl"), keys)));
    assertEquals(
        Reason.MALFORMED,
        reason(ObjectProofs.verify(withProof(signed, "proofValue", "u" + "A".repeat(86)), keys)));
    assertEquals(
        Reason.MALFORMED,
        reason(
            ObjectProofs.verify(
                withProof(signed, "proofValue", "z" + Base58.encode(new byte[63])), keys)));
    String value = signed.get("proof").get("proofValue").asText();
    String flipped =
        value.substring(0, 10) + (value.charAt(10) == 'a' ? 'b' : 'a') + value.substring(11);
    assertEquals(
        Reason.BAD_SIGNATURE,
        reason(ObjectProofs.verify(withProof(signed, "proofValue", flipped), keys)));
    // An extra member in the proof is part of the signed configuration.
    assertEquals(
        Reason.BAD_SIGNATURE,
        reason(ObjectProofs.verify(withProof(signed, "expires", "2030-01-01T00:00:00Z"), keys)));
    assertEquals(
        Reason.MALFORMED,
        reason(ObjectProofs.verify(withProof(signed, "previousProof", "urn:uuid:1"), keys)));

    ObjectNode noCreated = signed.deepCopy();
    ((ObjectNode) noCreated.get("proof")).remove("created");
    assertEquals(Reason.MALFORMED, reason(ObjectProofs.verify(noCreated, keys)));
    ObjectNode notObject = signed.deepCopy();
    notObject.put("proof", "z123");
    assertEquals(Reason.MALFORMED, reason(ObjectProofs.verify(notObject, keys)));
    assertEquals(Reason.MISSING_PROOF, reason(ObjectProofs.verify(event(), keys)));
    ObjectNode emptySet = event();
    emptySet.putArray("proof");
    assertEquals(Reason.MISSING_PROOF, reason(ObjectProofs.verify(emptySet, keys)));
  }

  private static ObjectNode withProof(ObjectNode signed, String field, String value) {
    ObjectNode copy = signed.deepCopy();
    ((ObjectNode) copy.get("proof")).put(field, value);
    return copy;
  }

  @Test
  void linkedDataSignatureIsIgnored() {
    ObjectNode withLd = event();
    withLd.putObject("signature").put("type", "RsaSignature2017").put("signatureValue", "abc");
    ObjectNode signed = ObjectProofs.sign(withLd, key, T);
    assertFalse(signed.has("signature"));
    ObjectNode laterLd = signed.deepCopy();
    laterLd.putObject("signature").put("type", "RsaSignature2017").put("signatureValue", "def");
    assertTrue(ObjectProofs.verify(laterLd, keys).isVerified());
    ObjectNode plainMember = signed.deepCopy();
    plainMember.put("signature", "a member that is not an LD signature is content");
    assertEquals(Reason.BAD_SIGNATURE, reason(ObjectProofs.verify(plainMember, keys)));
  }

  @Test
  void contextsMayBeAppendedButNotChanged() {
    ObjectNode signed = ObjectProofs.sign(event(), key, T);
    ObjectNode appended = signed.deepCopy();
    ((ArrayNode) appended.get("@context")).add("https://example.org/more/v1");
    assertTrue(ObjectProofs.verify(appended, keys).isVerified());
    ObjectNode replaced = signed.deepCopy();
    ((ArrayNode) replaced.get("@context"))
        .set(1, new TextNode("https://madani.network/ns/v2.jsonld"));
    assertEquals(Reason.BAD_SIGNATURE, reason(ObjectProofs.verify(replaced, keys)));
    ObjectNode dropped = signed.deepCopy();
    dropped.remove("@context");
    assertEquals(Reason.BAD_SIGNATURE, reason(ObjectProofs.verify(dropped, keys)));
  }

  @Test
  void originRule() {
    SigningKey mallory =
        key("https://evil.example/orgs/m#ed25519-1", "https://evil.example/orgs/m");
    assertEquals(
        Reason.ORIGIN_MISMATCH,
        reason(ObjectProofs.verify(ObjectProofs.sign(event(), mallory, T), keys)));

    // The key's owner is right but the key document lives elsewhere.
    SigningKey stray = key("https://keys.example/k#1", ORG);
    assertEquals(
        Reason.ORIGIN_MISMATCH,
        reason(ObjectProofs.verify(ObjectProofs.sign(event(), stray, T), keys)));

    // id on our origin but attributedTo elsewhere: every present subject must match.
    ObjectNode foreignAuthor = event();
    foreignAuthor.put("attributedTo", "https://evil.example/orgs/m");
    assertEquals(
        Reason.ORIGIN_MISMATCH,
        reason(ObjectProofs.verify(ObjectProofs.sign(foreignAuthor, key, T), keys)));

    // Nothing to bind the key to.
    ObjectNode anonymous = event();
    anonymous.remove("id");
    anonymous.remove("attributedTo");
    assertEquals(
        Reason.ORIGIN_MISMATCH,
        reason(ObjectProofs.verify(ObjectProofs.sign(anonymous, key, T), keys)));

    // Origins compare case-insensitively in the host and with default ports elided.
    ObjectNode spelled = event();
    spelled.put("id", "HTTPS://A.EXAMPLE:443/orgs/sahat/entries/1");
    assertTrue(ObjectProofs.verify(ObjectProofs.sign(spelled, key, T), keys).isVerified());
    ObjectNode otherPort = event();
    otherPort.put("id", "https://a.example:8443/orgs/sahat/entries/1");
    assertEquals(
        Reason.ORIGIN_MISMATCH,
        reason(ObjectProofs.verify(ObjectProofs.sign(otherPort, key, T), keys)));
  }

  @Test
  void keyValidityBounds() {
    ObjectNode signed = ObjectProofs.sign(event(), key, T);
    assertTrue(
        ObjectProofs.verify(signed, keys, id -> Optional.of(KeyStatus.active())).isVerified());
    assertTrue(
        ObjectProofs.verify(signed, keys, id -> Optional.of(KeyStatus.revoked(T.plusSeconds(1))))
            .isVerified());
    assertEquals(
        Reason.KEY_REVOKED,
        reason(ObjectProofs.verify(signed, keys, id -> Optional.of(KeyStatus.revoked(T)))));
    assertEquals(
        Reason.KEY_REVOKED,
        reason(
            ObjectProofs.verify(
                signed, keys, id -> Optional.of(KeyStatus.revoked(T.minusSeconds(3600))))));
    assertEquals(
        Reason.KEY_NOT_YET_VALID,
        reason(
            ObjectProofs.verify(
                signed,
                keys,
                id ->
                    Optional.of(new KeyStatus(Optional.of(T.plusSeconds(1)), Optional.empty())))));
    assertTrue(
        ObjectProofs.verify(
                signed, keys, id -> Optional.of(new KeyStatus(Optional.of(T), Optional.empty())))
            .isVerified());
    assertThrows(
        IllegalArgumentException.class,
        () -> new KeyStatus(Optional.of(T), Optional.of(T.minusSeconds(1))));
  }

  @Test
  void proofSets() {
    SigningKey second = key(ORG + "#ed25519-2", ORG);
    ObjectNode both = ObjectProofs.sign(ObjectProofs.sign(event(), key, T), second, T);
    assertEquals(2, both.get("proof").size());
    for (JsonNode p : both.get("proof")) {
      ObjectNode alone = both.deepCopy();
      alone.set("proof", p.deepCopy());
      assertTrue(
          ObjectProofs.verify(alone, keys).isVerified(), "each proof of a set verifies on its own");
    }
    ObjectNode firstBroken = both.deepCopy();
    ((ObjectNode) firstBroken.get("proof").get(0)).put("created", "2020-01-01T00:00:00Z");
    assertEquals(
        second.keyId(),
        assertInstanceOf(Verified.class, ObjectProofs.verify(firstBroken, keys)).keyId());

    // None verifies: the answer is the meaningful rejection, not "unknown key".
    ObjectNode unknownAndBroken = firstBroken.deepCopy();
    ((ObjectNode) unknownAndBroken.get("proof").get(1)).put("verificationMethod", ORG + "#gone");
    assertEquals(Reason.BAD_SIGNATURE, reason(ObjectProofs.verify(unknownAndBroken, keys)));
    published.remove(key.keyId());
    published.remove(second.keyId());
    assertEquals(Reason.UNKNOWN_KEY, reason(ObjectProofs.verify(both, keys)));
  }

  @Test
  void embeddedObjectsVerifyIndependently() {
    ObjectNode event = ObjectProofs.sign(event(), key, T);
    ObjectNode create = ProofVectors.JSON.createObjectNode();
    create.putArray("@context").add("https://www.w3.org/ns/activitystreams");
    create.put("id", ORG + "/activities/1");
    create.put("type", "Create");
    create.put("actor", ORG);
    create.set("object", event);
    ObjectNode signed = ObjectProofs.sign(create, key, T);

    ActivityVerification both =
        ObjectProofs.verifyWithEmbedded(signed, keys, id -> Optional.empty());
    assertTrue(both.activity().isVerified());
    assertTrue(both.object().orElseThrow().isVerified());

    // The outer proof covers the inner proof: dropping the inner proof breaks the activity only.
    ObjectNode stripped = signed.deepCopy();
    ((ObjectNode) stripped.get("object")).remove("proof");
    ActivityVerification s =
        ObjectProofs.verifyWithEmbedded(stripped, keys, id -> Optional.empty());
    assertEquals(Reason.BAD_SIGNATURE, reason(s.activity()));
    assertTrue(s.object().isEmpty());

    // An unsigned activity wrapping a signed object (a relay's Announce, say): only the object
    // verifies.
    ObjectNode relayed = create.deepCopy();
    ActivityVerification r = ObjectProofs.verifyWithEmbedded(relayed, keys, id -> Optional.empty());
    assertEquals(Reason.MISSING_PROOF, reason(r.activity()));
    assertTrue(r.object().orElseThrow().isVerified());

    // A link, not an embedded object.
    ObjectNode link = create.deepCopy();
    link.put("object", ORG + "/entries/1");
    assertTrue(
        ObjectProofs.verifyWithEmbedded(
                ObjectProofs.sign(link, key, T), keys, id -> Optional.empty())
            .object()
            .isEmpty());
  }

  @Test
  void keysThatCannotSignOrVerifyEddsa() {
    KeyPair rsa = Keys.generateRsa2048(RANDOM);
    SigningKey rsaKey =
        new SigningKey(ORG + "#main-key", SignatureAlgorithm.RSA_V1_5_SHA256, rsa.getPrivate());
    assertThrows(IllegalArgumentException.class, () -> ObjectProofs.sign(event(), rsaKey, T));

    ObjectNode signed = ObjectProofs.sign(event(), key, T);
    Function<String, Optional<VerificationKey>> rsaOnly =
        id ->
            Optional.of(
                VerificationKey.of(id, ORG, rsa.getPublic(), SignatureAlgorithm.RSA_V1_5_SHA256));
    assertEquals(Reason.UNSUPPORTED_SUITE, reason(ObjectProofs.verify(signed, rsaOnly)));
  }

  @Test
  void uncanonicalizableDocumentsAreMalformed() {
    ObjectNode lone = event();
    lone.put("summary", "bad \uD800 text");
    ObjectNode signedLone = ObjectProofs.sign(event(), key, T);
    signedLone.put("summary", "bad \uD800 text");
    assertEquals(Reason.MALFORMED, reason(ObjectProofs.verify(signedLone, keys)));
    assertThrows(IllegalArgumentException.class, () -> ObjectProofs.sign(lone, key, T));
    ObjectNode huge = event();
    huge.put("n", new BigDecimal("1e400"));
    assertThrows(IllegalArgumentException.class, () -> ObjectProofs.sign(huge, key, T));
  }
}
