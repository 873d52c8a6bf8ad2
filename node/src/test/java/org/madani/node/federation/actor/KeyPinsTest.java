package org.madani.node.federation.actor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.ObjectProofs;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SigningKey;
import org.madani.node.store.Database;
import org.madani.node.store.KeyChangeRepository;
import org.madani.node.store.MirrorRepository;
import org.madani.node.store.RemoteActorRepository;
import org.madani.node.store.RemoteActorRepository.ActorRow;
import org.madani.node.store.RemoteActorRepository.KeyRow;
import org.madani.node.store.RemoteObjectRepository;

/**
 * Key pinning (protocol-spec/keys.md §3) on a real H2 file: keys of the first document are pinned,
 * a later key only with a proof by a pinned key; anything else is held for the admin.
 */
class KeyPinsTest {

  static final String ACTOR = "https://a.example/actors/alice";
  static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path dir;
  Vertx vertx;
  Database db;
  final ObjectMapper json = new ObjectMapper();
  final RemoteActorRepository actors = new RemoteActorRepository();
  final KeyChangeRepository flags = new KeyChangeRepository();
  final AtomicInteger changes = new AtomicInteger();
  KeyPins pins;

  final KeyPair first = Keys.generateEd25519(RANDOM);
  final KeyPair second = Keys.generateEd25519(RANDOM);

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    db = Database.open(vertx, dir.resolve("madani"));
    pins =
        new KeyPins(
            actors,
            flags,
            new MirrorRepository(),
            new RemoteObjectRepository(),
            json,
            Clock.fixed(NOW, ZoneOffset.UTC));
    pins.onChange(changes::incrementAndGet);
    db.txBlocking(
        c -> {
          actors.upsert(
              c,
              new ActorRow(
                  ACTOR, "a.example", "Organization", ACTOR + "/inbox", null, "alice", "{}", NOW));
          return null;
        });
  }

  @AfterEach
  void close() {
    db.close();
    vertx.close().await();
  }

  /** An actor document offering Ed25519 signing keys as Multikeys. */
  ObjectNode document(String actorId, KeyPair... keys) {
    ObjectNode doc = json.createObjectNode().put("id", actorId).put("type", "Organization");
    var methods = doc.putArray("assertionMethod");
    for (int i = 0; i < keys.length; i++) {
      methods
          .addObject()
          .put("id", actorId + "#ed25519-" + (i + 1))
          .put("type", "Multikey")
          .put("controller", actorId)
          .put("publicKeyMultibase", Keys.toMultibase(keys[i].getPublic()));
    }
    return doc;
  }

  KeyPins.Outcome apply(ObjectNode doc) throws Exception {
    return db.txBlocking(c -> pins.apply(c, ACTOR, doc, false));
  }

  List<KeyRow> pinned() throws Exception {
    return db.txBlocking(c -> actors.keysOf(c, ACTOR));
  }

  @Test
  void theFirstDocumentsKeysArePinned() throws Exception {
    KeyPins.Outcome outcome = apply(document(ACTOR, first));

    assertThat(outcome.pinned()).containsExactly(ACTOR + "#ed25519-1");
    assertThat(outcome.refusedSomething()).isFalse();
    assertThat(pinned())
        .extracting(KeyRow::keyId, KeyRow::algorithm, KeyRow::purpose)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ACTOR + "#ed25519-1", "ed25519", "signing"));
    assertThat(changes).hasValue(1);
  }

  @Test
  void aNewKeyWithoutProofIsHeldForTheAdmin_notPinned() throws Exception {
    apply(document(ACTOR, first));

    KeyPins.Outcome outcome = apply(document(ACTOR, first, second));

    assertThat(outcome.pinned()).isEmpty();
    assertThat(outcome.flagged()).containsExactly(ACTOR + "#ed25519-2");
    assertThat(pinned()).extracting(KeyRow::keyId).containsExactly(ACTOR + "#ed25519-1");
    assertThat(db.<Boolean>txBlocking(c -> pins.changePending(c, ACTOR + "#ed25519-2"))).isTrue();
    assertThat(changes).hasValue(1);
  }

  @Test
  void aNewKeyProvenByAPinnedKeyIsPinned() throws Exception {
    apply(document(ACTOR, first));
    ObjectNode signed =
        ObjectProofs.sign(
            document(ACTOR, first, second),
            new SigningKey(ACTOR + "#ed25519-1", SignatureAlgorithm.ED25519, first.getPrivate()),
            NOW);

    KeyPins.Outcome outcome = apply(signed);

    assertThat(outcome.pinned()).containsExactly(ACTOR + "#ed25519-2");
    assertThat(outcome.flagged()).isEmpty();
    assertThat(pinned())
        .extracting(KeyRow::keyId)
        .containsExactlyInAnyOrder(ACTOR + "#ed25519-1", ACTOR + "#ed25519-2");
  }

  @Test
  void aProofByTheNewKeyItselfProvesNothing() throws Exception {
    apply(document(ACTOR, first));
    ObjectNode selfSigned =
        ObjectProofs.sign(
            document(ACTOR, first, second),
            new SigningKey(ACTOR + "#ed25519-2", SignatureAlgorithm.ED25519, second.getPrivate()),
            NOW);

    KeyPins.Outcome outcome = apply(selfSigned);

    assertThat(outcome.pinned()).isEmpty();
    assertThat(outcome.flagged()).containsExactly(ACTOR + "#ed25519-2");
  }

  @Test
  void aKnownKeyIdWithOtherKeyMaterialIsHeld_theOldKeyStays() throws Exception {
    apply(document(ACTOR, first));

    KeyPins.Outcome outcome = apply(document(ACTOR, second));

    assertThat(outcome.flagged()).containsExactly(ACTOR + "#ed25519-1");
    KeyRow kept = pinned().get(0);
    assertThat(Keys.publicKeyFromPem(kept.publicPem())).isEqualTo(first.getPublic());
  }

  @Test
  void keysOfAnotherOriginAreNotTheActorsKeys() throws Exception {
    ObjectNode doc = document(ACTOR, first);
    ((ObjectNode) doc.withArray("assertionMethod").get(0)).put("id", "https://evil.example/k#1");

    KeyPins.Outcome outcome = apply(doc);

    assertThat(outcome.pinned()).isEmpty();
    assertThat(pinned()).isEmpty();
  }
}
