package org.madani.node.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.directory.search.SearchIndex;
import org.madani.node.model.DirectoryQuery;
import org.madani.node.model.Urls;
import org.madani.node.store.Database;
import org.madani.node.store.DirectoryRepository;
import org.madani.node.store.RemoteObjectRepository;
import org.madani.node.store.RemoteObjectRepository.ObjectRow;
import org.madani.node.store.TrustRepository;

/**
 * The index follows H2's change sequence: a pass after k changes reads O(k) rows however many are
 * stored (issue 10: passes that read every received row made a hub burn both cores for minutes).
 * Real H2 file, real Lucene index.
 */
class DirectoryIndexerTest {

  static final int N = 5_000;
  static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

  @TempDir Path dir;
  Database db;
  SearchIndex index;
  DirectoryIndexer indexer;
  final RemoteObjectRepository objects = new RemoteObjectRepository();

  @BeforeEach
  void fill() throws Exception {
    db = Database.open(null, dir.resolve("madani"));
    for (int start = 0; start < N; start += 1000) {
      int from = start;
      db.txBlocking(
          c -> {
            for (int i = from; i < from + 1000; i++)
              objects.upsert(c, row(i, "Shelter report " + i));
            return null;
          });
    }
    index = SearchIndex.open(dir.resolve("index"));
    indexer =
        new DirectoryIndexer(
            db,
            new DirectoryRepository(),
            new DirectoryEntries(new ObjectMapper(), new Urls(URI.create("https://alef.example"))),
            index,
            Clock.systemUTC(),
            1000);
    assertThat(indexer.rebuildBlocking()).isEqualTo(N);
    indexer.syncPass(); // the overlap re-read after a rebuild
    db.txBlocking(
        c -> {
          c.createStatement().execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
          c.createStatement().execute("SET QUERY_STATISTICS TRUE");
          return null;
        });
  }

  @AfterEach
  void close() {
    index.close();
    db.close();
  }

  @Test
  void theSegmentsOfABurstAreMergedOnceWritesStop() throws Exception {
    for (int b = 0; b < 3; b++) {
      int batch = b;
      db.txBlocking(
          c -> {
            for (int i = 0; i < 10; i++)
              objects.upsert(c, row(batch * 100 + i, "Winter clinic " + batch + " " + i));
            return null;
          });
      indexer.syncPass(); // searchable at once: one small segment each
    }
    assertThat(index.segmentCount()).isGreaterThan(1);

    await().atMost(30, TimeUnit.SECONDS).until(indexer::mergeIfQuiet);

    assertThat(index.segmentCount()).isEqualTo(1);
    assertThat(index.search(DirectoryQuery.all().withQ("winter")).total()).isEqualTo(30);
    assertThat(index.search(DirectoryQuery.all()).total()).isEqualTo(N);
    assertThat(indexer.mergeIfQuiet()).isFalse(); // once per burst
  }

  @Test
  void aPassAfterKChangesReadsKRows_notTheTable() throws Exception {
    assertThat(indexer.syncPass()).isEqualTo(new DirectoryIndexer.Pass(0, 0, 0));
    int k = 25;
    db.txBlocking(
        c -> {
          for (int i = 0; i < 20; i++) objects.upsert(c, row(i * 7, "Winter clinic " + i));
          for (int i = 0; i < 5; i++) objects.markDeleted(c, id(1000 + i), actor(1000 + i), NOW);
          return null;
        });
    long rowsBefore = rowsReturned();

    DirectoryIndexer.Pass pass = indexer.syncPass();

    assertThat(pass).isEqualTo(new DirectoryIndexer.Pass(k, k, k));
    // Rows H2 handed out for the whole pass (changes, objects, recipients, standing): a few per
    // change, nothing in proportion to the 5,000 stored.
    assertThat(rowsReturned() - rowsBefore).isLessThanOrEqualTo(3L * k + 10);
    assertThat(index.search(DirectoryQuery.all().withQ("winter")).total()).isEqualTo(20);
    assertThat(index.search(DirectoryQuery.all()).total()).isEqualTo(N - 5);
  }

  @Test
  void blockingAnAuthorTouchesOnlyItsObjects_andUnblockingBringsThemBack() throws Exception {
    TrustRepository trust = new TrustRepository();
    db.txBlocking(
        c -> {
          trust.putActor(c, actor(3), "org3.example", "blocked", null, null, NOW);
          return null;
        });
    DirectoryIndexer.Pass pass = indexer.syncPass();
    int ofActor = N / 50; // row(i) spreads objects over 50 authors
    assertThat(pass.rows()).isEqualTo(ofActor);
    assertThat(index.search(DirectoryQuery.all()).total()).isEqualTo(N - ofActor);

    db.txBlocking(c -> trust.deleteActor(c, actor(3)));
    indexer.syncPass();
    assertThat(index.search(DirectoryQuery.all()).total()).isEqualTo(N);
  }

  /** Standing is read once per author of a batch: a withheld author's objects, and only its. */
  @Test
  void aBatchOfSeveralAuthorsWithholdsOnlyTheBlockedOnesObjects() throws Exception {
    TrustRepository trust = new TrustRepository();
    db.txBlocking(
        c -> {
          trust.putActor(c, actor(3), "org3.example", "blocked", null, null, NOW);
          return null;
        });
    indexer.syncPass();
    db.txBlocking(
        c -> {
          for (int i = N; i < N + 100; i++) objects.upsert(c, row(i, "Harbour " + i));
          return null;
        });
    indexer.syncPass();
    int blockedNew = 100 / 50; // row(i) spreads objects over 50 authors
    assertThat(index.search(DirectoryQuery.all().withQ("Harbour")).total())
        .isEqualTo(100 - blockedNew);
  }

  @Test
  void aChangeCommittedAfterAHigherNumberIsNotSkipped() throws Exception {
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // A slow writer draws its change number first and commits last.
    CompletableFuture<Void> slow =
        CompletableFuture.runAsync(
            () -> {
              try {
                db.txBlocking(
                    c -> {
                      objects.upsert(c, row(11, "Slow bakery"));
                      written.countDown();
                      try {
                        release.await(30, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return null;
                    });
              } catch (SQLException | RuntimeException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
    db.txBlocking(
        c -> {
          objects.upsert(c, row(12, "Quick bakery"));
          return null;
        });
    indexer.syncPass();
    assertThat(index.search(DirectoryQuery.all().withQ("bakery")).total()).isEqualTo(1);

    release.countDown();
    slow.get(30, TimeUnit.SECONDS);
    indexer.syncPass();
    assertThat(index.search(DirectoryQuery.all().withQ("bakery")).total()).isEqualTo(2);
  }

  /** Rows returned by every statement so far (H2 query statistics). */
  private long rowsReturned() throws SQLException {
    return db.txBlocking(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT COALESCE(SUM(CUMULATIVE_ROW_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
                          + "WHERE SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  static ObjectRow row(int i, String name) {
    String doc =
        "{\"id\":\""
            + id(i)
            + "\",\"type\":\"Article\",\"kind\":\"report\",\"name\":\""
            + name
            + "\",\"attributedTo\":\""
            + actor(i)
            + "\"}";
    return new ObjectRow(
        id(i), actor(i), "Article", "public", doc, "rfc9421/ed25519", null, NOW, NOW, null);
  }

  static String id(int i) {
    return actor(i) + "/entries/" + i;
  }

  static String actor(int i) {
    return "https://org" + (i % 50) + ".example/orgs/o";
  }
}
