package org.madani.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.store.SpaceRepository.MemberRow;
import org.madani.node.store.SpaceRepository.PostRow;
import org.madani.node.store.SpaceRepository.SpaceRow;

/**
 * The queries a received space post and a reader run go through indexes (H2's plans of the real
 * statements).
 */
class SpaceQueryPlansTest {

  static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  @TempDir static Path dir;
  static Database db;
  static final SpaceRepository repo = new SpaceRepository();
  static long pk;

  @BeforeAll
  static void open() throws Exception {
    db = Database.open(null, dir.resolve("madani"));
    db.txBlocking(
        c -> {
          for (int i = 0; i < 200; i++) {
            long id =
                repo.insertSpace(
                        c,
                        new SpaceRow(
                            0,
                            1,
                            "https://a.test/orgs/o/spaces/" + i,
                            "ref" + i,
                            "https://a.test/orgs/o",
                            "s" + i,
                            null,
                            "member",
                            1,
                            NOW))
                    .orElseThrow();
            if (i == 7) pk = id;
            repo.putMember(
                c, id, new MemberRow("https://b.test/orgs/b", "member", "active", null, NOW));
            for (int p = 0; p < 20; p++) {
              repo.insertPost(
                  c,
                  id,
                  new PostRow(
                      0,
                      "https://b.test/orgs/b/spaces/posts/" + i + "-" + p,
                      1,
                      "https://b.test/orgs/b",
                      "{}",
                      NOW));
            }
          }
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

  @Test
  void receivingAPost_andReadingASpace_useIndexes() throws Exception {
    Map<String, String> plans =
        plansOf(
            c -> {
              assertThat(repo.allBySpaceId(c, "https://a.test/orgs/o/spaces/7")).hasSize(1);
              assertThat(repo.bySpaceId(c, 1, "https://a.test/orgs/o/spaces/7")).isPresent();
              assertThat(repo.byRef(c, 1, "ref7")).isPresent();
              assertThat(repo.members(c, pk)).hasSize(1);
              repo.epochs(c, pk);
              assertThat(
                      repo.insertPost(
                          c,
                          pk,
                          new PostRow(
                              0,
                              "https://b.test/orgs/b/spaces/posts/7-0",
                              1,
                              "https://b.test/orgs/b",
                              "{}",
                              NOW)))
                  .isFalse();
              assertThat(repo.posts(c, pk, 0, 100)).hasSize(20);
              return null;
            });
    plans.forEach(
        (sql, plan) ->
            assertThat(plan)
                .as("plan of %s", sql)
                .doesNotContain(".tableScan")
                .doesNotContain("TABLE_SCAN"));
  }
}
