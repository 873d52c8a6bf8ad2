package org.madani.node.federation.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.madani.node.federation.Origins;
import org.madani.node.federation.actor.DocumentFetcher;
import org.madani.node.json.BufferInput;

/**
 * Reads an origin's log from one source, page after page, and hands each page's items to a sink
 * (the mirror): first to be checked (proofs, on the crypto workers), then to be stored and applied,
 * one page after another in order.
 *
 * <p>With {@code readAhead}, one page is read ahead: while page N is stored, page N+1 is fetched
 * and checked, so the network, the serving peer, the proof checks (all cores) and the storing
 * transaction (one thread) overlap instead of waiting for each other (issue 13). Never more: a
 * reader holds at most the page being stored and the one after it, two pages whatever the log's
 * length. Two parsed pages of 500 are tens of MiB, too much for a node capped at 128 MiB (a
 * follower of CatchUpResumeIT died during its catch-up with it), so small heaps read one page at a
 * time ({@link #READ_AHEAD_HEAP}).
 *
 * <p>The pages are read in a loop that hands one promise along, not by returning the next page's
 * future from the previous page's continuation. Such a chain keeps every continuation, with the
 * page document and items it captured, reachable until the last page is stored: a catch-up of
 * thousands of entries then held all of them at once, and a follower capped at 128 MiB spent its
 * time in full collections until an OutOfMemoryError closed its database (CatchUpResumeIT on CI).
 * {@code LogPageReaderTest} checks that a stored page becomes unreachable while later pages are
 * read, and that no more than one page is read ahead.
 *
 * <p>Thread-safety: call from a Vert.x context; each {@link #read} is independent.
 *
 * @param <C> a page's items once checked
 */
final class LogPageReader<C> {

  /** Checks, then stores, one page's items; a failure stops the reading. */
  interface Sink<C> {
    /**
     * Checks a page's items (may run while the page before is being stored). {@code texts} holds
     * each item's JSON text as received (an entry is null where it is not known), or is null.
     */
    Future<C> check(String origin, List<ObjectNode> items, List<String> texts, String via);

    /** Stores checked items; called in page order, each after the previous page's store ended. */
    Future<?> store(C checked);
  }

  /** Pages read from one source in one catch-up at most. */
  static final int MAX_PAGES = 500;

  /** The smallest heap ({@code -Xmx}) that reads a page ahead: room for two pages and the rest. */
  static final long READ_AHEAD_HEAP = 512L << 20;

  private final DocumentFetcher fetcher;
  private final Sink<C> sink;
  private final boolean readAhead;
  private final BooleanSupplier stopping;

  /** {@code readAhead}: fetch and check the next page while a page is stored. */
  LogPageReader(DocumentFetcher fetcher, Sink<C> sink, boolean readAhead) {
    this(fetcher, sink, readAhead, () -> false);
  }

  /**
   * As above; once {@code stopping} says so, no further page is stored or read (the node stops):
   * the reading ends as if the log ended there.
   */
  LogPageReader(
      DocumentFetcher fetcher, Sink<C> sink, boolean readAhead, BooleanSupplier stopping) {
    this.fetcher = fetcher;
    this.sink = sink;
    this.readAhead = readAhead;
    this.stopping = stopping;
  }

  /** Reads ahead when this JVM's heap may grow to {@link #READ_AHEAD_HEAP} or more. */
  static boolean heapAllowsReadAhead() {
    return Runtime.getRuntime().maxMemory() >= READ_AHEAD_HEAP;
  }

  /**
   * Reads from {@code first} on; completes with the highest sequence seen ({@code highest} when the
   * source had nothing new), or fails with the first failed fetch, check or store.
   *
   * @param via the mirror's base URL, or null when reading the origin's own log
   */
  Future<Long> read(String origin, URI first, String via, long highest) {
    Promise<Long> done = Promise.promise();
    turn(origin, take(origin, first, via), via, highest, 1, done);
    return done.future();
  }

  /**
   * A page fetched and checked: its checked items (null when it had none), its highest sequence and
   * the next page, if any. Holds neither the page document nor its unchecked items.
   */
  private record Page<C>(C checked, long top, URI next) {}

