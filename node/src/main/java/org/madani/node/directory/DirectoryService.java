package org.madani.node.directory;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.Set;
import org.madani.node.directory.search.SearchIndex;
import org.madani.node.model.DirectoryQuery;
import org.madani.node.model.DirectoryResult;
import org.madani.node.model.Problem;
import org.madani.node.store.Database;
import org.madani.node.store.DirectoryRepository;

/**
 * The directory's entry point for routes, pages and feeds: searches run on a small worker pool
 * (Lucene reads are CPU and disk work, never on the event loop); rebuilds go to the indexer.
 * Thread-safe.
 */
public final class DirectoryService {

  private final Database db;
  private final DirectoryRepository repo;
  private final SearchIndex index;
  private final DirectoryIndexer indexer;
  private final WorkerExecutor searchers;

  public DirectoryService(
      Database db,
      DirectoryRepository repo,
      SearchIndex index,
      DirectoryIndexer indexer,
      WorkerExecutor searchers) {
    this.db = db;
    this.repo = repo;
    this.index = index;
    this.indexer = indexer;
    this.searchers = searchers;
  }

  /** One page of results with facets; only what {@link DirectoryQuery#viewers()} may see. */
  public Future<DirectoryResult> search(DirectoryQuery q) {
    return searchers.executeBlocking(() -> index.search(q), false);
  }

  /** The ids of all hosted organizations: what the node's admins see network entries for. */
  public Future<Set<Long>> hostedOrganizations() {
    return db.tx(repo::hostedOrganizations);
  }

  /** The id of the hosted organization {@code handle}; a 404 problem when there is none. */
  public Future<Long> hostedOrganization(String handle) {
    return db.tx(c -> repo.hostedOrganization(c, handle))
        .map(
            id -> {
              if (id == null)
                throw Problem.notFound("No organization '" + handle + "' is hosted here.");
              return id;
            });
  }

  /** Rebuilds the index from H2; completes with the number of entries indexed. */
  public Future<Long> reindex() {
    return indexer.reindex();
  }
}
