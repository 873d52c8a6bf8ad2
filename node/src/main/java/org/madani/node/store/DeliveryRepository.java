package org.madani.node.store;

import static org.madani.node.store.Timestamps.instant;
import static org.madani.node.store.Timestamps.ts;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.madani.node.model.BreakerState;
import org.madani.node.model.DeliveryJob;
import org.madani.node.model.DeliveryRecord;
import org.madani.node.model.DeliveryState;
import org.madani.node.model.DeliveryStats;
import org.madani.node.model.PeerState;
import org.madani.node.model.SignatureScheme;

/**
 * The durable delivery queue: SQL over the {@code delivery} and {@code peer_host} tables. Every
 * method works on a connection inside the caller's transaction and does no network I/O.
 *
 * <p>Jobs are taken with a lease ({@code lease_until}) instead of a lock held during the request:
 * the transaction that takes a job commits at once, and if the worker dies the job simply becomes
 * due again when the lease ends (at-least-once). The lease instant doubles as a token: an outcome
 * is recorded only while the row still carries the lease it was taken with, so a worker that
 * outlived its lease cannot overwrite the result of the worker that took the job over.
 *
 * <p>Thread-safety: stateless apart from the clock and a cache of immutable bodies; safe for
 * concurrent use with one connection per thread.
 */
public final class DeliveryRepository {

  static final int MAX_ACTIVITY_ID = 1024;
  static final int MAX_INBOX = 2048;
  static final int MAX_ERROR = 500;

  /**
   * Due jobs in (next_attempt, id) order, through the index {@code delivery_due_order} (V50), so a
   * claim reads a few hundred rows however long the queue is (checked with EXPLAIN in
   * DeliveryRepositoryTest). The ORDER BY names the index's leading column {@code state} too:
   * without it H2 2.5 used the index for the range but still read and sorted every due job
   * (scanCount 10,001 for LIMIT 96 over 10,000 due jobs), on every claim. Parameters: now ×3,
   * read-ahead limit. Jobs the caller is still sending are skipped in memory: an {@code id =
   * ANY(array of the ids in flight)} here cost a linear scan of that array for every row read and
   * was most of a claim's time at 256 requests in flight. The per-object order is checked
   * afterwards ({@link #ORDER_SQL}), only for the jobs about to be taken, not for every row read
   * ahead. The row carries everything the job needs but its body, so the jobs taken are not read a
   * second time.
   */
  static final String CLAIM_SQL =
      "SELECT d.id, d.host, p.breaker_open_until, d.org_id, d.activity_id, d.inbox, d.attempts, "
          + "d.created, d.body_hash, p.signature_scheme FROM delivery d LEFT JOIN peer_host p ON p.host = d.host "
          + "WHERE d.state = 'pending' AND d.next_attempt <= ? AND (d.lease_until IS NULL OR d.lease_until <= ?) "
          + "AND (p.breaker_open_until IS NULL OR p.breaker_open_until <= ?) "
          + "ORDER BY d.state, d.next_attempt, d.id LIMIT ?";

  /**
   * Of the given job ids, those that must wait: an earlier job about the same object to the same
   * inbox is still pending (an Update never overtakes its Create). One index lookup per job through
   * {@code delivery_object_order} (V50, without state since V226: the earlier jobs' rows say
   * whether they are pending). Parameter: the ids.
   */
  static final String ORDER_SQL =
      "SELECT d.id FROM delivery d WHERE d.id = ANY(?) AND d.object_id IS NOT NULL "
          + "AND EXISTS (SELECT 1 FROM delivery e WHERE e.object_id = d.object_id "
          + "AND e.inbox = d.inbox AND e.state = 'pending' AND e.id < d.id)";

  private final Clock clock;
  private final PeerHostRepository peers = new PeerHostRepository();

