package org.madani.node.federation.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.madani.node.json.JsonCodec;

/**
 * The typed wire records serialize to the bytes the hand-built trees they replace produced (same
 * members, same order, same omissions), so stored and signed documents, the schemas and the
 * committed vectors keep matching. Serialized with the node's own mapper.
 */
class WireRecordsTest {

  static final ObjectMapper JSON = new JsonCodec(64).mapper();
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final String A = "https://a.example/orgs/sawa";
  static final Instant T = Instant.parse("2026-12-07T07:09:33.016682527Z");

  @Test
  void anActivityEnvelopeInTheOrderItWasBuilt() throws Exception {
    Activity a =
        new Activity(
            F.arrayNode().add("https://www.w3.org/ns/activitystreams"),
            A + "/activities/1",
            "Create",
            A,
            T,
            F.objectNode().put("id", A + "/entries/1"),
            F.arrayNode().add("https://www.w3.org/ns/activitystreams#Public"),
            F.arrayNode().add(A + "/followers"));
    assertThat(JSON.writeValueAsString(a))
        .isEqualTo(
            "{\"@context\":[\"https://www.w3.org/ns/activitystreams\"],"
                + "\"id\":\""
                + A
                + "/activities/1\",\"type\":\"Create\",\"actor\":\""
                + A
                + "\","
                + "\"published\":\"2026-12-07T07:09:33.016682527Z\",\"object\":{\"id\":\""
                + A
                + "/entries/1\"},"
                + "\"to\":[\"https://www.w3.org/ns/activitystreams#Public\"],\"cc\":[\""
                + A
                + "/followers\"]}");
    Activity follow =
        new Activity(
            null,
            A + "/activities/2",
            "Follow",
            A,
            T,
            F.textNode("https://b.example/orgs/nour"),
            null,
            null);
    assertThat(JSON.writeValueAsString(follow))
        .isEqualTo(
            "{\"id\":\""
                + A
                + "/activities/2\",\"type\":\"Follow\","
                + "\"actor\":\""
                + A
                + "\",\"published\":\"2026-12-07T07:09:33.016682527Z\",\"object\":\"https://b.example/orgs/nour\"}");
  }

  @Test
  void aTombstone() throws Exception {
    assertThat(JSON.writeValueAsString(new Tombstone(A + "/entries/1", "Event", T)))
        .isEqualTo(
            "{\"id\":\""
                + A
                + "/entries/1\",\"type\":\"Tombstone\",\"formerType\":\"Event\",\"deleted\":\"2026-12-07T07:09:33.016682527Z\"}");
  }

  @Test
  void collectionsAndPages() throws Exception {
    String ctx = "\"@context\":\"https://www.w3.org/ns/activitystreams\",";
    assertThat(
            JSON.writeValueAsString(OrderedCollection.of(A + "/outbox", 3, A + "/outbox?before=9")))
        .isEqualTo(
            "{"
                + ctx
                + "\"id\":\""
                + A
                + "/outbox\",\"type\":\"OrderedCollection\",\"totalItems\":3,"
                + "\"first\":\""
                + A
                + "/outbox?before=9\"}");
    assertThat(JSON.writeValueAsString(OrderedCollection.sizeOnly(A + "/followers", 0)))
        .isEqualTo(
            "{"
                + ctx
                + "\"id\":\""
                + A
                + "/followers\",\"type\":\"OrderedCollection\",\"totalItems\":0}");
    List<JsonNode> items = List.of(JSON.readTree("{\"@context\":\"x\",\"id\":\"i\",\"n\":2}"));
    assertThat(
            JSON.writeValueAsString(
                OrderedCollectionPage.of(
                    A + "/log?after=0", A + "/log", items, A + "/log?after=1")))
        .isEqualTo(
            "{"
                + ctx
                + "\"id\":\""
                + A
                + "/log?after=0\",\"type\":\"OrderedCollectionPage\",\"partOf\":\""
                + A
                + "/log\",\"orderedItems\":[{\"@context\":\"x\",\"id\":\"i\",\"n\":2}],\"next\":\""
                + A
                + "/log?after=1\"}");
    assertThat(
            JSON.writeValueAsString(
                OrderedCollectionPage.of(A + "/log?after=5", A + "/log", List.of(), null)))
        .isEqualTo(
            "{"
                + ctx
                + "\"id\":\""
                + A
                + "/log?after=5\",\"type\":\"OrderedCollectionPage\",\"partOf\":\""
                + A
                + "/log\",\"orderedItems\":[]}");
    assertThat(
            JSON.writeValueAsString(
                new MirrorIndex(
                    List.of(new MirrorIndex.Mirror(A, 7, "https://m.example/mirror/log?actor=x")))))
        .isEqualTo(
            "{\"mirrors\":[{\"actor\":\""
                + A
                + "\",\"latestSequence\":7,\"log\":\"https://m.example/mirror/log?actor=x\"}]}");
  }

