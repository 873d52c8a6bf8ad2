package org.madani.node.federation.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.federation.PeerPolicy;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.PrivateKeyFiles;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.ObjectProofs;
import org.madani.node.federation.sig.ProofVerification;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SigningKey;
import org.madani.node.federation.sig.VerificationKey;
import org.madani.node.model.Organization;
import org.madani.node.model.Urls;
import org.madani.node.store.Database;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.FollowRepository.Direction;
import org.madani.node.store.FollowRepository.FollowRow;
import org.madani.node.store.FollowRepository.State;
import org.madani.node.store.KeyRepository;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.OutboxRepository;
import org.madani.node.store.OutboxRepository.OutboxRow;
import org.madani.node.store.RemoteActorRepository;
import org.madani.node.store.RemoteActorRepository.ActorRow;

/**
 * The outbox on a real H2 file: what it records, numbers, signs and queues, and for whom. The queue
 * is a recording stand-in (the durable queue has its own tests).
 */
class OutboxTest {

  static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  static final String ALICE = "https://a.example/actors/alice";
  static final String BOB = "https://b.example/actors/bob";
  static final String MALLORY = "https://m.example/actors/mallory";

  record Queued(long orgId, String activityId, String objectId, URI inbox, String body) {}

  @TempDir Path dir;
  Vertx vertx;
  Database db;
  final ObjectMapper json = new ObjectMapper();
  final OutboxRepository log = new OutboxRepository();
  final FollowRepository follows = new FollowRepository();
  final RemoteActorRepository remoteActors = new RemoteActorRepository();
  final List<Queued> queued = new ArrayList<>();
  final KeyPair key = Keys.generateEd25519(new SecureRandom());
  LocalActors actors;
  Outbox outbox;
  Organization org;
  SigningKey signer;

