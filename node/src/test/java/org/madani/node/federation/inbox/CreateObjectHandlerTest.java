package org.madani.node.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.MovableClock;
import org.madani.node.federation.PeerPolicy;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.model.Urls;
import org.madani.node.store.Database;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.InboxRepository.InboxRow;
import org.madani.node.store.KeyRepository;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.RemoteObjectRepository;
import org.madani.node.store.RemoteObjectRepository.ObjectRow;

/**
 * {@link CreateObjectHandler} on a real H2 file: a Create stores a new object in one statement, and
 * when the id is already stored the rules still hold (an object id belongs to its first author,
 * deleted stays deleted, a repeat by the author keeps the first received time).
 */
class CreateObjectHandlerTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SAWA = "https://sawa.example/orgs/sawa";
  static final String ALICE = "https://a.example/orgs/alice";
  static final String MALLORY = "https://m.example/orgs/mallory";
  static final String OBJECT = "https://a.example/objects/1";

  @TempDir Path dir;
  Vertx vertx;
  Database db;
  MovableClock clock;
  RemoteObjectRepository objects = new RemoteObjectRepository();
  CreateObjectHandler handler;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    db = Database.open(vertx, dir.resolve("madani"));
    clock = new MovableClock();
    OrganizationRepository orgs = new OrganizationRepository(JSON);
    db.txBlocking(c -> orgs.insert(c, "sawa", JSON.createObjectNode(), clock.instant()));
    Urls urls = new Urls(URI.create("https://sawa.example"));
    HostedOrgs hosted = new HostedOrgs(new LocalActors(JSON, urls, new KeyRepository()), orgs);
    handler =
        new CreateObjectHandler(
            db,
            clock,
            JSON,
            orgs,
            new FollowRepository(),
            objects,
            hosted,
            null,
            false,
            PeerPolicy.OPEN);
  }

  @AfterEach
  void close() {
    db.close();
    vertx.close().await();
  }

  /** A Create by {@code author} of {@link #OBJECT} with {@code name}, addressed to sawa only. */
  void create(String author, String name) throws Exception {
    ObjectNode object = JSON.createObjectNode();
    object.put("id", OBJECT).put("type", "Note").put("name", name).put("attributedTo", author);
    object.putArray("to").add(SAWA);
    ObjectNode activity = JSON.createObjectNode();
    activity.put("id", author + "/activities/" + name).put("type", "Create").put("actor", author);
    activity.putArray("to").add(SAWA);
    activity.set("object", object);
    InboxRow row =
        new InboxRow(
            1,
            activity.get("id").asText(),
            author,
            "Create",
            activity.toString(),
            "rfc9421/ed25519",
            clock.instant());
    db.txBlocking(
        c -> {
          handler.store(c, row, activity, object, null, null, new BatchLookups());
          return null;
        });
  }

  ObjectRow stored() throws Exception {
    return db.txBlocking(c -> objects.find(c, OBJECT)).orElseThrow();
  }

  @Test
  void aNewObjectIsStored_andARepeatByItsAuthorReplacesItKeepingTheFirstReceivedTime()
      throws Exception {
    create(ALICE, "first");
    Instant received = stored().received();
    assertThat(stored().actor()).isEqualTo(ALICE);
    assertThat(stored().audience()).isEqualTo("private");
    clock.advance(java.time.Duration.ofMinutes(5));
    create(ALICE, "second");
    assertThat(stored().document()).contains("second");
    assertThat(stored().received()).isEqualTo(received);
    assertThat(stored().updated()).isAfter(received);
  }

  @Test
  void anObjectIdBelongsToItsFirstAuthor() throws Exception {
    create(ALICE, "first");
    create(MALLORY, "taken");
    assertThat(stored().actor()).isEqualTo(ALICE);
    assertThat(stored().document()).contains("first").doesNotContain("taken");
  }

  @Test
  void aDeletedObjectStaysDeleted() throws Exception {
    create(ALICE, "first");
    db.txBlocking(c -> objects.markDeleted(c, OBJECT, ALICE, clock.instant()));
    create(ALICE, "again");
    assertThat(stored().deletedAt()).isNotNull();
    assertThat(stored().document()).doesNotContain("again");
  }
}
