package org.madani.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.federation.delivery.TestClock;
import org.madani.node.model.DeliveryJob;
import org.madani.node.model.DeliveryRecord;
import org.madani.node.model.DeliveryState;
import org.madani.node.model.PeerState;

class DeliveryRepositoryTest {

  private static final URI INBOX = URI.create("https://peer.example/inbox");
  private static final Duration LEASE = Duration.ofMinutes(2);

  @TempDir Path dir;
  private final TestClock clock = new TestClock(Instant.parse("2026-11-25T10:00:00Z"));
  private final DeliveryRepository queue = new DeliveryRepository(clock);
  private Database db;

  @BeforeEach
  void open() {
    db = Database.open(null, dir.resolve("node"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private boolean enqueue(String id, URI inbox) throws SQLException {
    return db.txBlocking(c -> queue.enqueue(c, 1, id, inbox, activity(id)));
  }

  private List<DeliveryRecord> find(String id) throws SQLException {
    return db.txBlocking(c -> queue.find(c, id));
  }

  private boolean markDone(DeliveryJob job) throws SQLException {
    return db.txBlocking(c -> queue.markDone(c, job, 202, clock.instant()));
  }

  private PeerState peer(String host) throws SQLException {
    return db.txBlocking(c -> queue.peer(c, host)).orElseThrow();
  }

  private boolean enqueueRaw(String id, URI inbox, byte[] body) throws SQLException {
    return db.txBlocking(c -> queue.enqueue(c, 1, id, inbox, body));
  }

  private List<DeliveryJob> claim(int limit) throws SQLException {
    return db.txBlocking(c -> queue.claim(c, clock.instant(), LEASE, limit, 4, Map.of(), Set.of()));
  }

  private List<DeliveryJob> claimBusy(Map<String, Integer> busy) throws SQLException {
    return db.txBlocking(c -> queue.claim(c, clock.instant(), LEASE, 10, 4, busy, Set.of()));
  }

  @Test
  void enqueueIsIdempotentPerActivityAndInbox() throws SQLException {
    assertThat(enqueue("https://us.example/a/1", INBOX)).isTrue();
    assertThat(enqueue("https://us.example/a/1", INBOX)).isFalse();
    assertThat(enqueueRaw("https://us.example/a/1", INBOX, new byte[] {1})).isFalse();
    assertThat(enqueue("https://us.example/a/1", URI.create("https://other.example/inbox")))
        .isTrue();

    assertThat(find("https://us.example/a/1")).hasSize(2);
    assertThat(claim(10))
        .extracting(DeliveryJob::body)
        .allSatisfy(body -> assertThat(new String(body)).contains("a/1"));
  }

  @Test
  void aJobExistsOnlyIfTheCallersTransactionCommits() throws SQLException {
    assertThatThrownBy(
            () ->
                db.txBlocking(
                    c -> {
                      queue.enqueue(c, 1, "https://us.example/a/2", INBOX, new byte[] {1});
                      throw new SQLException("content change failed");
                    }))
        .hasMessageContaining("content change failed");
    assertThat(find("https://us.example/a/2")).isEmpty();
  }

  @Test
  void aLeasedJobIsNotTakenAgainUntilTheLeaseEnds() throws SQLException {
    enqueue("https://us.example/a/3", INBOX);
    List<DeliveryJob> first = claim(10);
    assertThat(first).hasSize(1);
    assertThat(first.getFirst().body()).isEqualTo(activity("https://us.example/a/3"));
    assertThat(claim(10)).isEmpty();

    clock.advance(LEASE);
    // The same worker, still sending it past the lease, does not take it a second time.
    long id = first.getFirst().id();
    List<DeliveryJob> retaken =
        db.txBlocking(c -> queue.claim(c, clock.instant(), LEASE, 10, 4, Map.of(), Set.of(id)));
    assertThat(retaken).isEmpty();
    List<DeliveryJob> second = claim(10);
    assertThat(second).hasSize(1);
    // The first worker outlived its lease: it may no longer record an outcome.
    assertThat(markDone(first.getFirst())).isFalse();
    assertThat(markDone(second.getFirst())).isTrue();
    assertThat(claim(10)).isEmpty();
  }

  @Test
  void claimRespectsPerHostLimitsAndSkipsOpenBreakers() throws SQLException {
    for (int i = 0; i < 6; i++) enqueue("https://us.example/b/" + i, INBOX);
    enqueue("https://us.example/c/1", URI.create("https://down.example/inbox"));
    db.txBlocking(
        c ->
            queue.updatePeer(
                c,
                "down.example",
                p ->
                    new PeerState(
                        p.host(),
                        9,
                        null,
                        clock.instant(),
                        clock.instant().plusSeconds(60),
                        null)));

    List<DeliveryJob> jobs = claimBusy(Map.of("peer.example", 1));
    assertThat(jobs).hasSize(3).allSatisfy(j -> assertThat(j.host()).isEqualTo("peer.example"));

    // Half-open: exactly one probe, and the breaker's end moves to the probe's lease.
    clock.advance(Duration.ofSeconds(61));
    List<DeliveryJob> probe = claimBusy(Map.of("peer.example", 4));
    assertThat(probe).extracting(DeliveryJob::host).containsExactly("down.example");
    assertThat(peer("down.example").breakerOpenUntil()).isEqualTo(clock.instant().plus(LEASE));
  }

  @Test
  void aDownHostsBacklogLeavesTheDueRangeUntilItsBreakerLetsAProbeBy() throws SQLException {
    URI down = URI.create("https://down.example/inbox");
    for (int i = 0; i < 5; i++) enqueue("https://us.example/d/" + i, down);
    Instant openUntil = clock.instant().plusSeconds(600);
    db.txBlocking(
        c ->
            queue.updatePeer(
                c,
                "down.example",
                p -> new PeerState(p.host(), 9, null, clock.instant(), openUntil, null)));
    // Due jobs behind an open breaker would be read past by every claim (a cost growing with the
    // backlog of a peer that is down): they wait for the probe time instead, and so do new ones.
    enqueue("https://us.example/d/new", down);
    enqueue("https://us.example/d/other", INBOX);
    for (String id :
        List.of("https://us.example/d/0", "https://us.example/d/4", "https://us.example/d/new")) {
      assertThat(find(id))
          .singleElement()
          .extracting(DeliveryRecord::nextAttempt)
          .isEqualTo(openUntil);
    }
    assertThat(find("https://us.example/d/other"))
        .singleElement()
        .extracting(DeliveryRecord::nextAttempt)
        .isEqualTo(clock.instant());
    List<DeliveryJob> first = claim(10);
    assertThat(first).extracting(DeliveryJob::host).containsExactly("peer.example");
    markDone(first.get(0));

    clock.advance(Duration.ofSeconds(601));
    assertThat(claim(10))
        .extracting(DeliveryJob::host)
        .containsExactly("down.example"); // one probe
  }

  @Test
  void hostKeyIsLowerCaseWithPortOnlyWhenNotDefault() {
    assertThat(DeliveryRepository.hostOf(URI.create("https://Peer.Example/inbox")))
        .isEqualTo("peer.example");
    assertThat(DeliveryRepository.hostOf(URI.create("https://peer.example:443/inbox")))
        .isEqualTo("peer.example");
    assertThat(DeliveryRepository.hostOf(URI.create("http://127.0.0.1:8080/inbox")))
        .isEqualTo("127.0.0.1:8080");
    assertThatThrownBy(() -> DeliveryRepository.hostOf(URI.create("ftp://peer.example/inbox")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeliveryRepository.hostOf(URI.create("/relative")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theClaimReadsDueJobsThroughTheOrderedIndexAndOrdersPerObjectThroughAnIndex()
      throws SQLException {
    String plan =
        db.txBlocking(
            c -> {
              try (var ps = c.prepareStatement("EXPLAIN " + DeliveryRepository.CLAIM_SQL)) {
                var t = java.time.OffsetDateTime.now();
                ps.setObject(1, t);
                ps.setObject(2, t);
                ps.setObject(3, t);
                ps.setInt(4, 100);
                try (var rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getString(1);
                }
              }
            });
    String order =
        db.txBlocking(
            c -> {
              try (var ps = c.prepareStatement("EXPLAIN " + DeliveryRepository.ORDER_SQL)) {
                ps.setArray(1, c.createArrayOf("BIGINT", new Object[] {1L, 2L}));
                try (var rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getString(1);
                }
              }
            });
    // Due jobs come in index order (no sort of every due job); the order check is an index lookup
    // per job taken, jobs found by primary key.
    assertThat(plan).contains("DELIVERY_DUE_ORDER").contains("index sorted");
    assertThat(order).contains("DELIVERY_OBJECT_ORDER").contains("PRIMARY_KEY");
  }

  @Test
  void aBatchFinishMarksExactlyTheJobsItNamesAndSkipsALostLease() throws SQLException {
    for (int h = 0; h < 4; h++)
      enqueue("https://us.example/a/1", URI.create("https://h" + h + ".example/inbox"));
    List<DeliveryJob> jobs = claim(10);
    assertThat(jobs).hasSize(4);
    DeliveryJob done = jobs.get(0);
    DeliveryJob failed = jobs.get(1);
    DeliveryJob dead = jobs.get(2);
    // The fourth job's lease is no longer what the row holds (another worker took it over).
    DeliveryJob stale =
        new DeliveryJob(
            jobs.get(3).id(),
            1,
            jobs.get(3).activityId(),
            jobs.get(3).inbox(),
            jobs.get(3).host(),
            0,
            jobs.get(3).created(),
            jobs.get(3).leaseUntil().minusSeconds(1),
            jobs.get(3).body(),
            null);
    Instant retryAt = clock.instant().plusSeconds(60);
    boolean[] written =
        db.txBlocking(
            c ->
                queue.finishAll(
                    c,
                    List.of(
                        DeliveryRepository.Finish.done(done, 202),
                        DeliveryRepository.Finish.retryAt(failed, retryAt, 503, "HTTP 503"),
                        DeliveryRepository.Finish.dead(dead, 410, "HTTP 410"),
                        DeliveryRepository.Finish.done(stale, 202)),
                    clock.instant()));

    assertThat(written).containsExactly(true, true, true, false);
    Map<Long, DeliveryRecord> byId =
        find("https://us.example/a/1").stream()
            .collect(java.util.stream.Collectors.toMap(DeliveryRecord::id, r -> r));
    assertThat(byId.get(done.id()).state()).isEqualTo(DeliveryState.DONE);
    assertThat(byId.get(failed.id()).state()).isEqualTo(DeliveryState.PENDING);
    assertThat(byId.get(failed.id()).nextAttempt()).isEqualTo(retryAt);
    assertThat(byId.get(failed.id()).attempts()).isEqualTo(1);
    assertThat(byId.get(failed.id()).lastStatus()).isEqualTo(503);
    assertThat(byId.get(dead.id()).state()).isEqualTo(DeliveryState.DEAD);
    // The job whose lease was lost is untouched: still leased, no attempt counted.
    assertThat(byId.get(stale.id()).state()).isEqualTo(DeliveryState.PENDING);
    assertThat(byId.get(stale.id()).attempts()).isZero();
    assertThat(byId.get(stale.id()).leaseUntil()).isEqualTo(jobs.get(3).leaseUntil());

    // The failed job is retried when due, with its body.
    clock.advance(Duration.ofSeconds(61));
    assertThat(claim(10))
        .singleElement()
        .satisfies(
            j -> {
              assertThat(j.id()).isEqualTo(failed.id());
              assertThat(j.body()).isEqualTo(activity("https://us.example/a/1"));
            });
  }

  @Test
  void deliveriesUnderOneLeaseAreRecordedTogetherAndOneWhoseLeaseWasLostIsLeftAlone()
      throws SQLException {
    for (int h = 0; h < 3; h++)
      enqueue("https://us.example/a/1", URI.create("https://h" + h + ".example/inbox"));
    List<DeliveryJob> jobs = claim(10);
    assertThat(jobs).hasSize(3);
    // Another worker took the second job over after its lease ran out (a later lease).
    Instant theirs = jobs.get(1).leaseUntil().plusSeconds(30);
    db.txBlocking(
        c -> {
          try (var ps = c.prepareStatement("UPDATE delivery SET lease_until = ? WHERE id = ?")) {
            ps.setObject(1, java.time.OffsetDateTime.ofInstant(theirs, java.time.ZoneOffset.UTC));
            ps.setLong(2, jobs.get(1).id());
            return ps.executeUpdate();
          }
        });
    boolean[] written =
        db.txBlocking(
            c ->
                queue.finishAll(
                    c,
                    jobs.stream().map(j -> DeliveryRepository.Finish.done(j, 202)).toList(),
                    clock.instant()));

    assertThat(written).containsExactly(true, false, true);
    Map<Long, DeliveryRecord> byId =
        find("https://us.example/a/1").stream()
            .collect(java.util.stream.Collectors.toMap(DeliveryRecord::id, r -> r));
    for (int i : new int[] {0, 2}) {
      DeliveryRecord r = byId.get(jobs.get(i).id());
      assertThat(r.state()).isEqualTo(DeliveryState.DONE);
      assertThat(r.attempts()).isEqualTo(1);
      assertThat(r.lastStatus()).isEqualTo(202);
      assertThat(r.leaseUntil()).isNull();
    }
    DeliveryRecord lost = byId.get(jobs.get(1).id());
    assertThat(lost.state()).isEqualTo(DeliveryState.PENDING);
    assertThat(lost.attempts()).isZero();
    assertThat(lost.leaseUntil()).isEqualTo(theirs);
  }

  @Test
  void theJobsOfOneActivityClaimedTogetherShareOneBody() throws SQLException {
    for (int h = 0; h < 3; h++)
      enqueue("https://us.example/a/1", URI.create("https://h" + h + ".example/inbox"));
    List<DeliveryJob> jobs = claim(10);
    assertThat(jobs).hasSize(3);
    assertThat(jobs.get(0).body()).isEqualTo(activity("https://us.example/a/1"));
    // One array for all three, not a copy per job read from the table.
    assertThat(jobs.get(1).body()).isSameAs(jobs.get(0).body());
    assertThat(jobs.get(2).body()).isSameAs(jobs.get(0).body());
  }

  @Test
  void anActivitysBodyIsStoredOnceForAllItsInboxesAndPurgedWhenNoJobNeedsIt() throws SQLException {
    for (int h = 0; h < 5; h++)
      enqueue("https://us.example/a/1", URI.create("https://h" + h + ".example/inbox"));
    enqueue("https://us.example/a/2", INBOX);
    assertThat(bodies()).isEqualTo(2);
    List<DeliveryJob> jobs = claim(10);
    assertThat(jobs)
        .hasSize(6)
        .allSatisfy(j -> assertThat(new String(j.body())).contains(j.activityId()));
    for (DeliveryJob j : jobs.subList(0, 5)) markDone(j);

    clock.advance(Duration.ofDays(1));
    assertThat((int) db.txBlocking(c -> queue.purgeDone(c, clock.instant()))).isEqualTo(5);
    // a/1's body goes with its last job; a/2's stays while its job is pending.
    assertThat(bodies()).isEqualTo(1);
    assertThat(find("https://us.example/a/2")).hasSize(1);
  }

  @Test
  void aBatchOfJobsIsQueuedAsOneByOneWouldBe() throws SQLException {
    URI down = URI.create("https://down.example/inbox");
    enqueue("https://us.example/d/0", down);
    Instant openUntil = clock.instant().plusSeconds(600);
    db.txBlocking(
        c ->
            queue.updatePeer(
                c,
                "down.example",
                p -> new PeerState(p.host(), 9, null, clock.instant(), openUntil, null)));
    byte[] one = activity("https://us.example/b/1");
    byte[] two = activity("https://us.example/b/2");
    db.txBlocking(
        c -> {
          queue.enqueueAll(
              c,
              1,
              List.of(
                  new DeliveryRepository.NewJob("https://us.example/b/1", "o/1", INBOX, one),
                  new DeliveryRepository.NewJob("https://us.example/b/1", "o/1", down, one),
                  new DeliveryRepository.NewJob("https://us.example/b/2", "o/2", INBOX, two),
                  // a repeat of a queued (activity, inbox) is ignored, as enqueue does
                  new DeliveryRepository.NewJob("https://us.example/d/0", null, down, two)));
          return null;
        });
    assertThat(find("https://us.example/b/1"))
        .extracting(DeliveryRecord::host, DeliveryRecord::nextAttempt, DeliveryRecord::state)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "peer.example", clock.instant(), DeliveryState.PENDING),
            // a host whose breaker is open gets its new jobs at the probe time
            org.assertj.core.groups.Tuple.tuple("down.example", openUntil, DeliveryState.PENDING));
    assertThat(find("https://us.example/b/2")).hasSize(1);
    assertThat(find("https://us.example/d/0")).hasSize(1);
    // each body once, beside d/0's
    assertThat(bodies()).isEqualTo(3);
    List<DeliveryJob> jobs = claim(10);
    assertThat(jobs)
        .extracting(DeliveryJob::activityId)
        .containsExactly("https://us.example/b/1", "https://us.example/b/2");
    assertThat(jobs).allSatisfy(j -> assertThat(new String(j.body())).contains(j.activityId()));
  }

  private long bodies() throws SQLException {
    return db.txBlocking(
        c -> {
          try (var ps = c.prepareStatement("SELECT COUNT(*) FROM delivery_body");
              var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private static byte[] activity(String id) {
    return ("{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\""
            + id
            + "\",\"type\":\"Create\"}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
