package org.madani.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.model.DeliveryJob;

/**
 * The store on a real PostgreSQL server ({@link PostgresServer}): the PostgreSQL migrations, the
 * PL/pgSQL trigger that numbers directory changes as H2's Java trigger does, the dialect's upserts,
 * and the claims that let two node processes share one database: two {@link Database} instances
 * (two pools, as two processes have) claim the same inbox and delivery queue at once and never take
 * the same row.
 */
class PostgresStoreTest {

  static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Database pg;
  Database second;
  String url;

  @BeforeEach
  void open() {
    url = PostgresServer.shared().createEmptyDatabase(); // the migrations run here from nothing
    pg = Database.open(null, url, null, null, null);
    second = Database.open(null, url, null, null, null);
  }

  @AfterEach
  void close() {
    pg.close();
    second.close();
  }

  @Test
  void opensOnPostgresWithTheSameSchemaVersionsAsH2() throws Exception {
    assertThat(pg.dialect()).isEqualTo(Dialect.POSTGRESQL);
    try (Database h2 = Database.open(null, dir.resolve("h2"))) {
      assertThat(h2.dialect()).isEqualTo(Dialect.H2);
      String versions =
          "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"";
      List<String> onPostgres = pg.txBlocking(c -> strings(c, versions));
      List<String> onH2 = h2.txBlocking(c -> strings(c, versions));
      assertThat(onPostgres).isEqualTo(onH2).contains("1", "10", "130", "131");
    }
  }

  @Test
  void triggersNumberTheChangesTheDirectoryMustSee() throws Exception {
    OrganizationRepository orgs = new OrganizationRepository(JSON);
    ObjectNode profile = (ObjectNode) JSON.readTree("{\"name\":{\"en\":\"Alef\"}}");
    long org = pg.txBlocking(c -> orgs.insert(c, "alef", profile, NOW).id());
    RemoteObjectRepository objects = new RemoteObjectRepository();
    RemoteActorRepository actors = new RemoteActorRepository();
    TrustRepository trust = new TrustRepository();
    String actor = "https://beit.example/orgs/b";
    pg.txBlocking(
        c -> {
          objects.upsert(c, object(actor + "/e/1", actor));
          objects.addRecipient(c, actor + "/e/1", org);
          objects.addRecipient(c, actor + "/e/1", org); // repeat: no new row, no change
          actors.upsert(
              c,
              new RemoteActorRepository.ActorRow(
                  actor,
                  "beit.example",
                  "Organization",
                  actor + "/inbox",
                  null,
                  "b",
                  "{\"id\":\"" + actor + "\"}",
                  NOW));
          actors.upsert(
              c,
              new RemoteActorRepository.ActorRow(
                  actor,
                  "beit.example",
                  "Organization",
                  actor + "/inbox",
                  null,
                  "b",
                  "{\"id\":\"" + actor + "\"}",
                  NOW.plusSeconds(60))); // same document
          trust.putNode(c, "gimel.example", "blocked", null, null, NOW);
          trust.putSetting(c, "publish_lists", "true"); // not the federation mode: nothing to index
          trust.putSetting(c, "federation_mode", "allowlist");
          orgs.update(c, org, profile, 1, NOW); // same profile: nothing
          return null;
        });
    List<String> changes =
        pg.txBlocking(
            c ->
                strings(
                    c,
                    "SELECT kind || ':' || COALESCE(ref, '') FROM directory_change ORDER BY seq"));
    assertThat(changes)
        .containsExactly(
            "r:" + actor + "/e/1", "r:" + actor + "/e/1", "a:" + actor, "h:gimel.example", "*:");
  }

  @Test
  void trustStandingComputesHostsAsH2Does() throws Exception {
    List<String> actors =
        List.of(
            "https://Beit.Example/orgs/b",
            "https://beit.example:443/orgs/b",
            "https://user@beit.example:8443/x?y#z",
            "http://dal.example:80/a",
            "http://dal.example:8080",
            "https://he.example",
            "mailto:nobody@example.org");
    try (Database h2 = Database.open(null, dir.resolve("h2"))) {
      for (Database db : List.of(pg, h2)) {
        db.txBlocking(
            c -> {
              for (String a : actors) new RemoteObjectRepository().upsert(c, object(a + "#o", a));
              return null;
            });
      }
      String hosts = "SELECT host FROM remote_object_standing ORDER BY object_id";
      List<String> onPostgres = pg.txBlocking(c -> strings(c, hosts));
      List<String> onH2 = h2.txBlocking(c -> strings(c, hosts));
      assertThat(onPostgres)
          .isEqualTo(onH2)
          .contains(
              "beit.example", "beit.example:8443", "dal.example", "dal.example:8080", "he.example");
    }
  }