  @Test
  void anActorDocumentInTheOrderItWasBuilt() throws Exception {
    var rsa =
        new CryptographicKey(
            A + "#main-key", A, "-----BEGIN PUBLIC KEY-----\nR\n-----END PUBLIC KEY-----\n");
    var ed =
        new CryptographicKey(
            A + "#ed25519-1", A, "-----BEGIN PUBLIC KEY-----\nE\n-----END PUBLIC KEY-----\n");
    var current = new Multikey(A + "#ed25519-1", A, "z6MkA", null, null);
    var old = new Multikey(A + "#ed25519-0", A, "z6MkB", T, null);
    JsonNode profile =
        JSON.readTree(
            "{\"name\":{\"ar\":\"سوا\",\"en\":\"Sawa\"},\"foundingYear\":2013,"
                + "\"sectors\":[\"education\"],\"mission\":null}");
    ActorDocument doc =
        new ActorDocument(
            F.arrayNode().add("https://www.w3.org/ns/activitystreams"),
            A,
            ActorDocument.TYPE,
            "sawa",
            "سوا",
            profile.get("name"),
            null,
            null,
            A,
            A + "/inbox",
            A + "/outbox",
            A + "/followers",
            A + "/following",
            new ActorDocument.Endpoints("https://a.example/inbox"),
            false,
            true,
            ActorDocument.ProfileTerms.of(profile),
            List.of(current, old),
            List.of(rsa, ed),
            List.of(),
            List.of(),
            List.of(),
            null);
    JsonNode tree = JSON.valueToTree(doc);
    List<String> names = new ArrayList<>();
    tree.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "@context",
            "id",
            "type",
            "preferredUsername",
            "name",
            "nameMap",
            "url",
            "inbox",
            "outbox",
            "followers",
            "following",
            "endpoints",
            "manuallyApprovesFollowers",
            "discoverable",
            "sectors",
            "foundingYear",
            "mission",
            "assertionMethod",
            "publicKey");
    assertThat(tree.get("mission").isNull())
        .as("a null the profile holds is kept, as before")
        .isTrue();
    assertThat(tree.get("publicKey").isArray()).isTrue();
    assertThat(tree.at("/publicKey/0/type").asText()).isEqualTo("CryptographicKey");
    assertThat(JSON.writeValueAsString(tree.get("assertionMethod")))
        .isEqualTo(
            "[{\"id\":\""
                + A
                + "#ed25519-1\","
                + "\"type\":\"Multikey\",\"controller\":\""
                + A
                + "\",\"publicKeyMultibase\":\"z6MkA\"},{\"id\":\""
                + A
                + "#ed25519-0\",\"type\":\"Multikey\",\"controller\":\""
                + A
                + "\",\"publicKeyMultibase\":\"z6MkB\","
                + "\"expires\":\"2026-12-07T07:09:33.016682527Z\"}]");

    // one key: an object, as Mastodon-era peers expect; recovery keys listed when there are any
    ActorDocument single =
        new ActorDocument(
            null,
            A,
            ActorDocument.TYPE,
            "sawa",
            null,
            null,
            null,
            null,
            A,
            A + "/inbox",
            A + "/outbox",
            A + "/followers",
            A + "/following",
            null,
            false,
            true,
            ActorDocument.ProfileTerms.of(F.objectNode()),
            List.of(current),
            List.of(rsa),
            List.of(old),
            List.of(),
            List.of(),
            null);
    JsonNode s = JSON.valueToTree(single);
    assertThat(s.get("publicKey").isObject()).isTrue();
    assertThat(s.at("/recoveryKey/0/id").asText()).isEqualTo(A + "#ed25519-0");
    assertThat(s.has("@context")).isFalse();
    assertThat(JSON.valueToTree(doc.withoutContext()).has("@context")).isFalse();
  }

  @Test
  void anEntryObjectWithItsMadaniTermsLast() throws Exception {
    var place =
        new EntryObject.Place(
            "Place",
            "غازي عنتاب",
            JSON.readTree("{\"ar\":\"غازي عنتاب\"}"),
            null,
            null,
            F.textNode("tr-gaziantep"),
            null,
            null);
    var terms = new java.util.LinkedHashMap<String, JsonNode>();
    terms.put("startTime", F.textNode("2027-02-01T10:00:00+03:00"));
    terms.put("sectors", F.arrayNode().add("education"));
    EntryObject o =
        new EntryObject(
            null,
            A + "/entries/1",
            "Event",
            "event",
            A,
            "لقاء",
            JSON.readTree("{\"ar\":\"لقاء\"}"),
            null,
            null,
            "<p>x</p>",
            JSON.readTree("{\"ar\":\"<p>x</p>\"}"),
            A + "/entries/1",
            T,
            T,
            "public",
            List.of("https://www.w3.org/ns/activitystreams#Public"),
            List.of(A + "/followers"),
            place,
            null,
            List.of(new EntryObject.Hashtag("#تدريب")),
            terms);
    JsonNode tree = JSON.valueToTree(o);
    List<String> names = new ArrayList<>();
    tree.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "id",
            "type",
            "kind",
            "attributedTo",
            "name",
            "nameMap",
            "content",
            "contentMap",
            "url",
            "published",
            "updated",
            "visibility",
            "to",
            "cc",
            "location",
            "tag",
            "startTime",
            "sectors");
    assertThat(JSON.writeValueAsString(tree.get("location")))
        .isEqualTo(
            "{\"type\":\"Place\",\"name\":\"غازي عنتاب\",\"nameMap\":{\"ar\":\"غازي عنتاب\"},\"region\":\"tr-gaziantep\"}");
    assertThat(JSON.writeValueAsString(tree.get("tag")))
        .isEqualTo("[{\"type\":\"Hashtag\",\"name\":\"#تدريب\"}]");
    assertThat(tree.get("published").asText()).isEqualTo("2026-12-07T07:09:33.016682527Z");
  }
}
