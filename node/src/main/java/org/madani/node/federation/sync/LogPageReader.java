package org.madani.node.federation.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.madani.node.federation.Origins;
import org.madani.node.federation.actor.DocumentFetcher;

/**
 * Reads an origin's log from one source, page after page, and hands each page's items to a sink
 * (the mirror, which verifies and applies them in order).
 *
 * <p>Pages are taken one at a time: asking for the next while the current one was stored (tried for
 * issue 13) holds two pages of 500 in memory, and a node capped at 128 MiB ran out of heap.
 *
 * <p>The pages are read in a loop that hands one promise along, not by returning the next page's
 * future from the previous page's continuation. Such a chain keeps every continuation, with the
 * page document and items it captured, reachable until the last page is stored: a catch-up of
 * thousands of entries then held all of them at once, and a follower capped at 128 MiB spent its
 * time in full collections until an OutOfMemoryError closed its database (CatchUpResumeIT on CI).
 * {@code LogPageReaderTest} checks that a stored page becomes unreachable while later pages are
 * read.
 *
 * <p>Thread-safety: call from a Vert.x context; each {@link #read} is independent.
 */
final class LogPageReader {

  /** Stores one page's items in order; fails to stop the reading. */
  @FunctionalInterface
  interface Sink {
    Future<?> store(String origin, List<ObjectNode> items, String via);
  }

  /** Pages read from one source in one catch-up at most. */
  static final int MAX_PAGES = 500;

  private final DocumentFetcher fetcher;
  private final Sink sink;

  LogPageReader(DocumentFetcher fetcher, Sink sink) {
    this.fetcher = fetcher;
    this.sink = sink;
  }

  /**
   * Reads from {@code first} on; completes with the highest sequence seen ({@code highest} when the
   * source had nothing new), or fails with the first failed fetch or store.
   *
   * @param via the mirror's base URL, or null when reading the origin's own log
   */
  Future<Long> read(String origin, URI first, String via, long highest) {
    Promise<Long> done = Promise.promise();
    next(origin, first, via, highest, 0, done);
    return done.future();
  }

  /**
   * What a stored page leaves for the loop: the highest sequence seen and the next page, if any.
   */
  private record Turn(long seen, URI next) {}

  private void next(
      String origin, URI page, String via, long highest, int count, Promise<Long> done) {
    if (count >= MAX_PAGES) {
      done.complete(highest);
      return;
    }
    fetcher
        .fetch(page)
        .compose(f -> store(origin, page, via, highest, f.document()))
        .onComplete(
            ar -> {
              if (ar.failed()) {
                done.fail(ar.cause());
              } else if (ar.result().next() == null) {
                done.complete(ar.result().seen());
              } else {
                next(origin, ar.result().next(), via, ar.result().seen(), count + 1, done);
              }
            });
  }

  /** Stores one page's items; the returned turn holds neither the page nor its items. */
  private Future<Turn> store(String origin, URI page, String via, long highest, ObjectNode doc) {
    List<ObjectNode> items = new ArrayList<>();
    long top = highest;
    for (JsonNode item : doc.path("orderedItems")) {
      if (item instanceof ObjectNode o) {
        items.add(o);
        top = Math.max(top, o.path("sequence").asLong(0));
      }
    }
    URI next = null;
    String link = doc.path("next").asText(null);
    // A page may only point to more of the same source, never elsewhere; an empty page ends it.
    if (link != null && !items.isEmpty() && Origins.sameOrigin(link, page.toString())) {
      next = URI.create(link);
    }
    Turn turn = new Turn(top, next);
    if (items.isEmpty()) return Future.succeededFuture(turn);
    return sink.store(origin, items, via).map(stored -> turn);
  }
}
