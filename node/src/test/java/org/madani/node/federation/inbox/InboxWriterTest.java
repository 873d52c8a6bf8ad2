package org.madani.node.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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

/** Group commit on a real H2 file: concurrent activities share commits; each outcome is its own. */
class InboxWriterTest {

  static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

  @TempDir Path dir;
  Vertx vertx;
  Database db;
  InboxWriter writer;

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    db = Database.open(vertx, dir.resolve("madani"));
    writer = new InboxWriter(db, new InboxRepository());
  }

  @AfterEach
  void close() {
    db.close();
    vertx.close().await();
  }

  static Pending pending(int n, String signature) {
    return new Pending(
        signature,
        NOW.plusSeconds(3600),
        "https://a.example/a/" + n,
        "https://a.example/o",
        "Create",
        "{\"n\":" + n + "}",
        "rfc9421/ed25519",
        NOW,
        "a.example",
        "rfc9421");
  }

  @Test
  void concurrentActivitiesShareCommits_andEachIsStoredOnce() throws Exception {
    int n = 400;
    List<Future<Outcome>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) all.add(writer.store(pending(i, "sig" + i)));
    Future.all(all).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);

    assertThat(all).allMatch(f -> f.result() == Outcome.STORED);
    assertThat(writer.commits()).isLessThan(n / 4);
    long stored =
        db.txBlocking(
            c -> {
              try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM inbox")) {
                rs.next();
                return rs.getLong(1);
              }
            });
    assertThat(stored).isEqualTo(n);
  }

  /**
   * Senders that each send again once answered (as peers with one request in flight do): the first
   * sender answered by a commit must not start the next commit alone while the others are still
   * being answered, so each round of answers is one commit, not a lone one and the rest.
   */
  @Test
  void answeredSendersSendingAgain_shareOneCommitPerRound() throws Exception {
    int senders = 50;
    int rounds = 40;
    var context = vertx.getOrCreateContext();
    List<io.vertx.core.Promise<Void>> done = new ArrayList<>();
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    for (int s = 0; s < senders; s++) {
      io.vertx.core.Promise<Void> finished = io.vertx.core.Promise.promise();
      done.add(finished);
      context.runOnContext(v -> send(rounds, n, finished));
    }
    Future.all(done.stream().map(io.vertx.core.Promise::future).toList())
        .toCompletionStage()
        .toCompletableFuture()
        .get(120, TimeUnit.SECONDS);

    assertThat(n.get()).isEqualTo(senders * rounds);
    // Without gathering, each round takes two commits (its first sender alone, then the rest).
    assertThat(writer.commits()).isLessThan(rounds * 3 / 2);
  }

  private void send(
      int left, java.util.concurrent.atomic.AtomicInteger n, io.vertx.core.Promise<Void> finished) {
    if (left == 0) {
      finished.complete();
      return;
    }
    int i = n.getAndIncrement();
    writer
        .store(pending(i, "sig" + i))
        .onFailure(finished::tryFail)
        .onSuccess(
            o -> {
              if (o != Outcome.STORED) finished.tryFail(new AssertionError(i + ": " + o));
              else send(left - 1, n, finished);
            });
  }

  @Test
  void aReplayInTheSameBatchIsRefused_aRepeatedActivityIsADuplicate() throws Exception {
    Future<Outcome> first = writer.store(pending(1, "same"));
    Future<Outcome> replay = writer.store(pending(2, "same"));
    Future<Outcome> repeat = writer.store(pending(1, "other"));
    Future.join(first, replay, repeat)
        .toCompletionStage()
        .toCompletableFuture()
        .get(60, TimeUnit.SECONDS);

    assertThat(first.result()).isEqualTo(Outcome.STORED);
    assertThat(replay.result()).isEqualTo(Outcome.REPLAYED);
    assertThat(repeat.result()).isEqualTo(Outcome.DUPLICATE);
  }

  @Test
  void aReplayInALaterBatchIsRefused_butNotAfterItsSignatureExpired() throws Exception {
    assertThat(
            writer
                .store(pending(1, "sig"))
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS))
        .isEqualTo(Outcome.STORED);
    assertThat(
            writer
                .store(pending(2, "sig"))
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS))
        .isEqualTo(Outcome.REPLAYED);

    // A signature already past its validity is not remembered (its time check refuses it anyway).
    Pending expired =
        new Pending(
            "old",
            NOW.minusSeconds(1),
            "https://a.example/a/3",
            "https://a.example/o",
            "Create",
            "{}",
            "rfc9421/ed25519",
            NOW,
            "a.example",
            "rfc9421");
    writer.store(expired).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertThat(
            writer
                .store(
                    new Pending(
                        "old",
                        NOW.minusSeconds(1),
                        "https://a.example/a/4",
                        "https://a.example/o",
                        "Create",
                        "{}",
                        "rfc9421/ed25519",
                        NOW,
                        "a.example",
                        "rfc9421"))
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS))
        .isEqualTo(Outcome.STORED);
  }

  @Test
  void afterARestartAReplayedRequestIsADuplicateWithoutEffect() throws Exception {
    assertThat(
            writer
                .store(pending(1, "sig"))
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS))
        .isEqualTo(Outcome.STORED);
    // A new writer has an empty memory, like a restarted node: the durable activity id still holds.
    InboxWriter restarted = new InboxWriter(db, new InboxRepository());
    assertThat(
            restarted
                .store(pending(1, "sig"))
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS))
        .isEqualTo(Outcome.DUPLICATE);
  }
}
