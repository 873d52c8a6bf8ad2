package org.madani.node.setup;

import io.vertx.core.Vertx;
import java.time.Clock;
import org.madani.node.content.ContentEvents;
import org.madani.node.directory.DirectoryEntries;
import org.madani.node.directory.DirectoryIndexer;
import org.madani.node.directory.DirectoryService;
import org.madani.node.directory.search.SearchIndex;
import org.madani.node.model.Urls;

/** The directory: the search index that follows H2, its indexer, and the search service. */
public record DirectoryModule(
    SearchIndex index,
    DirectoryEntries entries,
    DirectoryIndexer indexer,
    DirectoryService directory) {

  public static DirectoryModule of(
      Vertx vertx, StoreModule store, SearchIndex index, Urls urls, Clock clock, boolean devMode) {
    DirectoryEntries entries = new DirectoryEntries(store.json().mapper(), urls);
    // The index follows H2; content and inbox commits only wake it (DirectoryIndexer).
    DirectoryIndexer indexer =
        new DirectoryIndexer(
            store.db(), store.directory(), entries, index, clock, devMode ? 250 : 2000);
    DirectoryService directory =
        new DirectoryService(
            store.db(),
            store.directory(),
            index,
            indexer,
            vertx.createSharedWorkerExecutor("madani-search-" + System.identityHashCode(index), 2));
    return new DirectoryModule(index, entries, indexer, directory);
  }

  /** Wakes the indexer once a content write has committed. */
  public ContentEvents wakeOnCommit() {
    return new ContentEvents() {
      @Override
      public void committed() {
        indexer.wakeUp();
      }
    };
  }
}
