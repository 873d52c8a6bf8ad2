package org.madani.node.directory;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.madani.node.directory.search.SearchIndex;
import org.madani.node.store.Database;
import org.madani.node.store.DirectoryRepository;
import org.madani.node.store.DirectoryRepository.OwnRow;
import org.madani.node.store.DirectoryRepository.RemoteRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the search index in step with H2. Rather than trusting every write path to report its
 * changes, it reads them back: each pass asks H2 for own entries and received objects changed
 * (or deleted, or whose organization changed) since the last pass, minus a safety margin, and
 * applies them. Content and inbox hooks only {@link #wakeUp()} it, so new entries show within
 * moments, and nothing is lost if a hook is missed, the node crashes between a commit in H2 and
 * the index, or an entry arrives by a path no hook covers (follow backfill, offline CLI).
 *
 * <p>Index changes become searchable at once (NRT refresh) and durable every few seconds
 * (Lucene commit, with the sync time in its commit data). At start, an index that is missing or
 * unreadable is rebuilt from H2 in the background; searches meanwhile see what is there.
 *
 * <p>Thread-safety: all index writes run on one dedicated worker thread, so a rebuild and a
 * sync never interleave. {@link #wakeUp()} and {@link #reindex()} may be called from any thread.
 */
public final class DirectoryIndexer extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryIndexer.class);

  /**
   * A change is stamped inside its transaction but may commit later (lock waits are bounded by
   * H2's LOCK_TIMEOUT of 10 s): look that far back again on every pass so it is not skipped.
   */
  static final Duration MARGIN = Duration.ofSeconds(15);
  private static final Duration COMMIT_EVERY = Duration.ofSeconds(5);
  private static final int BATCH = 1000;

  private final Database db;
  private final DirectoryRepository repo;
  private final DirectoryEntries entries;
  private final SearchIndex index;
  private final Clock clock;
  private final long pollMillis;

  /** Rows applied within the margin window, by index key, with what they looked like. Writer thread only. */
  private final Map<String, Seen> recent = new HashMap<>();
  private Instant watermark;
  private Instant lastCommit;
  private boolean dirty;

  // event-loop state
  private WorkerExecutor writer;
  private long timer;
  private boolean syncing;
  private boolean again;

  private record Seen(String marker, Instant at) {}

  public DirectoryIndexer(Database db, DirectoryRepository repo, DirectoryEntries entries, SearchIndex index,
      Clock clock, long pollMillis) {
    this.db = db;
    this.repo = repo;
    this.entries = entries;
    this.index = index;
    this.clock = clock;
    this.pollMillis = pollMillis;
    this.watermark = index.syncedUntil();
    this.lastCommit = clock.instant();
  }

  @Override
  public Future<?> start() {
    writer = vertx.createSharedWorkerExecutor("madani-index-" + System.identityHashCode(this), 1);
    Future<?> first = index.needsRebuild()
        ? writer.executeBlocking(this::rebuildBlocking)
        : writer.executeBlocking(() -> {
          seedNamesBlocking();
          return syncBlocking();
        });
    first.onFailure(err -> LOG.warn("directory index: first pass failed: {}", err.toString()))
        .onComplete(ar -> timer = vertx.setPeriodic(pollMillis, id -> requestSync()));
    return Future.succeededFuture(); // serve while a large rebuild runs
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return writer.executeBlocking(() -> {
      if (watermark != null) index.commit(watermark);
      index.close();
      return null;
    }).eventually(() -> writer.close());
  }

  /** Asks for a sync pass soon; safe from any thread. Called after content or inbox commits. */
  public void wakeUp() {
    if (context != null) context.runOnContext(v -> requestSync());
  }

  /** Rebuilds the index from H2; completes with the number of entries indexed. */
  public Future<Long> reindex() {
    return writer.executeBlocking(this::rebuildBlocking);
  }

  private void requestSync() {
    if (syncing) {
      again = true;
      return;
    }
    syncing = true;
    again = false;
    writer.executeBlocking(() -> {
      int n = syncBlocking();
      commitIfDue();
      return n;
    }).onComplete(ar -> {
      syncing = false;
      if (ar.failed()) LOG.warn("directory index sync failed: {}", ar.cause().toString());
      if (again) requestSync();
    });
  }

  /** Replaces the whole index with what H2 holds now. Blocking; on the writer thread only. */
  public long rebuildBlocking() throws SQLException {
    Instant start = clock.instant();
    index.deleteAll();
    long n = 0;
    for (String after = null;;) {
      String from = after;
      List<OwnRow> page = db.txBlocking(c -> repo.ownAll(c, from, BATCH));
      if (page.isEmpty()) break;
      for (OwnRow r : page) {
        Optional<DirectoryEntry> e = entries.own(r);
        if (e.isPresent()) {
          index.upsert(e.get());
          n++;
        }
      }
      after = page.get(page.size() - 1).id();
    }
    for (String after = null;;) {
      String from = after;
      List<RemoteRow> page = db.txBlocking(c -> repo.remoteAll(c, from, BATCH));
      if (page.isEmpty()) break;
      for (RemoteRow r : page) {
        Optional<DirectoryEntry> e = entries.remote(r);
        if (e.isPresent()) {
          index.upsert(e.get());
          n++;
        }
      }
      after = page.get(page.size() - 1).id();
    }
    index.refresh(); // deleteAll and the new documents become visible together
    recent.clear();
    watermark = start;
    index.commit(start);
    lastCommit = clock.instant();
    dirty = false;
    LOG.info("directory index rebuilt: {} entries in {} ms", n, Duration.between(start, clock.instant()).toMillis());
    return n;
  }

  /** Applies what changed in H2 since the last pass. Blocking; on the writer thread only. */
  public int syncBlocking() throws SQLException {
    Instant start = clock.instant();
    Instant since = watermark == null ? Instant.EPOCH : watermark.minus(MARGIN);
    var changes = db.txBlocking(c -> Map.entry(repo.ownChangedSince(c, since), repo.remoteChangedSince(c, since)));
    int n = 0;
    for (OwnRow r : changes.getKey()) {
      String marker = r.updated() + "|" + r.deletedAt() + "|" + r.visibility() + "|" + r.profile().hashCode();
      if (!fresh("l " + r.id(), marker, start)) continue;
      entries.own(r).ifPresentOrElse(index::upsert, () -> index.delete(true, entries.ownId(r)));
      n++;
    }
    for (RemoteRow r : changes.getValue()) {
      String marker = r.updated() + "|" + r.deletedAt() + "|" + r.recipients() + "|"
          + (r.actorDocument() == null ? 0 : r.actorDocument().hashCode());
      if (!fresh("r " + r.id(), marker, start)) continue;
      entries.remote(r).ifPresentOrElse(index::upsert, () -> index.delete(false, r.id()));
      n++;
    }
    recent.values().removeIf(s -> s.at().isBefore(since));
    if (n > 0) {
      index.refresh();
      dirty = true;
    }
    watermark = start;
    return n;
  }

  /** False when this row was already applied as it is now (it stays in the window for a while). */
  private boolean fresh(String key, String marker, Instant now) {
    Seen s = recent.get(key);
    if (s != null && s.marker().equals(marker)) return false;
    recent.put(key, new Seen(marker, now));
    return true;
  }

  private void commitIfDue() {
    Instant now = clock.instant();
    boolean stale = Duration.between(lastCommit, now).compareTo(Duration.ofMinutes(5)) > 0;
    if ((dirty && Duration.between(lastCommit, now).compareTo(COMMIT_EVERY) >= 0) || stale) {
      index.commit(watermark);
      lastCommit = now;
      dirty = false;
    }
  }

  /** Organization names for facet labels, for an index opened from disk. */
  private void seedNamesBlocking() throws SQLException {
    for (var r : db.txBlocking(repo::organizationNames)) {
      var e = entries.organizationName(r);
      index.organizationName(e.getKey(), e.getValue());
    }
  }
}
