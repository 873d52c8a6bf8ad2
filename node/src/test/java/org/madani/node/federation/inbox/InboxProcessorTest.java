package org.madani.node.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.federation.inbox.InboxWriter.Outcome;
import org.madani.node.federation.inbox.InboxWriter.Pending;
import org.madani.node.store.Database;
import org.madani.node.store.InboxRepository;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * The processor on a real H2 file: activities applied together are marked done without keeping
 * their JSON a second time, and their ids still refuse repeats; a failed one keeps its document.
 */
class InboxProcessorTest {

  static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

  @TempDir Path dir;
  Vertx vertx;
  Database db;
  InboxWriter writer;
  InboxProcessor processor;

  /** A Create handler that batches: it writes one row per object, failing on "bad" objects. */
  static class CountingCreateHandler implements ActivityHandler {
    @Override
    public String type() {
      return "Create";
    }

    @Override
    public Future<Void> handle(InboxRow row, ObjectNode activity) {
      return Future.failedFuture(new AssertionError("batching activities are not handled alone"));
    }

    @Override
    public boolean batches(ObjectNode activity) {
      return true;
    }

    @Override
    public Future<Step> prepare(InboxRow row, ObjectNode activity) {
      return Future.succeededFuture(
          c -> {
            if (activity.path("object").path("bad").asBoolean()) {
              throw new IllegalStateException("bad object");
            }
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO remote_like(activity_id, actor, object_id) VALUES (?,?,?)")) {
              ps.setString(1, row.activityId());
              ps.setString(2, row.actor());
              ps.setString(3, "x");
              ps.executeUpdate();
            }
          });
    }
  }

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    db = Database.open(vertx, dir.resolve("madani"));
    InboxRepository inbox = new InboxRepository();
    writer = new InboxWriter(db, inbox);
    processor =
        new InboxProcessor(db, inbox, new ObjectMapper(), List.of(new CountingCreateHandler()), 50);
    vertx.deployVerticle(processor).await();
  }

  @AfterEach
  void close() {
    db.close();
    vertx.close().await();
  }

  static Pending create(int n, boolean bad) {
    String id = "https://a.example/a/" + n;
    return new Pending(
        "sig-" + n + "-" + bad,
        NOW.plusSeconds(3600),
        id,
        "https://a.example/o",
        "Create",
        "{\"id\":\""
            + id
            + "\",\"type\":\"Create\",\"actor\":\"https://a.example/o\",\"object\":{\"bad\":"
            + bad
            + "}}",
        "rfc9421/ed25519",
        NOW,
        "a.example",
        "rfc9421");
  }

  Outcome store(Pending p) throws Exception {
    return writer.store(p).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  String stateAndDocument(int n) throws Exception {
    return db.txBlocking(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT state, document FROM inbox WHERE activity_id = ?")) {
            ps.setString(1, "https://a.example/a/" + n);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getString(1) + " " + rs.getString(2) : "absent";
            }
          }
        });
  }

  int likes() throws Exception {
    return db.txBlocking(
        c -> {
          try (ResultSet rs =
              c.createStatement().executeQuery("SELECT COUNT(*) FROM remote_like")) {
            rs.next();
            return rs.getInt(1);
          }
        });
  }

  @Test
  void appliedActivitiesAreDoneWithoutTheirJson_andARepeatIsStillADuplicate() throws Exception {
    for (int n = 0; n < 20; n++) assertThat(store(create(n, n == 7))).isEqualTo(Outcome.STORED);
    processor.wakeUp();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(stateAndDocument(19)).startsWith("done");
              assertThat(stateAndDocument(7)).startsWith("failed");
            });
    // Applied: the row is the record of the activity id only; the work was done once.
    assertThat(stateAndDocument(3)).isEqualTo("done ");
    assertThat(likes()).isEqualTo(19);
    // Failed: the document stays for whoever looks into why.
    assertThat(stateAndDocument(7)).startsWith("failed {").contains("\"bad\":true");
    // The same activity sent again (a new signature, so no replay) is a duplicate, not new work.
    Pending again =
        new Pending(
            "another-signature",
            NOW.plusSeconds(3600),
            "https://a.example/a/3",
            "https://a.example/o",
            "Create",
            create(3, false).document(),
            "rfc9421/ed25519",
            NOW,
            "a.example",
            "rfc9421");
    assertThat(store(again)).isEqualTo(Outcome.DUPLICATE);
  }

  @Test
  void theActivitiesAppliedTogetherShareTheirReads() throws Exception {
    java.util.concurrent.atomic.AtomicInteger reads =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger applied =
        new java.util.concurrent.atomic.AtomicInteger();
    ActivityHandler sharing =
        new CountingCreateHandler() {
          @Override
          public Future<Step> prepare(InboxRow row, ObjectNode activity, BatchLookups batch) {
            return Future.succeededFuture(
                c -> {
                  batch.get("author " + row.actor(), reads::incrementAndGet);
                  applied.incrementAndGet();
                });
          }
        };
    vertx.undeploy(processor.deploymentID()).await();
    for (int n = 0; n < 20; n++) assertThat(store(create(n, false))).isEqualTo(Outcome.STORED);
    InboxProcessor shared =
        new InboxProcessor(db, new InboxRepository(), new ObjectMapper(), List.of(sharing), 50);
    vertx.deployVerticle(shared).await();
    shared.wakeUp();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(stateAndDocument(19)).isEqualTo("done "));
    // One author: read once for the batch, not once per activity.
    assertThat(applied.get()).isEqualTo(20);
    assertThat(reads.get()).isEqualTo(1);
  }
}
