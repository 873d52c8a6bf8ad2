package org.madani.node.federation.sig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes protocol-spec/vectors/object-proofs/madani and the directory's index.json. Runs only when
 * asked: {@code mvn -pl node surefire:test -Dtest=ObjectProofVectorGenerator
 * -Dmadani.writeObjectProofVectors=<absolute path of protocol-spec/vectors/object-proofs>}. Keys
 * are generated once and then read back from madani/keys.json, so regenerating keeps them (and,
 * Ed25519 being deterministic, reproduces every file). The committed files are the source of truth.
 */
@EnabledIfSystemProperty(named = "madani.writeObjectProofVectors", matches = ".+")
class ObjectProofVectorGenerator {

  static final String AS = "https://www.w3.org/ns/activitystreams";
  static final String ACTOR = "https://a.example/orgs/sahat";
  static final String KEY = ACTOR + "#ed25519-1";
  static final String OLD_KEY = ACTOR + "#ed25519-0";
  static final String MALLORY = "https://evil.example/orgs/mallory";
  static final String MALLORY_KEY = MALLORY + "#ed25519-1";
  static final Instant VALID_FROM = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant OLD_KEY_REVOKED = Instant.parse("2025-05-01T00:00:00Z");
  static final Instant CREATED = Instant.parse("2025-06-01T12:00:00Z");

  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Test
  void write() throws IOException {
    Path root = Path.of(System.getProperty("madani.writeObjectProofVectors"));
    Path dir = root.resolve("madani");
    Files.createDirectories(dir);
    Path keysFile = dir.resolve("keys.json");
    if (!Files.exists(keysFile)) {
      writeKeys(keysFile);
    }
    JsonNode keys = json.readTree(keysFile.toFile());
    SigningKey key = ProofVectors.signingKey(keys, KEY);
    SigningKey oldKey = ProofVectors.signingKey(keys, OLD_KEY);
    SigningKey mallory = ProofVectors.signingKey(keys, MALLORY_KEY);

    ObjectNode event = ObjectProofs.sign(event(), key, CREATED);
    write(
        dir,
        "event-valid",
        "An Event entry (Arabic+English language maps) signed by its organization's Ed25519 key.",
        event,
        "valid");

    ObjectNode create = create(event);
    ObjectNode signedCreate = ObjectProofs.sign(create, key, CREATED);
    ObjectNode c =
        vector(
            "create-event-valid",
            "Create(Event): the activity's proof covers the whole activity, the embedded Event and its proof "
                + "included; the Event's own proof covers the Event alone and verifies when the Event is relayed "
                + "without the activity.",
            signedCreate,
            "valid");
    c.put("expectedObject", "valid");
    write(dir, c);

    ObjectNode tamperedContent = event.deepCopy();
    ObjectNode nameMap = (ObjectNode) tamperedContent.get("nameMap");
    nameMap.put("ar", nameMap.get("ar").asText().replaceFirst("ز", "ر"));
    write(
        dir,
        "event-tampered-content",
        "One Arabic letter changed in nameMap.ar (ز to ر) after signing.",
        tamperedContent,
        "BAD_SIGNATURE");

    ObjectNode tamperedCreated = event.deepCopy();
    ((ObjectNode) tamperedCreated.get("proof")).put("created", "2025-06-01T12:00:01Z");
    write(
        dir,
        "event-tampered-created",
        "The proof's created moved by one second: the proof configuration is signed too.",
        tamperedCreated,
        "BAD_SIGNATURE");

    ObjectNode swapped = event.deepCopy();
    ((ObjectNode) swapped.get("proof")).put("verificationMethod", OLD_KEY);
    write(
        dir,
        "event-swapped-verification-method",
        "verificationMethod replaced by another (known) key of the same organization.",
        swapped,
        "BAD_SIGNATURE");

    ObjectNode purpose = event.deepCopy();
    ((ObjectNode) purpose.get("proof")).put("proofPurpose", "authentication");
    write(
        dir,
        "event-wrong-purpose",
        "proofPurpose authentication; FEP-8b32 requires assertionMethod.",
        purpose,
        "WRONG_PURPOSE");

    ObjectNode suite = event.deepCopy();
    ((ObjectNode) suite.get("proof")).put("cryptosuite", "eddsa-rdfc-2022");
    write(
        dir,
        "event-unsupported-cryptosuite",
        "cryptosuite eddsa-rdfc-2022 (RDF canonicalization), which we do not implement.",
        suite,
        "UNSUPPORTED_SUITE");

    write(
        dir,
        "event-key-from-other-origin",
        "A correct signature by a key of https://evil.example over an Event whose id and attributedTo are on "
            + "https://a.example (FEP-fe34 origin rule).",
        ObjectProofs.sign(event(), mallory, CREATED),
        "ORIGIN_MISMATCH");

    write(
        dir,
        "event-signed-after-revocation",
        "Signed with "
            + OLD_KEY
            + " (revokedAt "
            + OLD_KEY_REVOKED
            + " in keys.json) with created after the revocation.",
        ObjectProofs.sign(event(), oldKey, CREATED),
        "KEY_REVOKED");

    write(
        dir,
        "event-signed-before-revocation",
        "Signed with " + OLD_KEY + " before its revocation: an old relayed copy stays valid.",
        ObjectProofs.sign(event(), oldKey, Instant.parse("2025-04-01T08:30:00Z")),
        "valid");

    ObjectNode set = ObjectProofs.sign(ObjectProofs.sign(event(), mallory, CREATED), key, CREATED);
    write(
        dir,
        "event-proof-set",
        "Two proofs (a proof set): one by a key of another origin, one valid. Verified because one proof verifies.",
        set,
        "valid");

    ObjectNode tamperedEmbedded = signedCreate.deepCopy();
    ObjectNode object = (ObjectNode) tamperedEmbedded.get("object");
    object.put("startTime", object.get("startTime").asText().replace("10:00", "11:00"));
    ObjectNode t =
        vector(
            "create-event-tampered-embedded",
            "The embedded Event's startTime changed after both proofs were made: both the activity's and the Event's "
                + "proof fail.",
            tamperedEmbedded,
            "BAD_SIGNATURE");
    t.putObject("expectedObject").put("rejected", "BAD_SIGNATURE");
    write(dir, t);

    write(dir, "event-missing-proof", "The Event without any proof.", event(), "MISSING_PROOF");

    writeIndex(root);
  }

