package org.madani.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every hot query uses an index, never a table scan (issue 10): inbox store, processor claim,
 * directory sync, log page, delivery claim, mirror page. The plans are H2's EXPLAIN of the
 * statements the real repository code sends, with its parameters ({@link QueryPlans}), over a real
 * H2 file holding a few thousand rows per table (on empty tables H2 may prefer a scan).
 */
class HotQueryPlansTest {

  static final int ROWS = 3_000;
  static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

  @TempDir static Path dir;
  static Database db;
  static long orgId;
  static final ObjectMapper JSON = new ObjectMapper();
  static final InboxRepository inbox = new InboxRepository();
  static final RemoteObjectRepository objects = new RemoteObjectRepository();
  static final DirectoryRepository directory = new DirectoryRepository();
  static final OutboxRepository outbox = new OutboxRepository();
  static final MirrorRepository mirror = new MirrorRepository();
  static final FollowRepository follows = new FollowRepository();
  static final DeliveryRepository deliveries =
      new DeliveryRepository(Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeAll
  static void fill() throws Exception {
    db = Database.open(null, dir.resolve("madani"));
    ObjectNode profile = (ObjectNode) JSON.readTree("{\"name\":{\"en\":\"Alef\"}}");
    orgId =
        db.txBlocking(c -> new OrganizationRepository(JSON).insert(c, "alef", profile, NOW).id());
    db.txBlocking(
        c -> {
          for (int i = 0; i < ROWS; i++) {
            String actor = "https://org" + (i % 30) + ".example/orgs/o";
            inbox.insertIfNew(c, actor + "/a/" + i, actor, "Create", "{}", "rfc9421/ed25519", NOW);
            objects.upsert(
                c,
                new RemoteObjectRepository.ObjectRow(
                    actor + "/e/" + i,
                    actor,
                    "Note",
                    "public",
                    "{}",
                    "rfc9421/ed25519",
                    null,
                    NOW,
                    NOW,
                    null));
            if (i % 3 == 0) objects.addRecipient(c, actor + "/e/" + i, orgId);
            outbox.append(
                c,
                orgId,
                "https://alef.example/a/" + i,
                "Create",
                null,
                "public",
                "{}",
                NOW,
                (long) i + 1);
            deliveries.enqueue(
                c,
                orgId,
                "https://alef.example/a/" + i,
                URI.create("https://org" + (i % 30) + ".example/inbox"),
                "{}".getBytes(StandardCharsets.UTF_8));
            mirror.insertIfAbsent(
                c, new MirrorRepository.MirrorItem(actor, i, actor + "/a/" + i, "{}", null, NOW));
            follows.upsert(
                c,
                new FollowRepository.FollowRow(
                    orgId,
                    "https://follow" + i + ".example/orgs/o",
                    i % 2 == 0
                        ? FollowRepository.Direction.OUTGOING
                        : FollowRepository.Direction.INCOMING,
                    FollowRepository.State.ACCEPTED,
                    "https://alef.example/follows/" + i,
                    NOW,
                    NOW));
          }
          c.createStatement().execute("ANALYZE");
          return null;
        });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  Map<String, String> plansOf(Database.Work<?> work) throws Exception {
    QueryPlans plans = new QueryPlans();
    db.txBlocking(
        c -> {
          Connection wrapped = plans.wrap(c);
          work.apply(wrapped);
          return null;
        });
    assertThat(plans.plans()).isNotEmpty();
    return plans.bySql();
  }

  void assertIndexed(Map<String, String> plans) {
    plans.forEach(
        (sql, plan) ->
            assertThat(plan.replace("DIRECTORY_READER.tableScan", "DIRECTORY_READER"))
                .as("plan of %s", sql)
                .doesNotContain(".tableScan")
                .doesNotContain("TABLE_SCAN"));
  }

  /**
   * The one table a hot query may scan: {@code directory_reader} holds one row per node process
   * that keeps a search index (one on H2, a few on PostgreSQL), so a scan of it does not grow with
   * the data. Every other table is reached through an index.
   */
  @Test
  void onlyTheReaderTableMayBeScanned() {
    assertThatThrownBy(() -> assertIndexed(Map.of("q", "/* PUBLIC.DIRECTORY_CHANGE.tableScan */")))
        .isInstanceOf(AssertionError.class);
    assertIndexed(Map.of("q", "/* PUBLIC.DIRECTORY_READER.tableScan */"));
  }

  /** The check is not vacuous: the sync query this replaced (issue 10) shows as a table scan. */
  @Test
  void theTimestampSyncQueryItReplacedScans() throws Exception {
    Map<String, String> plans =
        plansOf(
            c -> {
              try (var ps =
                  c.prepareStatement(
                      "SELECT r.id FROM remote_object r LEFT JOIN remote_actor a ON a.id = r.actor"
                          + " WHERE r.updated >= ? OR r.deleted_at >= ? OR a.fetched_at >= ?")) {
                for (int i = 1; i <= 3; i++) ps.setObject(i, Timestamps.toDb(NOW));
                ps.executeQuery().close();
              }
              return null;
            });
    assertThat(plans.values()).anyMatch(p -> p.contains(".tableScan"));
  }

  @Test
  void inboxStore() throws Exception {
    assertIndexed(
        plansOf(
            c -> {
              inbox.noteSignatureScheme(c, "org1.example", "rfc9421");
              return inbox.insertIfNew(
                  c,
                  "https://org1.example/orgs/o/a/new",
                  "https://org1.example/orgs/o",
                  "Create",
                  "{}",
                  "rfc9421/ed25519",
                  NOW);
            }));
  }

  @Test
  void processorClaim() throws Exception {
    assertIndexed(
        plansOf(
            c -> {
              List<InboxRepository.InboxRow> rows = inbox.pending(c, 50);
              assertThat(rows).hasSize(50);
              inbox.finish(c, rows.get(0).id(), true, null);
              inbox.finishApplied(c, List.of(rows.get(1).id(), rows.get(2).id()));
              return null;
            }));
  }

  /**
   * What applying a received Create reads, once per author or address and batch: who follows the
   * author, which hosted organization an address names.
   */
  @Test
  void receivedObjectLookups() throws Exception {
    assertIndexed(
        plansOf(
            c -> {
              assertThat(follows.orgsFollowing(c, "https://follow4.example/orgs/o"))
                  .containsExactly(orgId);
              assertThat(new OrganizationRepository(JSON).idByHandle(c, "alef")).contains(orgId);
              return null;
            }));
  }

  /** What applying a received Create writes besides the done mark: the object, once. */
  @Test
  void receivedObjectStore() throws Exception {
    assertIndexed(
        plansOf(
            c -> {
              String actor = "https://org3.example/orgs/o";
              assertThat(objects.find(c, actor + "/e/new")).isEmpty();
              RemoteObjectRepository.ObjectRow row =
                  new RemoteObjectRepository.ObjectRow(
                      actor + "/e/new",
                      actor,
                      "Note",
                      "public",
                      "{}",
                      "rfc9421/ed25519",
                      null,
                      NOW,
                      NOW,
                      null);
              assertThat(objects.insertIfAbsent(c, row)).isTrue();
              assertThat(objects.insertIfAbsent(c, row)).isFalse();
              objects.upsert(c, row);
              return null;
            }));
  }

  @Test
  void directorySync() throws Exception {
    assertIndexed(
        plansOf(
            c -> {
              List<DirectoryRepository.Change> changes = directory.changesAfter(c, 10, 1000);
              assertThat(changes).hasSize(1000);
              directory.changesIn(c, List.of(3L, 5L));
              List<String> ids = new ArrayList<>();
              for (int i = 0; i < 200; i++)
                ids.add("https://org" + (i % 30) + ".example/orgs/o/e/" + i);
              assertThat(directory.remoteByIds(c, ids)).hasSize(200);
              assertThat(directory.remoteIdsByActorPrefix(c, "https://org7.example/orgs/o", true))
                  .hasSize(ROWS / 30);
              assertThat(directory.remoteIdsByActorPrefix(c, "https://org7.example/", false))
                  .hasSize(ROWS / 30);
              directory.ownByIds(c, List.of("x", "y"));
              directory.ownOfOrganization(c, orgId);
              return directory.forgetChanges(c, 5);
            }));
  }

  @Test
  void logPage() throws Exception {
    assertIndexed(
        plansOf(
            c -> {
              assertThat(outbox.logAfter(c, orgId, 1500, 100)).hasSize(100);
              return null;
            }));
  }

  @Test
  void deliveryClaim() throws Exception {
    assertIndexed(
        plansOf(
            c -> {
              assertThat(
                      deliveries.claim(
                          c, NOW.plusSeconds(1), Duration.ofMinutes(2), 16, 4, Map.of(), Set.of()))
                  .isNotEmpty();
              return null;
            }));
  }

  @Test
  void mirrorPage() throws Exception {
    assertIndexed(
        plansOf(
            c -> {
              assertThat(mirror.after(c, "https://org7.example/orgs/o", 10, 100)).isNotEmpty();
              return null;
            }));
  }

  /**
   * The tail of a log (the next outbox and log number, the latest mirrored item) is read from the
   * end of its index, one row: {@code MAX(seq) ... WHERE org_id = ?} is no table scan but H2 reads
   * every row of the organization for it, so each appended entry cost more than the last (bulk
   * publish of 10,000 entries ran at 67/s, issue 13).
   */
  @Test
  void logTailsReadOneRowFromTheEndOfTheirIndex() throws Exception {
    Map<String, String> plans =
        plansOf(
            c -> {
              assertThat(outbox.nextLogSeq(c, orgId)).isGreaterThan(1);
              assertThat(mirror.latest(c, "https://org7.example/orgs/o")).isPositive();
              outbox.append(
                  c, orgId, "https://alef.example/a/tail", "Create", null, "public", "{}", NOW);
              return null;
            });
    var tails =
        plans.entrySet().stream()
            .filter(
                e ->
                    e.getKey().startsWith("SELECT")
                        && (e.getKey().contains("FROM outbox")
                            || e.getKey().contains("FROM mirror_item")))
            .toList();
    assertThat(tails).hasSize(3);
    tails.forEach(
        e -> assertThat(e.getValue()).as("plan of %s", e.getKey()).contains("index sorted"));
  }
}