  @Test
  void twoProcessesClaimTheInboxWithoutTakingAnActivityTwice() throws Exception {
    InboxRepository inbox = new InboxRepository();
    int total = 2_000;
    pg.txBlocking(
        c -> {
          for (int i = 0; i < total; i++) {
            String actor = "https://o" + (i % 50) + ".example/orgs/o";
            inbox.insertIfNew(c, actor + "/a/" + i, actor, "Create", "{}", "rfc9421/ed25519", NOW);
          }
          return null;
        });
    Set<Long> seen = Collections.synchronizedSet(new HashSet<>());
    List<Long> twice = Collections.synchronizedList(new ArrayList<>());
    Callable<Integer> worker1 = drainInbox(pg, inbox, seen, twice);
    Callable<Integer> worker2 = drainInbox(second, inbox, seen, twice);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> done =
          pool.invokeAll(
              List.of(
                  worker1,
                  worker2,
                  drainInbox(pg, inbox, seen, twice),
                  drainInbox(second, inbox, seen, twice)));
      int handled = 0;
      for (Future<Integer> f : done) handled += f.get();
      assertThat(twice).isEmpty();
      assertThat(handled).isEqualTo(total);
      assertThat(seen).hasSize(total);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoProcessesClaimDeliveriesWithoutSendingAJobTwice() throws Exception {
    DeliveryRepository queue = new DeliveryRepository(Clock.fixed(NOW, ZoneOffset.UTC));
    int total = 1_000;
    pg.txBlocking(
        c -> {
          for (int i = 0; i < total; i++) {
            queue.enqueue(
                c,
                1,
                "https://alef.example/a/" + i,
                URI.create("https://h" + (i % 40) + ".example/inbox"),
                "{}".getBytes(StandardCharsets.UTF_8));
          }
          // a repeat inside the same transaction is ignored and leaves the transaction usable
          assertThat(
                  queue.enqueue(
                      c,
                      1,
                      "https://alef.example/a/0",
                      URI.create("https://h0.example/inbox"),
                      "{}".getBytes(StandardCharsets.UTF_8)))
              .isFalse();
          return null;
        });
    Set<Long> seen = Collections.synchronizedSet(new HashSet<>());
    List<Long> twice = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> workers = new ArrayList<>();
      for (Database db : List.of(pg, second, pg, second)) {
        workers.add(
            () -> {
              int n = 0;
              while (true) {
                List<DeliveryJob> jobs =
                    db.txBlocking(
                        c ->
                            queue.claim(
                                c, NOW, Duration.ofMinutes(2), 25, 1000, Map.of(), Set.of()));
                if (jobs.isEmpty()) return n;
                for (DeliveryJob j : jobs) {
                  if (!seen.add(j.id())) twice.add(j.id());
                  n++;
                }
              }
            });
      }
      int sent = 0;
      for (Future<Integer> f : pool.invokeAll(workers)) sent += f.get();
      assertThat(twice).isEmpty();
      assertThat(sent).isEqualTo(total);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Callable<Integer> drainInbox(
      Database db, InboxRepository inbox, Set<Long> seen, List<Long> twice) {
    return () -> {
      int n = 0;
      while (true) {
        List<InboxRepository.InboxRow> rows = db.txBlocking(c -> inbox.pending(c, 50));
        if (rows.isEmpty()) {
          // Others may still hold leases on the last rows; done when nothing is pending at all.
          boolean left =
              db.txBlocking(
                  c -> !strings(c, "SELECT id FROM inbox WHERE state = 'pending'").isEmpty());
          if (!left) return n;
          Thread.onSpinWait();
          continue;
        }
        db.txBlocking(
            c -> {
              for (InboxRepository.InboxRow r : rows) inbox.finish(c, r.id(), true, null);
              return null;
            });
        for (InboxRepository.InboxRow r : rows) {
          if (!seen.add(r.id())) twice.add(r.id());
        }
        n += rows.size();
      }
    };
  }

  private static RemoteObjectRepository.ObjectRow object(String id, String actor) {
    return new RemoteObjectRepository.ObjectRow(
        id, actor, "Note", "public", "{}", "rfc9421/ed25519", null, NOW, NOW, null);
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }
}