  private ObjectNode event() {
    ObjectNode o = json.createObjectNode();
    o.set("@context", org.madani.node.federation.EmittedContexts.object());
    String id = ACTOR + "/entries/01JX8Q3V7K";
    o.put("id", id);
    o.put("type", "Event");
    o.put("kind", "event");
    o.put("attributedTo", ACTOR);
    o.put("name", "لقاء المنظمات السورية في غازي عنتاب");
    o.putObject("nameMap")
        .put("ar", "لقاء المنظمات السورية في غازي عنتاب")
        .put("en", "Gaziantep meetup of Syrian organizations");
    o.put("summary", "لقاءُ تَعارُفٍ وتنسيقٍ حُضوريّ مع بثٍّ مباشر، الساعة ١٠:٠٠.");
    o.putObject("summaryMap")
        .put("ar", "لقاءُ تَعارُفٍ وتنسيقٍ حُضوريّ مع بثٍّ مباشر، الساعة ١٠:٠٠.")
        .put("en", "An in-person networking and coordination meetup, streamed live, at 10:00.");
    o.putObject("contentMap")
        .put("ar", "<p>\u200Fالتسجيل عبر الرابط (رقم الهاتف: ٠٩٣٣ ١٢٣ ٤٥٦).</p>")
        .put("en", "<p>Register through the link (phone: 0933 123 456).</p>");
    o.put("content", "<p>\u200Fالتسجيل عبر الرابط (رقم الهاتف: ٠٩٣٣ ١٢٣ ٤٥٦).</p>");
    o.put("url", id);
    o.put("published", "2025-05-20T09:00:00Z");
    o.put("updated", "2025-05-21T10:15:00Z");
    o.put("visibility", "public");
    o.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
    o.putArray("cc").add(ACTOR + "/followers");
    o.put("startTime", "2026-12-05T10:00:00+03:00");
    o.put("endTime", "2026-12-05T14:00:00+03:00");
    o.put("timeZone", "Europe/Istanbul");
    ObjectNode place = o.putObject("location");
    place.put("type", "Place");
    place.put("name", "مركز المجتمع المدني");
    place.putObject("nameMap").put("ar", "مركز المجتمع المدني").put("en", "Civil Society Centre");
    place.put("region", "tr-gaziantep");
    place.put("latitude", 37.0662);
    place.put("longitude", 37.3833);
    o.putArray("tag").addObject().put("type", "Hashtag").put("name", "#مجتمع_مدني");
    o.putArray("sectors").add("civic-participation");
    o.putArray("languages").add("ar").add("tr");
    return o;
  }

