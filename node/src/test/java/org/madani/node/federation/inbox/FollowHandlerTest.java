package org.madani.node.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.federation.PeerPolicy;
import org.madani.node.federation.actor.DocumentFetcher;
import org.madani.node.federation.actor.KeyPins;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.PrivateKeyFiles;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.federation.outbox.EntryObjects;
import org.madani.node.federation.outbox.Outbox;
import org.madani.node.model.Organization;
import org.madani.node.model.Urls;
import org.madani.node.store.Database;
import org.madani.node.store.FederationSettingsRepository;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.FollowRepository.Direction;
import org.madani.node.store.FollowRepository.FollowRow;
import org.madani.node.store.FollowRepository.State;
import org.madani.node.store.InboxRepository.InboxRow;
import org.madani.node.store.KeyChangeRepository;
import org.madani.node.store.KeyRepository;
import org.madani.node.store.MirrorRepository;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.OutboxRepository;
import org.madani.node.store.RemoteActorRepository;
import org.madani.node.store.RemoteActorRepository.ActorRow;
import org.madani.node.store.RemoteObjectRepository;
import org.madani.node.trust.OrganizationKeys;

/**
 * The Follow and Undo handlers on a real H2 file with the real outbox: a Follow is accepted (and
 * answered) or held for the admin as the organization chose; an Undo by the follower ends it.
 */
class FollowHandlerTest {

  static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  static final String ALICE = "https://a.example/actors/alice";
  static final String MALLORY = "https://m.example/actors/mallory";

  record Queued(URI inbox, String body) {}

  @TempDir Path dir;
  Vertx vertx;
  Database db;
  final ObjectMapper json = new ObjectMapper();
  final FollowRepository follows = new FollowRepository();
  final FederationSettingsRepository settings = new FederationSettingsRepository();
  final List<Queued> queued = new ArrayList<>();
  LocalActors actors;
  Organization org;
  FollowHandler followHandler;
  UndoHandler undoHandler;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    db = Database.open(vertx, dir.resolve("madani"));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Urls urls = new Urls(URI.create("https://n.example"));
    KeyRepository keys = new KeyRepository();
    actors = new LocalActors(json, urls, keys, PrivateKeyFiles.PLAIN);
    RemoteActorRepository remoteActorRepo = new RemoteActorRepository();
    Outbox outbox =
        new Outbox(
            json,
            actors,
            new EntryObjects(json, urls, actors),
            new OutboxRepository(),
            follows,
            remoteActorRepo,
            (c, orgId, activityId, objectId, inbox, body) ->
                queued.add(new Queued(inbox, new String(body, StandardCharsets.UTF_8))),
            clock,
            PeerPolicy.OPEN,
            () -> {});
    DocumentFetcher nobody =
        url -> Future.failedFuture(new IllegalStateException("no network in this test"));
    RemoteObjectRepository objects = new RemoteObjectRepository();
    RemoteActors remoteActors =
        new RemoteActors(
            db,
            remoteActorRepo,
            nobody,
            json,
            clock,
            new KeyPins(
                remoteActorRepo,
                new KeyChangeRepository(),
                new MirrorRepository(),
                objects,
                json,
                clock));
    HostedOrgs hostedOrgs = new HostedOrgs(actors, new OrganizationRepository(json));
    followHandler =
        new FollowHandler(
            db,
            clock,
            follows,
            hostedOrgs,
            remoteActors,
            outbox,
            new FollowResponses(json, actors, outbox),
            settings);
    undoHandler = new UndoHandler(db, follows, objects, hostedOrgs);
    org =
        db.txBlocking(
            c -> {
              Organization o =
                  new OrganizationRepository(json)
                      .insert(
                          c,
                          "salam",
                          json.createObjectNode()
                              .set("name", json.createObjectNode().put("en", "Salam")),
                          NOW);
              new OrganizationKeys(keys).create(c, o.id(), "salam", dir.resolve("keys"), NOW);
              remoteActorRepo.upsert(
                  c,
                  new ActorRow(
                      ALICE,
                      "a.example",
                      "Organization",
                      ALICE + "/inbox",
                      null,
                      "alice",
                      "{}",
                      NOW));
              return o;
            });
  }

  @AfterEach
  void close() {
    db.close();
    vertx.close().await();
  }

  ObjectNode follow(String actor, String object) {
    return json.createObjectNode()
        .put("id", actor + "/follows/1")
        .put("type", "Follow")
        .put("actor", actor)
        .put("object", object);
  }

  static InboxRow row(ObjectNode activity) {
    return new InboxRow(
        1,
        activity.path("id").asText(),
        activity.path("actor").asText(),
        activity.path("type").asText(),
        activity.toString(),
        "rfc9421/ed25519",
        NOW);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  Optional<FollowRow> incoming(String actor) throws Exception {
    return db.txBlocking(c -> follows.find(c, org.id(), actor, Direction.INCOMING));
  }

  @Test
  void aFollowIsAcceptedAtOnce_andAnsweredWithAnAcceptToTheFollowersInbox() throws Exception {
    ObjectNode follow = follow(ALICE, actors.actorId("salam"));

    await(followHandler.handle(row(follow), follow));

    assertThat(incoming(ALICE)).get().extracting(FollowRow::state).isEqualTo(State.ACCEPTED);
    assertThat(queued).extracting(Queued::inbox).containsExactly(URI.create(ALICE + "/inbox"));
    JsonNode accept = json.readTree(queued.get(0).body());
    assertThat(accept.path("type").asText()).isEqualTo("Accept");
    assertThat(accept.path("actor").asText()).isEqualTo(actors.actorId("salam"));
    assertThat(accept.path("object").path("id").asText()).isEqualTo(follow.path("id").asText());
    assertThat(accept.has("proof")).isTrue();
  }

  @Test
  void withoutAutoApprovalAFollowWaitsForTheAdmin_andNothingIsSent() throws Exception {
    db.txBlocking(
        c -> {
          settings.setAutoApprove(c, org.id(), false);
          return null;
        });
    ObjectNode follow = follow(ALICE, actors.actorId("salam"));

    await(followHandler.handle(row(follow), follow));

    assertThat(incoming(ALICE)).get().extracting(FollowRow::state).isEqualTo(State.PENDING);
    assertThat(queued).isEmpty();
  }

  @Test
  void aFollowOfSomeoneNotHostedHereChangesNothing() throws Exception {
    ObjectNode follow = follow(ALICE, "https://elsewhere.example/orgs/other");

    await(followHandler.handle(row(follow), follow));

    assertThat(
            db.<List<FollowRow>>txBlocking(
                c -> follows.list(c, org.id(), Direction.INCOMING, null)))
        .isEmpty();
    assertThat(queued).isEmpty();
  }

  @Test
  void anUndoEndsTheFollow_onlyWhenSentByTheFollower() throws Exception {
    ObjectNode follow = follow(ALICE, actors.actorId("salam"));
    await(followHandler.handle(row(follow), follow));
    ObjectNode undo =
        json.createObjectNode()
            .put("id", ALICE + "/undo/1")
            .put("type", "Undo")
            .put("actor", ALICE);
    undo.set("object", follow);
    ObjectNode forged = undo.deepCopy().put("id", MALLORY + "/undo/1").put("actor", MALLORY);

    await(undoHandler.handle(row(forged), forged));
    assertThat(incoming(ALICE)).isPresent();

    await(undoHandler.handle(row(undo), undo));
    assertThat(incoming(ALICE)).isEmpty();
  }
}
