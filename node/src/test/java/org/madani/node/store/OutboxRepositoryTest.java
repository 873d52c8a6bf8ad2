package org.madani.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.madani.node.store.StoreFixture.NOW;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.store.OutboxRepository.OutboxRow;

/** The outbox and the public log on a real H2 file: numbers per organization, without gaps. */
class OutboxRepositoryTest {

  @TempDir Path dir;
  StoreFixture store;
  OutboxRepository outbox = new OutboxRepository();
  long org;
  long other;

  @BeforeEach
  void open() throws Exception {
    store = new StoreFixture(dir);
    org = store.org("first").id();
    other = store.org("second").id();
  }

  @AfterEach
  void close() {
    store.close();
  }

  long append(long orgId, int n, String audience, boolean logged) throws Exception {
    return store.tx(
        c ->
            outbox.append(
                c,
                orgId,
                "https://n/act/" + orgId + "/" + n,
                "Create",
                "https://n/o/" + n,
                audience,
                "{\"n\":" + n + "}",
                NOW.plusSeconds(n),
                logged ? outbox.nextLogSeq(c, orgId) : null));
  }

  @Test
  void sequenceNumbersCountPerOrganization_logNumbersOnlyForLoggedItems() throws Exception {
    assertThat(append(org, 1, "public", true)).isEqualTo(1);
    assertThat(append(org, 2, "followers", false)).isEqualTo(2);
    assertThat(append(other, 3, "public", true)).isEqualTo(1);
    assertThat(append(org, 4, "public", true)).isEqualTo(3);

    List<OutboxRow> log = store.tx(c -> outbox.logAfter(c, org, 0, 10));
    assertThat(log).extracting(OutboxRow::seq).containsExactly(1L, 2L);
    assertThat(log)
        .extracting(OutboxRow::activityId)
        .containsExactly("https://n/act/" + org + "/1", "https://n/act/" + org + "/4");
    assertThat(store.<List<OutboxRow>>tx(c -> outbox.logAfter(c, org, 1, 10)))
        .extracting(OutboxRow::document)
        .containsExactly("{\"n\":4}");
    assertThat(store.<Long>tx(c -> outbox.nextLogSeq(c, org))).isEqualTo(3);
    assertThat(store.<Long>tx(c -> outbox.nextLogSeq(c, other))).isEqualTo(2);
  }

  @Test
  void pagesAreNewestFirst_filteredByAudience() throws Exception {
    for (int n = 1; n <= 5; n++) append(org, n, n % 2 == 0 ? "followers" : "public", false);

    List<OutboxRow> publicOnly =
        store.tx(c -> outbox.page(c, org, List.of("public"), Long.MAX_VALUE, 10));
    assertThat(publicOnly).extracting(OutboxRow::seq).containsExactly(5L, 3L, 1L);
    assertThat(publicOnly.get(0).published()).isEqualTo(NOW.plusSeconds(5));
    assertThat(
            store.<List<OutboxRow>>tx(
                c -> outbox.page(c, org, List.of("public", "followers"), 4, 2)))
        .extracting(OutboxRow::seq)
        .containsExactly(3L, 2L);
    assertThat(store.<Long>tx(c -> outbox.count(c, org, List.of("public")))).isEqualTo(3);
    assertThat(store.<Long>tx(c -> outbox.count(c, other, List.of("public", "followers"))))
        .isZero();
  }

  @Test
  void aBatchTakesTheNextNumbersOnce_andContinuesWhereSingleAppendsLeftOff() throws Exception {
    append(org, 1, "public", true);
    append(org, 2, "followers", false);
    OutboxRepository.Next next = store.tx(c -> outbox.lockNext(c, org));
    assertThat(next).isEqualTo(new OutboxRepository.Next(3, 2));
    store.tx(
        c -> {
          OutboxRepository.Next n = outbox.lockNext(c, org);
          outbox.appendAll(
              c,
              org,
              n.seq(),
              List.of(
                  new OutboxRepository.NewItem(
                      "https://n/b/1",
                      "Create",
                      "https://n/o/b1",
                      "public",
                      "{\"b\":1}",
                      NOW,
                      n.logSeq()),
                  new OutboxRepository.NewItem(
                      "https://n/b/2",
                      "Create",
                      "https://n/o/b2",
                      "followers",
                      "{\"b\":2}",
                      NOW,
                      null),
                  new OutboxRepository.NewItem(
                      "https://n/b/3",
                      "Create",
                      "https://n/o/b3",
                      "public",
                      "{\"b\":3}",
                      NOW,
                      n.logSeq() + 1)));
          return null;
        });
    assertThat(store.<List<OutboxRow>>tx(c -> outbox.logAfter(c, org, 1, 10)))
        .extracting(OutboxRow::seq, OutboxRow::document)
        .containsExactly(tuple(2L, "{\"b\":1}"), tuple(3L, "{\"b\":3}"));
    assertThat(store.<List<OutboxRow>>tx(c -> outbox.page(c, org, List.of("followers"), 99, 10)))
        .extracting(OutboxRow::seq)
        .containsExactly(4L, 2L);
    // A single append afterwards continues after the batch.
    assertThat(append(org, 9, "public", true)).isEqualTo(6);
    assertThat(store.<Long>tx(c -> outbox.nextLogSeq(c, org))).isEqualTo(5);
  }
}