  private ObjectNode create(ObjectNode signedEvent) {
    ObjectNode a = json.createObjectNode();
    a.set("@context", org.madani.node.federation.EmittedContexts.object());
    a.put("id", ACTOR + "/activities/6f1c2b0e-9a4d-4c5e-8f7a-2d3b4c5d6e7f");
    a.put("type", "Create");
    a.put("actor", ACTOR);
    a.put("published", "2025-06-01T12:00:00Z");
    a.set("to", signedEvent.get("to").deepCopy());
    a.set("cc", signedEvent.get("cc").deepCopy());
    // Embedded as signed, @context included: removing it would break the Event's proof.
    a.set("object", signedEvent.deepCopy());
    return a;
  }

  private ObjectNode vector(
      String name, String description, ObjectNode document, String rejectedOrValid) {
    ObjectNode v = json.createObjectNode();
    v.put("name", name);
    v.put("description", description);
    v.set("document", document);
    if ("valid".equals(rejectedOrValid)) {
      v.put("expected", "valid");
    } else {
      v.putObject("expected").put("rejected", rejectedOrValid);
    }
    return v;
  }

  private void write(
      Path dir, String name, String description, ObjectNode document, String expected)
      throws IOException {
    write(dir, vector(name, description, document, expected));
  }

  private void write(Path dir, ObjectNode vector) throws IOException {
    json.writeValue(dir.resolve(vector.get("name").asText() + ".json").toFile(), vector);
  }

  private void writeKeys(Path file) throws IOException {
    SecureRandom random = new SecureRandom();
    ObjectNode root = json.createObjectNode();
    root.put(
        "note", "Test keys for these vectors only; published, so never trust them anywhere else.");
    ObjectNode keys = root.putObject("keys");
    key(keys, KEY, ACTOR, Keys.generateEd25519(random)).put("validFrom", VALID_FROM.toString());
    key(keys, OLD_KEY, ACTOR, Keys.generateEd25519(random))
        .put("revokedAt", OLD_KEY_REVOKED.toString());
    key(keys, MALLORY_KEY, MALLORY, Keys.generateEd25519(random));
    json.writeValue(file.toFile(), root);
  }

  private static ObjectNode key(ObjectNode keys, String keyId, String owner, KeyPair pair) {
    ObjectNode k = keys.putObject(keyId);
    k.put("ownerId", owner);
    k.put("type", "Multikey");
    k.put("publicKeyMultibase", Keys.toMultibase(pair.getPublic()));
    k.put("privateKeyPem", Keys.toPem(pair.getPrivate()));
    return k;
  }

  private void writeIndex(Path root) throws IOException {
    List<String> files = new ArrayList<>();
    for (String sub : List.of("w3c", "jcs", "madani")) {
      try (Stream<Path> list = Files.list(root.resolve(sub))) {
        list.map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".json") && !n.equals("keys.json"))
            .sorted()
            .forEach(n -> files.add(sub + "/" + n));
      }
    }
    ObjectNode index = json.createObjectNode();
    index.put("note", "Case files (keys.json excluded); classpath directories cannot be listed.");
    ArrayNode list = index.putArray("files");
    files.forEach(list::add);
    json.writeValue(root.resolve("index.json").toFile(), index);
  }
}