  /** Refuses Mallory, trusts nobody. */
  static final PeerPolicy REFUSES_MALLORY =
      new PeerPolicy() {
        @Override
        public boolean allowsUrl(URI url) {
          return !"m.example".equals(url.getHost());
        }

        @Override
        public boolean allowsActor(String actorId) {
          return !MALLORY.equals(actorId);
        }

        @Override
        public boolean trusts(String actorId) {
          return false;
        }
      };

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    db = Database.open(vertx, dir.resolve("madani"));
    Urls urls = new Urls(URI.create("https://n.example"));
    actors = new LocalActors(json, urls, new KeyRepository(), PrivateKeyFiles.PLAIN);
    outbox =
        new Outbox(
            json,
            actors,
            new EntryObjects(json, urls, actors),
            log,
            follows,
            remoteActors,
            (c, orgId, activityId, objectId, inbox, body) ->
                queued.add(
                    new Queued(
                        orgId,
                        activityId,
                        objectId,
                        inbox,
                        new String(body, java.nio.charset.StandardCharsets.UTF_8))),
            Clock.fixed(NOW, ZoneOffset.UTC),
            REFUSES_MALLORY,
            () -> {});
    org =
        db.txBlocking(
            c ->
                new OrganizationRepository(json)
                    .insert(
                        c,
                        "salam",
                        json.createObjectNode()
                            .set("name", json.createObjectNode().put("en", "Salam")),
                        NOW));
    signer =
        new SigningKey(
            actors.actorId("salam") + "#ed25519-1", SignatureAlgorithm.ED25519, key.getPrivate());
    db.txBlocking(
        c -> {
          remoteActors.upsert(
              c,
              new ActorRow(
                  ALICE,
                  "a.example",
                  "Organization",
                  ALICE + "/inbox",
                  "https://a.example/inbox",
                  "alice",
                  "{}",
                  NOW));
          remoteActors.upsert(
              c,
              new ActorRow(
                  "https://a.example/actors/ahmad",
                  "a.example",
                  "Organization",
                  "https://a.example/actors/ahmad/inbox",
                  "https://a.example/inbox",
                  "ahmad",
                  "{}",
                  NOW));
          remoteActors.upsert(
              c,
              new ActorRow(
                  BOB, "b.example", "Organization", BOB + "/inbox", null, "bob", "{}", NOW));
          remoteActors.upsert(
              c,
              new ActorRow(
                  MALLORY,
                  "m.example",
                  "Organization",
                  MALLORY + "/inbox",
                  null,
                  "mallory",
                  "{}",
                  NOW));
          return null;
        });
  }

  @AfterEach
  void close() {
    db.close();
    vertx.close().await();
  }

  void follower(String actor, State state) throws Exception {
    db.txBlocking(
        c -> {
          follows.upsert(
              c,
              new FollowRow(
                  org.id(), actor, Direction.INCOMING, state, actor + "/follow/1", NOW, NOW));
          return null;
        });
  }

  ObjectNode note(String id) {
    return json.createObjectNode().put("id", id).put("type", "Note").put("content", "مرحبا");
  }

  ProofVerification verify(JsonNode signed) {
    VerificationKey vk =
        VerificationKey.of(
            signer.keyId(), actors.actorId("salam"), key.getPublic(), SignatureAlgorithm.ED25519);
    return ObjectProofs.verify(
        (ObjectNode) signed, id -> id.equals(vk.keyId()) ? Optional.of(vk) : Optional.empty());
  }

  @Test
  void followersAreAcceptedIncomingFollows_eachSharedInboxOnce_refusedPeersLeftOut()
      throws Exception {
    follower(ALICE, State.ACCEPTED);
    follower("https://a.example/actors/ahmad", State.ACCEPTED);
    follower(BOB, State.PENDING);
    follower(MALLORY, State.ACCEPTED);
    follower("https://gone.example/actors/unknown", State.ACCEPTED);

    Set<URI> inboxes = db.txBlocking(c -> outbox.followerInboxes(c, org));

    assertThat(inboxes).containsExactly(URI.create("https://a.example/inbox"));
    assertThat(
            db.<Set<URI>>txBlocking(c -> outbox.inboxesOf(c, List.of(ALICE, BOB, MALLORY), false)))
        .containsExactly(URI.create(ALICE + "/inbox"), URI.create(BOB + "/inbox"));
  }

  @Test
  void aBatchsEnvelopeIsTheActivityRecordsMembersInItsOrder() throws Exception {
    ObjectNode object = note(actors.actorId("salam") + "/entries/1");
    var to = json.createArrayNode().add("https://www.w3.org/ns/activitystreams#Public");
    var cc = json.createArrayNode().add(actors.followers("salam"));
    ObjectNode viaRecord =
        outbox.activity(org, "Create", object.deepCopy(), to.deepCopy(), cc.deepCopy());
    ObjectNode built = outbox.envelope(org, "Create", object.deepCopy(), to, cc);
    assertThat(built.get("id").asText())
        .startsWith(actors.actorId("salam") + "/activities/")
        .isNotEqualTo(viaRecord.get("id").asText());
    viaRecord.remove("id");
    built.remove("id");
    assertThat(json.writeValueAsString(built)).isEqualTo(json.writeValueAsString(viaRecord));
  }

  @Test
  void aPublicCreateIsNumberedInTheLog_signedTwice_andQueuedOncePerInbox() throws Exception {
    ObjectNode create =
        outbox.activity(org, "Create", note(actors.actorId("salam") + "/entries/1"));
    Set<URI> inboxes = Set.of(URI.create("https://a.example/inbox"), URI.create(BOB + "/inbox"));

    db.txBlocking(
        c -> {
          outbox.send(c, org, create, "public", inboxes, signer);
          return null;
        });

    assertThat(queued)
        .hasSize(2)
        .extracting(Queued::inbox)
        .containsExactlyInAnyOrderElementsOf(inboxes);
    assertThat(queued).extracting(Queued::body).containsOnly(queued.get(0).body());
    JsonNode sent = json.readTree(queued.get(0).body());
    assertThat(sent.path("sequence").asLong()).isEqualTo(1);
    assertThat(sent.path("actor").asText()).isEqualTo("https://n.example/orgs/salam");
    assertThat(verify(sent)).isInstanceOf(ProofVerification.Verified.class);
    assertThat(verify(sent.get("object"))).isInstanceOf(ProofVerification.Verified.class);
    var logged = db.txBlocking(c -> log.logAfter(c, org.id(), 0, 10));
    assertThat(logged).hasSize(1);
    assertThat(logged.get(0).activityId()).isEqualTo(sent.path("id").asText());
    assertThat(logged.get(0).objectId()).isEqualTo(actors.actorId("salam") + "/entries/1");
  }

  @Test
  void aPrivateReplyIsNotInTheLog_andSomeoneElsesObjectIsNotSignedByUs() throws Exception {
    ObjectNode follow =
        json.createObjectNode()
            .put("id", ALICE + "/follow/1")
            .put("type", "Follow")
            .put("actor", ALICE)
            .put("object", actors.actorId("salam"));
    ObjectNode accept = outbox.activity(org, "Accept", follow);

    db.txBlocking(
        c -> {
          outbox.send(c, org, accept, "private", Set.of(URI.create(ALICE + "/inbox")), signer);
          return null;
        });

    JsonNode sent = json.readTree(queued.get(0).body());
    assertThat(sent.has("sequence")).isFalse();
    assertThat(sent.path("object").has("proof")).isFalse();
    assertThat(verify(sent)).isInstanceOf(ProofVerification.Verified.class);
    assertThat(db.<List<OutboxRow>>txBlocking(c -> log.logAfter(c, org.id(), 0, 10))).isEmpty();
    assertThat(db.<Long>txBlocking(c -> log.count(c, org.id(), List.of("private")))).isEqualTo(1);
  }
}