  /**
   * Bodies read lately, by their SHA-256: a body never changes under its hash, so a claim need not
   * read it again for each batch of an activity's jobs. Small and bounded (bodies up to 64 KiB, 32
   * of them).
   */
  private final BodyCache bodies = new BodyCache(32, 64 * 1024);

  public DeliveryRepository(Clock clock) {
    this.clock = clock;
  }

  /**
   * Adds a job to POST {@code body} to {@code inbox}, due at once. Call it inside the transaction
   * that makes the change the activity announces. A repeat of the same (activity id, inbox) is
   * ignored, so re-running an outbox step cannot send an activity twice.
   *
   * @return true when a job was added, false when it already existed
   * @throws IllegalArgumentException for a non-http(s) inbox, an inbox without host, or over-long
   *     ids
   */
  public boolean enqueue(Connection c, long orgId, String activityId, URI inbox, byte[] body)
      throws SQLException {
    return enqueue(c, orgId, activityId, null, inbox, body);
  }

  /**
   * As {@link #enqueue(Connection, long, String, URI, byte[])}, for an activity about {@code
   * objectId}: the job is not sent while an earlier job about the same object to the same inbox is
   * still pending, so an Update or Delete never overtakes its Create.
   */
  public boolean enqueue(
      Connection c, long orgId, String activityId, String objectId, URI inbox, byte[] body)
      throws SQLException {
    if (objectId != null && objectId.length() > MAX_ACTIVITY_ID)
      objectId = null; // too long to order by; rare
    if (activityId == null || activityId.isBlank() || activityId.length() > MAX_ACTIVITY_ID) {
      throw new IllegalArgumentException("activity id missing or longer than " + MAX_ACTIVITY_ID);
    }
    String target = inbox.toString();
    if (target.length() > MAX_INBOX)
      throw new IllegalArgumentException("inbox longer than " + MAX_INBOX);
    String host = hostOf(inbox);
    if (body == null) throw new IllegalArgumentException("body missing");
    OffsetDateTime now = ts(clock.instant());
    // A host whose breaker is open gets its new jobs at the probe time, out of the due range.
    OffsetDateTime due = peers.firstAttempt(c, host, clock.instant());
    byte[] bodyHash = storeBody(c, body, clock.instant());
    try (PreparedStatement ps = c.prepareStatement(ENQUEUE)) {
      ps.setString(1, activityId);
      ps.setString(2, target);
      ps.setLong(3, orgId);
      ps.setString(4, host);
      ps.setBytes(5, bodyHash);
      ps.setObject(6, due);
      ps.setObject(7, now);
      ps.setObject(8, now);
      ps.setString(9, objectId);
      // Two transactions enqueueing the same pair at once: the unique key decides, the loser's
      // job already exists; only the statement is undone, the caller's transaction goes on.
      return org.madani.node.store.Inserts.ignoringDuplicate(ps) == 1;
    }
  }

  /** A job for {@link #enqueueAll}: POST {@code body} to {@code inbox}. */
  public record NewJob(String activityId, String objectId, URI inbox, byte[] body) {}