  /**
   * Stores {@code current} once it is checked, fetching the page after it meanwhile; then takes
   * that page's turn. {@code count} pages have been asked for so far.
   */
  private void turn(
      String origin,
      Future<Page<C>> current,
      String via,
      long highest,
      int count,
      Promise<Long> done) {
    current.onComplete(
        ar -> {
          if (ar.failed()) {
            done.fail(ar.cause());
            return;
          }
          Page<C> page = ar.result();
          if (stopping.getAsBoolean()) {
            done.complete(highest);
            return;
          }
          long seen = Math.max(highest, page.top());
          URI next = page.next() != null && count < MAX_PAGES ? page.next() : null;
          Future<Page<C>> ahead = next != null && readAhead ? take(origin, next, via) : null;
          Future<?> stored =
              page.checked() == null ? Future.succeededFuture() : sink.store(page.checked());
          stored.onComplete(
              s -> {
                if (s.failed()) {
                  done.fail(s.cause());
                } else if (next == null || stopping.getAsBoolean()) {
                  done.complete(seen);
                } else {
                  Future<Page<C>> following = ahead != null ? ahead : take(origin, next, via);
                  turn(origin, following, via, seen, count + 1, done);
                }
              });
        });
  }

  /** Fetches one page and checks its items. */
  private Future<Page<C>> take(String origin, URI page, String via) {
    return fetcher.fetch(page).compose(f -> check(origin, page, via, f.document(), f.body()));
  }

  private Future<Page<C>> check(String origin, URI page, String via, ObjectNode doc, Buffer body) {
    List<ObjectNode> items = new ArrayList<>();
    long top = 0;
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
    long highest = top;
    URI following = next;
    if (items.isEmpty()) return Future.succeededFuture(new Page<>(null, highest, following));
    List<String> texts = itemTexts(body, items.size());
    return sink.check(origin, items, texts, via)
        .map(checked -> new Page<>(checked, highest, following));
  }

  /**
   * The JSON text of each object of the page's {@code orderedItems}, cut from the body as it was
   * received ({@code count} of them, in order), or null when the body is not known or does not
   * agree. The mirror keeps each item as that text: writing 500 parsed items out again was the
   * largest part of storing a page, and the text spares the walk over its strings looking for
   * surrogate escapes (issue 13). A text with U+FFFD in it is left out (null): it may stand for
   * bytes that were not UTF-8, which the text would then not say as the parser read them.
   */
  static List<String> itemTexts(Buffer body, int count) {
    if (body == null) return null;
    int from = itemsFrom(body);
    if (from < 0) return null;
    // The page is well-formed JSON (it was parsed): what delimits its items are the braces and
    // brackets outside strings, found in one pass over the bytes, a window at a time.
    List<String> texts = new ArrayList<>(count);
    byte[] window = new byte[64 * 1024];
    int depth = 0;
    int start = -1;
    boolean inString = false;
    boolean escaped = false;
    for (int base = from; base < body.length(); base += window.length) {
      int n = Math.min(window.length, body.length() - base);
      body.getBytes(base, base + n, window, 0);
      for (int i = 0; i < n; i++) {
        byte b = window[i];
        if (inString) {
          if (escaped) escaped = false;
          else if (b == '\\') escaped = true;
          else if (b == '"') inString = false;
        } else if (b == '"') {
          inString = true;
        } else if (b == '{' || b == '[') {
          if (depth++ == 0 && b == '{') start = base + i;
        } else if (b == '}' || b == ']') {
          if (depth == 0) return texts.size() == count ? texts : null; // the end of the items
          if (--depth == 0 && start >= 0) {
            String text = body.getString(start, base + i + 1);
            texts.add(text.indexOf('\uFFFD') < 0 ? text : null);
            start = -1;
          }
        }
      }
    }
    return null;
  }

  /** Where the page's top-level {@code orderedItems} array begins (after its '['), or -1. */
  private static int itemsFrom(Buffer body) {
    try (JsonParser p = TOKENS.createParser(new BufferInput(body))) {
      if (p.nextToken() != JsonToken.START_OBJECT) return -1;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (p.nextToken() == JsonToken.START_ARRAY && "orderedItems".equals(name)) {
          return (int) p.currentTokenLocation().getByteOffset() + 1;
        }
        p.skipChildren();
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1; // parsed once already: the texts are only a saving
    }
  }

  /** Reads tokens only; the page was parsed (with the node's limits) before. */
  private static final JsonFactory TOKENS = new JsonFactory();
}
