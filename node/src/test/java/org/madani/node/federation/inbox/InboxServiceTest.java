package org.madani.node.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.federation.PeerPolicy;
import org.madani.node.federation.actor.DocumentFetcher;
import org.madani.node.federation.actor.KeyPins;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.federation.inbox.InboxService.Received;
import org.madani.node.federation.sig.HttpRequestView;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.Rfc9421Signer;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SigningKey;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.ProblemException;
import org.madani.node.store.Database;
import org.madani.node.store.InboxRepository;
import org.madani.node.store.KeyChangeRepository;
import org.madani.node.store.MirrorRepository;
import org.madani.node.store.RemoteActorRepository;
import org.madani.node.store.RemoteObjectRepository;

/**
 * The inbox's front door on a real H2 file, without HTTP: signed requests (RFC 9421, Ed25519) are
 * authenticated against the sender's fetched key, origin-checked, and stored once. Remote actor
 * documents come from an in-memory fetcher standing in for the peer.
 */
class InboxServiceTest {

  static final String ALICE = "https://a.example/actors/alice";
  static final String BOB = "https://a.example/actors/bob";
  static final URI INBOX = URI.create("https://n.example/orgs/salam/inbox");

  @TempDir Path dir;
  Vertx vertx;
  Database db;
  WorkerExecutor crypto;
  final JsonCodec json = new JsonCodec(64);
  final KeyPair aliceKey = Keys.generateEd25519(new SecureRandom());
  final AtomicInteger fetches = new AtomicInteger();
  InboxService inbox;

