package org.madani.node.federation.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.madani.node.TestNode;

/**
 * The schemas WireSchemasIT validates against really refuse what they must: documents that lack
 * what a second implementation relies on fail, and a document of no known kind has no schema. So a
 * green WireSchemasIT means the documents conform, not that the schemas accept anything.
 */
class WireDocumentsTest {

  static WireDocuments schemas;

  static final String PROOF =
      """
      {"type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022",
       "verificationMethod": "https://a.example/orgs/sawa#ed25519-1", "proofPurpose": "assertionMethod",
       "created": "2026-12-07T07:09:33Z",
       "proofValue": "z5Qks3nAwUerEAczH92B7dyFFeZg4oJmHHANED62oMoDeuToMd9iVtmRDX4nRq8tEPHww4e8Xn2XQi94cAEouKK"}""";

  static final String EVENT =
      """
      {"id": "https://a.example/orgs/sawa/entries/1", "type": "Event", "kind": "event",
       "attributedTo": "https://a.example/orgs/sawa", "name": "x", "nameMap": {"en": "x"},
       "published": "2026-12-07T07:09:33.016682527Z", "visibility": "public",
       "startTime": "2027-01-23T17:00:00+01:00", "to": ["https://www.w3.org/ns/activitystreams#Public"],
       "proof": %s}"""
          .formatted(PROOF);

  static final String CREATE =
      """
      {"@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/data-integrity/v1"],
       "id": "https://a.example/orgs/sawa/activities/1", "type": "Create", "actor": "https://a.example/orgs/sawa",
       "published": "2026-12-07T07:09:33Z", "object": %s, "proof": %s}"""
          .formatted(EVENT, PROOF);

  @BeforeAll
  static void load() throws Exception {
    schemas = new WireDocuments(Path.of("..", "protocol-spec", "schemas"));
  }

  @Test
  void aSignedCreateOfAnEventIsValid() throws Exception {
    assertThat(schemas.forRequest("/inbox", json(CREATE))).isEqualTo("activity-create.schema.json");
    assertThat(schemas.validate("activity-create.schema.json", json(CREATE))).isEmpty();
  }

  @Test
  void aCreateWhoseObjectHasNoProofIsNot() throws Exception {
    ObjectNode create = json(CREATE);
    ((ObjectNode) create.get("object")).remove("proof");
    assertThat(schemas.validate("activity-create.schema.json", create)).isNotEmpty();
  }

  @Test
  void anUnsignedActivityIsNot() throws Exception {
    ObjectNode create = json(CREATE);
    create.remove("proof");
    assertThat(schemas.validate("activity-create.schema.json", create)).isNotEmpty();
  }

  @Test
  void anEventWithoutStartTimeOrWithALocalTimeIsNot() throws Exception {
    ObjectNode event = json(EVENT);
    event.put("startTime", "2027-01-23T17:00:00");
    assertThat(schemas.validate("object.schema.json", event)).isNotEmpty();
    event.remove("startTime");
    assertThat(schemas.validate("object.schema.json", event)).isNotEmpty();
  }

  @Test
  void aTrustListSignedTheOldWayIsNot() throws Exception {
    ObjectNode list =
        json(
            """
        {"id": "https://a.example/trust/lists/blocks.json", "type": "MadaniTrustList", "version": 1, "list": "blocks",
         "issuer": "https://a.example/orgs/sawa", "published": "2026-05-01T10:00:00Z",
         "items": [{"type": "node", "subject": "spam.example", "level": "blocked"}], "proof": %s}"""
                .formatted(PROOF));
    assertThat(schemas.validate("trust-list.schema.json", list)).isEmpty();
    list.remove("proof");
    list.putObject("signature")
        .put("type", "JcsEd25519Signature2026")
        .put("keyId", "https://a.example/orgs/sawa#k")
        .put("value", "AAAA");
    assertThat(schemas.validate("trust-list.schema.json", list)).isNotEmpty();
  }

  @Test
  void anActorWithoutInboxOrKeysIsNot() throws Exception {
    ObjectNode actor =
        json(
            """
        {"@context": "https://www.w3.org/ns/activitystreams", "id": "https://a.example/orgs/sawa", "type": "Organization",
         "preferredUsername": "sawa", "outbox": "https://a.example/orgs/sawa/outbox",
         "followers": "https://a.example/orgs/sawa/followers", "following": "https://a.example/orgs/sawa/following",
         "proof": %s}"""
                .formatted(PROOF));
    assertThat(schemas.validate("actor.schema.json", actor)).isNotEmpty();
  }

  @Test
  void aJsonFeedItemWithoutItsMadaniExtensionIsNot() throws Exception {
    ObjectNode feed =
        json(
            """
        {"version": "https://jsonfeed.org/version/1.1", "title": "سوا — Sawa",
         "items": [{"id": "https://a.example/orgs/sawa/entries/1", "content_html": "<p>x</p>",
                    "date_published": "2026-12-07T07:09:33Z",
                    "_madani": {"about": "https://madani.network/ns#", "kind": "event",
                                "organization": "https://a.example/orgs/sawa"}}]}""");
    assertThat(schemas.forResponse("/feeds/org/sawa.json", "application/feed+json", feed))
        .isEqualTo("json-feed.schema.json");
    assertThat(schemas.validate("json-feed.schema.json", feed)).isEmpty();
    ((ObjectNode) feed.get("items").get(0)).remove("_madani");
    assertThat(schemas.validate("json-feed.schema.json", feed)).isNotEmpty();
  }

  @Test
  void documentsOfNoKnownKindHaveNoSchema() throws Exception {
    assertThat(schemas.forRequest("/inbox", json("{\"type\": \"Bite\"}")))
        .isEqualTo("activity-bite.schema.json");
    assertThat(schemas.validate("activity-bite.schema.json", json("{\"type\": \"Bite\"}")))
        .isNotEmpty();
    assertThat(schemas.forRequest("/inbox", json("{\"no\": \"type\"}"))).isNull();
    assertThat(schemas.forResponse("/something/else", "application/json", json("{}"))).isNull();
  }

  private static ObjectNode json(String s) throws Exception {
    JsonNode n = TestNode.JSON.readTree(s);
    return (ObjectNode) n;
  }
}