  /**
   * Adds many jobs as {@link #enqueue} does each, in one JDBC batch per table (bulk publish, issue
   * 13): each peer host's state is read once, each distinct body stored once, and the job rows go
   * in as one batch of the same insert-unless-present statement, so a repeated (activity id, inbox)
   * is still ignored. Jobs of one batch must not race another transaction enqueueing the same
   * activity (fresh activities: their ids are new).
   */
  public void enqueueAll(Connection c, long orgId, List<NewJob> jobs) throws SQLException {
    if (jobs.isEmpty()) return;
    Instant at = clock.instant();
    OffsetDateTime now = ts(at);
    Map<String, OffsetDateTime> due = new HashMap<>();
    Map<byte[], byte[]> hashes = new java.util.IdentityHashMap<>();
    for (NewJob j : jobs) {
      if (j.activityId() == null
          || j.activityId().isBlank()
          || j.activityId().length() > MAX_ACTIVITY_ID) {
        throw new IllegalArgumentException("activity id missing or longer than " + MAX_ACTIVITY_ID);
      }
      if (j.inbox().toString().length() > MAX_INBOX)
        throw new IllegalArgumentException("inbox longer than " + MAX_INBOX);
      if (j.body() == null) throw new IllegalArgumentException("body missing");
      String host = hostOf(j.inbox());
      if (!due.containsKey(host)) due.put(host, peers.firstAttempt(c, host, at));
      hashes.computeIfAbsent(j.body(), DeliveryRepository::sha256);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            Dialect.of(c).upsert("delivery_body", "hash, body, last_used", "hash", "?,?,?"))) {
      for (var b : hashes.entrySet()) {
        ps.setBytes(1, b.getValue());
        ps.setBytes(2, b.getKey());
        ps.setObject(3, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps = c.prepareStatement(ENQUEUE)) {
      for (NewJob j : jobs) {
        String host = hostOf(j.inbox());
        String objectId =
            j.objectId() != null && j.objectId().length() > MAX_ACTIVITY_ID ? null : j.objectId();
        ps.setString(1, j.activityId());
        ps.setString(2, j.inbox().toString());
        ps.setLong(3, orgId);
        ps.setString(4, host);
        ps.setBytes(5, hashes.get(j.body()));
        ps.setObject(6, due.get(host));
        ps.setObject(7, now);
        ps.setObject(8, now);
        ps.setString(9, objectId);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * A new pending job unless the same activity is already queued for the same inbox; parameters:
   * activity id, inbox, org id, host, body hash, due, created, updated, object id.
   */
  private static final String ENQUEUE =
      "MERGE INTO delivery d USING (VALUES (CAST(? AS VARCHAR(1024)), CAST(? AS VARCHAR(2048)))) s(a, i) "
          + "ON d.activity_id = s.a AND d.inbox = s.i "
          + "WHEN NOT MATCHED THEN INSERT (org_id, activity_id, inbox, host, body_hash, state, attempts, next_attempt, created, updated, object_id) "
          + "VALUES (?, s.a, s.i, ?, ?, 'pending', 0, ?, ?, ?, ?)";

  /** A stored body's {@code last_used} is refreshed when it is reused after this long. */
  static final Duration BODY_REFRESH = Duration.ofHours(1);

  /**
   * Stores {@code body} once under its SHA-256 (V215): the jobs of one activity to many inboxes
   * share it, so a job row stays small and its lease and outcome rewrite a few hundred bytes, not
   * the body. Reusing a body refreshes its {@code last_used} (at most hourly), which keeps {@link
   * #purgeDone} from deleting a body that a job is being added for. Returns the hash.
   */
  private static byte[] storeBody(Connection c, byte[] body, Instant now) throws SQLException {
    byte[] hash = sha256(body);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE delivery_body SET last_used = ? WHERE hash = ? AND last_used < ?")) {
      ps.setObject(1, ts(now));
      ps.setBytes(2, hash);
      ps.setObject(3, ts(now.minus(BODY_REFRESH)));
      if (ps.executeUpdate() == 1) return hash;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO delivery_body(hash, body, last_used) SELECT ?, ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM delivery_body WHERE hash = ?)")) {
      ps.setBytes(1, hash);
      ps.setBytes(2, body);
      ps.setObject(3, ts(now));
      ps.setBytes(4, hash);
      // A concurrent transaction storing the same body first is as good as storing it here.
      org.madani.node.store.Inserts.ignoringDuplicate(ps);
    }
    return hash;
  }

  private static byte[] sha256(byte[] body) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(body);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The key under which a target's health is kept: lower-case host, plus :port when explicit. */
  public static String hostOf(URI target) {
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException("inbox must be http(s): " + target);
    }
    if (target.getHost() == null || target.getHost().isEmpty()) {
      throw new IllegalArgumentException("inbox without host: " + target);
    }
    String host = target.getHost().toLowerCase(Locale.ROOT);
    int port = target.getPort();
    boolean defaultPort =
        port == -1
            || (scheme.equals("https") && port == 443)
            || (scheme.equals("http") && port == 80);
    return defaultPort ? host : host + ":" + port;
  }

  /**
   * Leases up to {@code limit} due jobs until {@code now + lease}. Skips hosts whose breaker is
   * open and hosts already at {@code perHost} requests in flight; for a half-open host it takes one
   * probe job and pushes the breaker's end to the lease's end, so no second probe starts meanwhile
   * and a crashed probe lets the host half-open again afterwards.
   *
   * @param busy requests in flight per host in the calling worker
   * @param sending ids of jobs the calling worker is still sending; never taken again even if their
   *     lease ran out meanwhile, so one worker never sends a job twice at once
   */
  public List<DeliveryJob> claim(
      Connection c,
      Instant now,
      Duration lease,
      int limit,
      int perHost,
      Map<String, Integer> busy,
      Set<Long> sending)
      throws SQLException {
    return claim(c, now, lease, limit, host -> perHost, busy, sending);
  }

  /**
   * As above, with a limit per host ({@code perHost}, e.g. adapted to how fast each host answers).
   * A job about an object waits while an earlier job about it to the same inbox is pending (order).
   */
  public List<DeliveryJob> claim(
      Connection c,
      Instant now,
      Duration lease,
      int limit,
      java.util.function.ToIntFunction<String> perHost,
      Map<String, Integer> busy,
      Set<Long> sending)
      throws SQLException {
    if (limit <= 0) return List.of();
    Instant leaseUntil = org.madani.node.store.Timestamps.truncate(now.plus(lease));

    record Candidate(
        long id,
        String host,
        OffsetDateTime openUntil,
        long orgId,
        String activityId,
        String inbox,
        int attempts,
        Instant created,
        byte[] bodyHash,
        SignatureScheme scheme) {

      /** The job, its body still the body's hash (loaded by {@link #withBodies}). */
      DeliveryJob job(Instant leaseUntil) {
        return new DeliveryJob(
            id,
            orgId,
            activityId,
            URI.create(inbox),
            host,
            attempts,
            created,
            leaseUntil,
            bodyHash,
            scheme);
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    // On PostgreSQL, several node processes claim from one queue: rows another claim has locked
    // are skipped instead of waited for; the conditional lease UPDATE below still decides.
    try (PreparedStatement ps =
        c.prepareStatement(CLAIM_SQL + org.madani.node.store.Dialect.of(c).skipLocked("d"))) {
      OffsetDateTime t = ts(now);
      ps.setObject(1, t);
      ps.setObject(2, t);
      ps.setObject(3, t);
      // Read ahead: candidates for hosts at their limit are skipped below, in memory. Filtering
      // them in SQL instead made every claim scan all due jobs once most hosts were busy (the
      // cost grew with the queue, and a claim follows every finished request). Each row read
      // costs a peer_host lookup and the order check, so the read-ahead stays small (×3). Jobs
      // in flight are not read past: their lease moved them out of the due range (only one still
      // sent past its lease would be, and is skipped). Adding their number to the read-ahead made
      // every claim read ~450 rows for 64 jobs in DeliveryBenchmark.
      ps.setInt(4, Math.min(4096, limit * 3));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          if (sending.contains(id)) continue;
          // The inbox stays a string until the job is taken (most rows read are not).
          candidates.add(
              new Candidate(
                  id,
                  rs.getString(2),
                  rs.getObject(3, OffsetDateTime.class),
                  rs.getLong(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getInt(7),
                  instant(rs, 8),
                  rs.getBytes(9), // the body's hash until the body is loaded below
                  SignatureScheme.fromStored(rs.getString(10))));
        }
      }
    }
    // First pass: the jobs that fit the limits; then the order check for just those.
    Map<String, Integer> taken = new HashMap<>(busy);
    List<Candidate> fitting = new ArrayList<>();
    for (Candidate cand : candidates) {
      if (fitting.size() >= limit) break;
      int inFlight = taken.getOrDefault(cand.host(), 0);
      if (inFlight >= perHost.applyAsInt(cand.host())) continue;
      fitting.add(cand);
      taken.merge(cand.host(), 1, Integer::sum);
    }
    Set<Long> waiting = waitingForEarlier(c, fitting.stream().map(Candidate::id).toList());
    taken = new HashMap<>(busy);
    List<DeliveryJob> claimed = new ArrayList<>();
    for (Candidate cand : fitting) {
      if (waiting.contains(cand.id())) continue;
      int inFlight = taken.getOrDefault(cand.host(), 0);
      int hostLimit = perHost.applyAsInt(cand.host());
      if (inFlight >= hostLimit) continue;
      if (cand.openUntil() != null) {
        // Half-open: exactly one probe, and only if nothing else is in flight to that host.
        if (inFlight > 0 || !takeProbe(c, cand.host(), cand.openUntil(), leaseUntil)) continue;
        taken.put(cand.host(), hostLimit);
      }
      claimed.add(cand.job(leaseUntil));
      taken.merge(cand.host(), 1, Integer::sum);
    }
    return withBodies(c, lease(c, claimed, now, leaseUntil));
  }

  /** The ids among {@code ids} that wait for an earlier pending job about the same object. */
  private static Set<Long> waitingForEarlier(Connection c, List<Long> ids) throws SQLException {
    if (ids.isEmpty()) return Set.of();
    Set<Long> waiting = new java.util.HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(ORDER_SQL)) {
      ps.setArray(1, c.createArrayOf("BIGINT", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) waiting.add(rs.getLong(1));
      }
    }
    return waiting;
  }

  /**
   * Leases the jobs with one statement; the jobs actually leased (others were taken meanwhile). The
   * lease's end is also the job's next attempt: a leased job leaves the due range of {@code
   * delivery_due_order}, so a claim no longer reads past every job in flight, and if the worker
   * dies the job is due again exactly when its lease ends. When fewer rows than asked were leased
   * (another process took some), one more query says which.
   */
  private List<DeliveryJob> lease(
      Connection c, List<DeliveryJob> jobs, Instant now, Instant leaseUntil) throws SQLException {
    if (jobs.isEmpty()) return jobs;
    Object[] ids = new Object[jobs.size()];
    for (int i = 0; i < ids.length; i++) ids[i] = jobs.get(i).id();
    int leased;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE delivery SET lease_until = ?, next_attempt = ?, updated = ? WHERE id = ANY(?) "
                + "AND state = 'pending' AND (lease_until IS NULL OR lease_until <= ?)")) {
      ps.setObject(1, ts(leaseUntil));
      ps.setObject(2, ts(leaseUntil));
      ps.setObject(3, ts(now));
      ps.setArray(4, c.createArrayOf("BIGINT", ids));
      ps.setObject(5, ts(now));
      leased = ps.executeUpdate();
    }
    if (leased == jobs.size()) return jobs;
    Set<Long> ours = new java.util.HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM delivery WHERE id = ANY(?) AND lease_until = ?")) {
      ps.setArray(1, c.createArrayOf("BIGINT", ids));
      ps.setObject(2, ts(leaseUntil));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) ours.add(rs.getLong(1));
      }
    }
    return jobs.stream().filter(j -> ours.contains(j.id())).toList();
  }

  private boolean takeProbe(Connection c, String host, OffsetDateTime openUntil, Instant leaseUntil)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE peer_host SET breaker_open_until = ? WHERE host = ? AND breaker_open_until = ?")) {
      ps.setObject(1, ts(leaseUntil));
      ps.setString(2, host);
      ps.setObject(3, openUntil);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Replaces each job's body hash (as read by the claim) with the body: each distinct body read
   * once, and bodies read lately taken from {@link #bodies}, so the jobs of one activity to a
   * hundred hosts share one array instead of a hundred copies read from the table.
   */
  private List<DeliveryJob> withBodies(Connection c, List<DeliveryJob> jobs) throws SQLException {
    if (jobs.isEmpty()) return jobs;
    Map<java.nio.ByteBuffer, byte[]> found = new HashMap<>();
    List<DeliveryJob> out = new ArrayList<>(jobs.size());
    try (PreparedStatement ps =
        c.prepareStatement("SELECT body FROM delivery_body WHERE hash = ?")) {
      for (DeliveryJob job : jobs) {
        java.nio.ByteBuffer hash = java.nio.ByteBuffer.wrap(job.body());
        byte[] body = found.get(hash);
        if (body == null) body = bodies.get(hash);
        if (body == null) {
          ps.setBytes(1, job.body());
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) continue; // cannot happen while a job refers to it (purgeDone)
            body = rs.getBytes(1);
          }
          bodies.put(hash, body);
        }
        found.put(hash, body);
        out.add(
            new DeliveryJob(
                job.id(),
                job.orgId(),
                job.activityId(),
                job.inbox(),
                job.host(),
                job.attempts(),
                job.created(),
                job.leaseUntil(),
                body,
                job.knownScheme()));
      }
    }
    return out;
  }

  /** Gives leases back unused (a worker stopping before it sent them): due again at once. */
  public void release(Connection c, List<DeliveryJob> jobs) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE delivery SET lease_until = NULL, next_attempt = ? WHERE id = ? AND lease_until = ?")) {
      OffsetDateTime now = ts(clock.instant());
      for (DeliveryJob job : jobs) {
        ps.setObject(1, now);
        ps.setLong(2, job.id());
        ps.setObject(3, ts(job.leaseUntil()));
        ps.executeUpdate();
      }
    }
  }

  /** Records a delivery. False when the lease was lost meanwhile (nothing written). */
  public boolean markDone(Connection c, DeliveryJob job, int status, Instant now)
      throws SQLException {
    return finish(c, job, DeliveryState.DONE, job.created(), status, null, now);
  }

  /** Records a failed attempt to be retried at {@code next}. False when the lease was lost. */
  public boolean reschedule(
      Connection c, DeliveryJob job, Instant next, Integer status, String error, Instant now)
      throws SQLException {
    return finish(c, job, DeliveryState.PENDING, next, status, error, now);
  }

  /** Records that the job is given up. False when the lease was lost. */
  public boolean markDead(Connection c, DeliveryJob job, Integer status, String error, Instant now)
      throws SQLException {
    return finish(c, job, DeliveryState.DEAD, job.created(), status, error, now);
  }

  private boolean finish(
      Connection c,
      DeliveryJob job,
      DeliveryState state,
      Instant next,
      Integer status,
      String error,
      Instant now)
      throws SQLException {
    return finishAll(c, List.of(new Finish(job, state, next, status, error)), now)[0];
  }

  /**
   * An outcome to record: the job's new state, when it is next due ({@code job.created()} for a
   * final state), and the answer's status and error.
   */
  public record Finish(
      DeliveryJob job, DeliveryState state, Instant next, Integer status, String error) {

    public static Finish done(DeliveryJob job, int status) {
      return new Finish(job, DeliveryState.DONE, job.created(), status, null);
    }

    public static Finish retryAt(DeliveryJob job, Instant next, Integer status, String error) {
      return new Finish(job, DeliveryState.PENDING, next, status, error);
    }

    public static Finish dead(DeliveryJob job, Integer status, String error) {
      return new Finish(job, DeliveryState.DEAD, job.created(), status, error);
    }
  }

  /**
   * Records many outcomes. The common case, deliveries answered with the same status under the same
   * lease (one claim's jobs), is one statement over all their ids; the rest (failures, each with
   * its own error and next attempt) one statement run as a JDBC batch. Each is written only while
   * its job still carries the lease it was taken with: when a grouped statement writes fewer rows
   * than it names (some lease was lost), it is undone to a savepoint and those jobs go through the
   * batch, which says which ones were written.
   *
   * @return for each outcome in order, whether it was written (false: the lease was lost)
   */
  public boolean[] finishAll(Connection c, List<Finish> finishes, Instant now) throws SQLException {
    boolean[] written = new boolean[finishes.size()];
    if (finishes.isEmpty()) return written;
    OffsetDateTime at = ts(now);
    record Group(int status, Instant lease) {}
    Map<Group, List<Integer>> delivered = new java.util.LinkedHashMap<>();
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < finishes.size(); i++) {
      Finish f = finishes.get(i);
      boolean plain =
          f.state() == DeliveryState.DONE
              && f.error() == null
              && f.status() != null
              && f.next().equals(f.job().created());
      if (plain) {
        delivered
            .computeIfAbsent(new Group(f.status(), f.job().leaseUntil()), g -> new ArrayList<>())
            .add(i);
      } else {
        rest.add(i);
      }
    }
    for (Map.Entry<Group, List<Integer>> g : delivered.entrySet()) {
      List<Integer> members = g.getValue();
      if (members.size() == 1) {
        rest.addAll(members);
        continue;
      }
      Object[] ids = new Object[members.size()];
      for (int k = 0; k < ids.length; k++) ids[k] = finishes.get(members.get(k)).job().id();
      java.sql.Savepoint before = c.setSavepoint();
      int n;
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE delivery SET state = 'done', attempts = attempts + 1, next_attempt = created, "
                  + "lease_until = NULL, last_status = ?, last_error = NULL, updated = ? "
                  + "WHERE id = ANY(?) AND lease_until = ?")) {
        ps.setInt(1, g.getKey().status());
        ps.setObject(2, at);
        ps.setArray(3, c.createArrayOf("BIGINT", ids));
        ps.setObject(4, ts(g.getKey().lease()));
        n = ps.executeUpdate();
      }
      if (n == ids.length) {
        for (int i : members) written[i] = true;
      } else {
        c.rollback(before);
        rest.addAll(members);
      }
    }
    if (rest.isEmpty()) return written;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE delivery SET state = ?, attempts = attempts + 1, next_attempt = ?, lease_until = NULL, "
                + "last_status = ?, last_error = ?, updated = ? WHERE id = ? AND lease_until = ?")) {
      for (int i : rest) {
        Finish f = finishes.get(i);
        ps.setString(1, f.state().storedName());
        ps.setObject(2, ts(f.next()));
        ps.setObject(3, f.status());
        ps.setString(4, clip(f.error()));
        ps.setObject(5, at);
        ps.setLong(6, f.job().id());
        ps.setObject(7, ts(f.job().leaseUntil()));
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int k = 0; k < counts.length; k++) written[rest.get(k)] = counts[k] == 1;
    }
    return written;
  }

  /**
   * Reads, changes and writes a host's state under a row lock, so concurrent outcomes for one host
   * (several requests in flight) do not lose each other's failure counts. Creates the row if new.
   */
  public PeerState updatePeer(Connection c, String host, UnaryOperator<PeerState> change)
      throws SQLException {
    return peers.update(c, host, change);
  }

  /** The stored state of a host, if we have talked to it. */
  public Optional<PeerState> peer(Connection c, String host) throws SQLException {
    return peers.find(c, host);
  }

  /**
   * Gives up on pending jobs older than {@code giveUpAfter} whose host's breaker is open. Without
   * this, a host that stays down past the deadline would lose its backlog one probe at a time.
   *
   * @return how many jobs were given up
   */
  public int expireStalled(Connection c, Instant now, Duration giveUpAfter) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE delivery SET state = 'dead', last_error = ?, updated = ? "
                + "WHERE state = 'pending' AND created < ? AND (lease_until IS NULL OR lease_until <= ?) "
                + "AND host IN (SELECT host FROM peer_host WHERE breaker_open_until > ?)")) {
      ps.setString(1, "gave up: host unreachable for " + giveUpAfter.toHours() + " h");
      ps.setObject(2, ts(now));
      ps.setObject(3, ts(now.minus(giveUpAfter)));
      ps.setObject(4, ts(now));
      ps.setObject(5, ts(now));
      return ps.executeUpdate();
    }
  }

  /**
   * Deletes delivered jobs last updated before {@code before}; repeats of them are then possible.
   * Then deletes the bodies no job refers to any more that were not used since {@code before}.
   */
  public int purgeDone(Connection c, Instant before) throws SQLException {
    int purged;
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM delivery WHERE state = 'done' AND updated < ?")) {
      ps.setObject(1, ts(before));
      purged = ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM delivery_body b WHERE b.last_used < ? "
                + "AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.body_hash = b.hash)")) {
      ps.setObject(1, ts(before));
      ps.executeUpdate();
    }
    return purged;
  }

  /** All jobs for an activity, one per inbox, ordered by id. */
  public List<DeliveryRecord> find(Connection c, String activityId) throws SQLException {
    List<DeliveryRecord> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, org_id, activity_id, inbox, host, state, attempts, next_attempt, lease_until, last_status, "
                + "last_error, created, updated FROM delivery WHERE activity_id = ? ORDER BY id")) {
      ps.setString(1, activityId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new DeliveryRecord(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  URI.create(rs.getString(4)),
                  rs.getString(5),
                  DeliveryState.fromStored(rs.getString(6)),
                  rs.getInt(7),
                  instant(rs, 8),
                  instant(rs, 9),
                  (Integer) rs.getObject(10),
                  rs.getString(11),
                  instant(rs, 12),
                  instant(rs, 13)));
        }
      }
    }
    return out;
  }

  /** Counts by state and per host, with each host's breaker state as of {@code now}. */
  public DeliveryStats stats(Connection c, Instant now) throws SQLException {
    long pending = 0, done = 0, dead = 0, leased = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT state, COUNT(*), SUM(CASE WHEN lease_until > ? THEN 1 ELSE 0 END) FROM delivery GROUP BY state")) {
      ps.setObject(1, ts(now));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          switch (DeliveryState.fromStored(rs.getString(1))) {
            case PENDING -> {
              pending = rs.getLong(2);
              leased = rs.getLong(3);
            }
            case DONE -> done = rs.getLong(2);
            case DEAD -> dead = rs.getLong(2);
          }
        }
      }
    }
    Map<String, Long> queued = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT host, COUNT(*) FROM delivery WHERE state = 'pending' GROUP BY host");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) queued.put(rs.getString(1), rs.getLong(2));
    }
    Map<String, PeerState> known = new TreeMap<>();
    for (PeerState p : peers.all(c)) known.put(p.host(), p);
    queued.keySet().forEach(h -> known.putIfAbsent(h, PeerState.unknown(h)));
    List<DeliveryStats.HostStats> hosts = new ArrayList<>();
    for (PeerState p : known.values()) {
      BreakerState breaker =
          p.breakerOpenUntil() == null
              ? BreakerState.CLOSED
              : now.isBefore(p.breakerOpenUntil()) ? BreakerState.OPEN : BreakerState.HALF_OPEN;
      hosts.add(
          new DeliveryStats.HostStats(
              p.host(),
              queued.getOrDefault(p.host(), 0L),
              p.lastSuccess(),
              p.lastFailure(),
              p.consecutiveFailures(),
              breaker,
              p.breakerOpenUntil(),
              p.signatureScheme()));
    }
    return new DeliveryStats(pending, leased, done, dead, hosts);
  }

  private static String clip(String s) {
    return s == null || s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
  }
}