  /** Refuses everything of refused.example. */
  static final PeerPolicy POLICY =
      new PeerPolicy() {
        @Override
        public boolean allowsUrl(URI url) {
          return !"refused.example".equals(url.getHost());
        }

        @Override
        public boolean allowsActor(String actorId) {
          return allowsUrl(URI.create(actorId));
        }

        @Override
        public boolean trusts(String actorId) {
          return false;
        }
      };

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    db = Database.open(vertx, dir.resolve("madani"));
    crypto = vertx.createSharedWorkerExecutor("test-crypto", 2);
    Clock clock = Clock.systemUTC();
    DocumentFetcher peer =
        url -> {
          fetches.incrementAndGet();
          String id = url.toString().replaceFirst("#.*$", "");
          return id.equals(ALICE)
              ? Future.succeededFuture(new DocumentFetcher.Fetched(URI.create(ALICE), actor(ALICE)))
              : Future.failedFuture(new IllegalStateException("404 " + url));
        };
    RemoteActorRepository actors = new RemoteActorRepository();
    KeyPins pins =
        new KeyPins(
            actors,
            new KeyChangeRepository(),
            new MirrorRepository(),
            new RemoteObjectRepository(),
            json.mapper(),
            clock);
    inbox =
        new InboxService(
            db,
            new InboxRepository(),
            new RemoteActors(db, actors, peer, json.mapper(), clock, pins),
            json,
            clock,
            crypto,
            POLICY);
  }

  @AfterEach
  void close() {
    db.close();
    vertx.close().await();
  }

  ObjectNode actor(String id) {
    ObjectNode a = json.mapper().createObjectNode();
    a.putArray("@context")
        .add("https://www.w3.org/ns/activitystreams")
        .add("https://w3id.org/security/v1");
    a.put("id", id)
        .put("type", "Organization")
        .put("preferredUsername", "alice")
        .put("inbox", id + "/inbox");
    a.putArray("assertionMethod")
        .addObject()
        .put("id", id + "#ed")
        .put("type", "Multikey")
        .put("controller", id)
        .put("publicKeyMultibase", Keys.toMultibase(aliceKey.getPublic()));
    return a;
  }

  String follow(String actor, String id) {
    return "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\""
        + id
        + "\",\"type\":\"Follow\","
        + "\"actor\":\""
        + actor
        + "\",\"object\":\"https://n.example/orgs/salam\"}";
  }

  HttpRequestView signed(String body, String keyId) {
    return signed(body, keyId, Clock.systemUTC());
  }

  HttpRequestView signed(String body, String keyId, Clock clock) {
    HttpRequestView unsigned =
        HttpRequestView.of(
            "POST",
            INBOX,
            Map.of("host", "n.example", "content-type", "application/activity+json"),
            body.getBytes(StandardCharsets.UTF_8));
    return new Rfc9421Signer(
            new SigningKey(keyId, SignatureAlgorithm.ED25519, aliceKey.getPrivate()), clock)
        .signRequest(unsigned);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** The HTTP status a refused request gets. */
  static int refusal(Future<?> f) throws Exception {
    try {
      await(f);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ProblemException p) return p.problem().status();
      throw e;
    }
    throw new AssertionError("accepted, but should have been refused");
  }

  long stored() throws Exception {
    return db.txBlocking(
        c -> {
          try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM inbox")) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Test
  void aSignedFollowIsStoredOnce_aResignedRepeatIsADuplicate_aReplayIsRefused() throws Exception {
    String id = ALICE + "/follows/" + UUID.randomUUID();
    HttpRequestView request = signed(follow(ALICE, id), ALICE + "#ed");

    assertThat(await(inbox.receive(request))).isEqualTo(Received.STORED);
    // Signed a second later: another signature over the same activity (Ed25519 is deterministic).
    HttpRequestView again =
        signed(
            follow(ALICE, id),
            ALICE + "#ed",
            Clock.offset(Clock.systemUTC(), java.time.Duration.ofSeconds(1)));
    assertThat(await(inbox.receive(again))).isEqualTo(Received.DUPLICATE);
    assertThat(refusal(inbox.receive(request))).isEqualTo(401);
    assertThat(stored()).isEqualTo(1);
    assertThat(fetches).hasValue(1); // the key is pinned and reused
  }

  @Test
  void anUnsignedOrWronglySignedRequestIsRefused() throws Exception {
    String body = follow(ALICE, ALICE + "/follows/1");
    HttpRequestView unsigned =
        HttpRequestView.of(
            "POST", INBOX, Map.of("host", "n.example"), body.getBytes(StandardCharsets.UTF_8));
    assertThat(refusal(inbox.receive(unsigned))).isEqualTo(401);
    HttpRequestView tampered =
        signed(body, ALICE + "#ed")
            .withBody(follow(ALICE, ALICE + "/follows/2").getBytes(StandardCharsets.UTF_8));
    assertThat(refusal(inbox.receive(tampered))).isEqualTo(401);
    assertThat(stored()).isZero();
  }

  @Test
  void oneActorCannotSpeakForAnother_norNameActivitiesOnAnotherOrigin() throws Exception {
    assertThat(refusal(inbox.receive(signed(follow(BOB, BOB + "/follows/1"), ALICE + "#ed"))))
        .isEqualTo(403);
    assertThat(
            refusal(
                inbox.receive(signed(follow(ALICE, "https://b.example/follows/1"), ALICE + "#ed"))))
        .isEqualTo(403);
    String foreignCreate =
        "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\""
            + ALICE
            + "/creates/1\",\"type\":\"Create\",\"actor\":\""
            + ALICE
            + "\",\"object\":{\"id\":"
            + "\"https://b.example/notes/1\",\"type\":\"Note\",\"attributedTo\":\""
            + ALICE
            + "\",\"content\":\"x\"}}";
    assertThat(refusal(inbox.receive(signed(foreignCreate, ALICE + "#ed")))).isEqualTo(403);
    assertThat(stored()).isZero();
  }

  @Test
  void aRefusedPeerIsTurnedAwayBeforeItsKeyIsFetched() throws Exception {
    String mallory = "https://refused.example/actors/mallory";
    assertThat(
            refusal(
                inbox.receive(signed(follow(mallory, mallory + "/follows/1"), mallory + "#ed"))))
        .isEqualTo(403);
    assertThat(fetches).hasValue(0);
    assertThat(stored()).isZero();
  }
}
