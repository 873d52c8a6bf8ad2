package org.madani.node.federation.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.madani.node.federation.actor.DocumentFetcher;

/** Reading an origin's log page after page: the order, the end, and what stays in memory. */
class LogPageReaderTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String ORIGIN = "https://o.example/orgs/o";
  static final int PER_PAGE = 3;

  final Vertx vertx = Vertx.vertx();

  /** Each page document served, weakly: a stored page must not stay reachable. */
  final Map<Integer, WeakReference<ObjectNode>> served = new ConcurrentHashMap<>();

  final List<Long> stored = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /**
   * Serves {@code pages} pages of {@link #PER_PAGE} items each, later on the event loop (as a real
   * fetch completes), the last one without a next link unless {@code nextOfLast} is given.
   */
  DocumentFetcher log(int pages, String nextOfLast) {
    return url -> {
      int n = Integer.parseInt(url.getQuery().replaceAll(".*page=", ""));
      ObjectNode doc = JSON.createObjectNode();
      ArrayNode items = doc.putArray("orderedItems");
      for (int i = 1; i <= PER_PAGE; i++) {
        // A few KB per item, as a signed entry with its inline context is.
        items
            .addObject()
            .put("sequence", (long) (n - 1) * PER_PAGE + i)
            .put("pad", "x".repeat(4096));
      }
      if (n < pages) doc.put("next", ORIGIN + "/log?page=" + (n + 1));
      else if (nextOfLast != null) doc.put("next", nextOfLast);
      served.put(n, new WeakReference<>(doc));
      Promise<DocumentFetcher.Fetched> p = Promise.promise();
      vertx.runOnContext(v -> p.complete(new DocumentFetcher.Fetched(url, doc)));
      return p.future();
    };
  }

  /** A sink that checks nothing and stores at once, later on the event loop. */
  LogPageReader.Sink<List<ObjectNode>> storeAll() {
    return sink(
        items -> {
          items.forEach(i -> stored.add(i.path("sequence").asLong()));
          Promise<Void> p = Promise.promise();
          vertx.runOnContext(v -> p.complete());
          return p.future();
        });
  }

  /** A sink whose check passes every item and whose store is {@code store}. */
  static LogPageReader.Sink<List<ObjectNode>> sink(
      java.util.function.Function<List<ObjectNode>, Future<?>> store) {
    return new LogPageReader.Sink<>() {
      @Override
      public Future<List<ObjectNode>> check(
          String origin, List<ObjectNode> items, List<String> texts, String via) {
        return Future.succeededFuture(items);
      }

      @Override
      public Future<?> store(List<ObjectNode> items) {
        return store.apply(items);
      }
    };
  }

  Long read(LogPageReader<?> pages) throws Exception {
    Promise<Long> result = Promise.promise();
    vertx.runOnContext(
        v -> pages.read(ORIGIN, URI.create(ORIGIN + "/log?page=1"), null, 0).onComplete(result));
    return result.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void readsEveryPageInOrderAndCompletesWithTheHighestSequence() throws Exception {
    long highest = read(new LogPageReader<>(log(4, null), storeAll(), true));

    assertThat(highest).isEqualTo(4 * PER_PAGE);
    assertThat(stored).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
  }

  @Test
  void aNextLinkToAnotherOriginEndsTheReading() throws Exception {
    long highest =
        read(new LogPageReader<>(log(2, "https://elsewhere.example/log?page=3"), storeAll(), true));

    assertThat(highest).isEqualTo(2 * PER_PAGE);
    assertThat(served).containsOnlyKeys(1, 2);
  }

  @Test
  void aFailedStoreStopsTheReadingWithItsCause() {
    LogPageReader<?> pages = new LogPageReader<>(log(5, null), failingFromPage2(), true);

    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(() -> read(pages))
                .getCause()
                .getMessage())
        .isEqualTo("bad proof");
    // Page 3 was read ahead while page 2 was being stored, and nothing after it.
    assertThat(served).containsOnlyKeys(1, 2, 3);
  }

  /** Without read-ahead (a small heap), nothing is fetched while a page is stored. */
  @Test
  void withoutReadAheadAFailedStoreStopsTheReadingBeforeTheNextPage() {
    LogPageReader<?> pages = new LogPageReader<>(log(5, null), failingFromPage2(), false);

    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(() -> read(pages))
                .getCause()
                .getMessage())
        .isEqualTo("bad proof");
    assertThat(served).containsOnlyKeys(1, 2);
  }

  @Test
  void withoutReadAheadEveryPageIsReadInOrder() throws Exception {
    long highest = read(new LogPageReader<>(log(4, null), storeAll(), false));

    assertThat(highest).isEqualTo(4 * PER_PAGE);
    assertThat(stored).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
  }

  /** The node stops while the first page is stored: that page is kept, no other is read. */
  @Test
  void aStoppingNodeReadsNoFurtherPage() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean stopping =
        new java.util.concurrent.atomic.AtomicBoolean();
    LogPageReader<List<ObjectNode>> pages =
        new LogPageReader<>(
            log(4, null),
            sink(
                items -> {
                  items.forEach(i -> stored.add(i.path("sequence").asLong()));
                  stopping.set(true);
                  return Future.succeededFuture();
                }),
            false,
            stopping::get);

    assertThat(read(pages)).isEqualTo(PER_PAGE);
    assertThat(stored).containsExactly(1L, 2L, 3L);
    assertThat(served).containsOnlyKeys(1);
  }

  LogPageReader.Sink<List<ObjectNode>> failingFromPage2() {
    return sink(
        items ->
            items.get(0).path("sequence").asLong() > PER_PAGE
                ? Future.failedFuture(new IllegalStateException("bad proof"))
                : Future.succeededFuture());
  }

  /**
   * While page 4 is being stored, pages 1 to 3 are garbage. Before the loop, each page's
   * continuation stayed reachable from the next page's future, so a catch-up held every page it had
   * read until the end (a follower capped at 128 MiB ran out of heap on 3,000 entries).
   */
  @Test
  void aStoredPageIsNotKeptWhileLaterPagesAreRead() throws Exception {
    Promise<Void> fourth = Promise.promise();
    LogPageReader<?> pages =
        new LogPageReader<>(
            log(5, null),
            sink(
                items -> {
                  if (items.get(0).path("sequence").asLong() == 3L * PER_PAGE + 1) {
                    return fourth.future();
                  }
                  Promise<Void> p = Promise.promise();
                  vertx.runOnContext(v -> p.complete());
                  return p.future();
                }),
            true);
    Promise<Long> result = Promise.promise();
    vertx.runOnContext(
        v -> pages.read(ORIGIN, URI.create(ORIGIN + "/log?page=1"), null, 0).onComplete(result));
    await().atMost(Duration.ofSeconds(30)).until(() -> served.containsKey(4));

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              System.gc();
              assertThat(served.get(1).get()).as("page 1").isNull();
              assertThat(served.get(2).get()).as("page 2").isNull();
              assertThat(served.get(3).get()).as("page 3").isNull();
            });

    vertx.runOnContext(v -> fourth.complete());
    assertThat(result.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS))
        .isEqualTo(5 * PER_PAGE);
  }

  /**
   * While page 2 is being stored, page 3 is fetched and checked (issue 13: fetching and checking
   * overlap storing), but page 4 is not: a reader holds two pages at most. Stores run one after
   * another, in page order.
   */
  @Test
  void readsOnePageAheadAndNoMore() throws Exception {
    Promise<Void> second = Promise.promise();
    List<Long> checked = new CopyOnWriteArrayList<>();
    List<String> events = new CopyOnWriteArrayList<>();
    LogPageReader<List<ObjectNode>> pages =
        new LogPageReader<>(
            log(4, null),
            new LogPageReader.Sink<>() {
              @Override
              public Future<List<ObjectNode>> check(
                  String origin, List<ObjectNode> items, List<String> texts, String via) {
                checked.add(items.get(0).path("sequence").asLong());
                return Future.succeededFuture(items);
              }

              @Override
              public Future<?> store(List<ObjectNode> items) {
                long first = items.get(0).path("sequence").asLong();
                events.add("store " + first);
                Promise<Void> p = Promise.promise();
                if (first == PER_PAGE + 1) {
                  second.future().onComplete(p);
                } else {
                  vertx.runOnContext(v -> p.complete());
                }
                return p.future().onComplete(ar -> events.add("stored " + first));
              }
            },
            true);
    Promise<Long> result = Promise.promise();
    vertx.runOnContext(
        v -> pages.read(ORIGIN, URI.create(ORIGIN + "/log?page=1"), null, 0).onComplete(result));

    await().atMost(Duration.ofSeconds(30)).until(() -> checked.contains(2L * PER_PAGE + 1));
    // The reader runs on the event loop: once a task queued now has run, anything it would have
    // started upon checking page 3 has started.
    Promise<Void> roundTrip = Promise.promise();
    vertx.runOnContext(v -> roundTrip.complete());
    roundTrip.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(served).containsOnlyKeys(1, 2, 3);
    assertThat(events).containsExactly("store 1", "stored 1", "store 4");

    vertx.runOnContext(v -> second.complete());
    assertThat(result.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS))
        .isEqualTo(4 * PER_PAGE);
    assertThat(events)
        .containsExactly(
            "store 1",
            "stored 1",
            "store 4",
            "stored 4",
            "store 7",
            "stored 7",
            "store 10",
            "stored 10");
  }

  @Test
  void eachItemIsKeptAsTheTextItCameIn() {
    String first = "{\"sequence\":1,\"name\":\"مقالة \\\"}\\u0041\",\"o\":{\"a\":[1,{}]}}";
    String second = "{ \"sequence\" : 2 }";
    String page =
        "{\"id\":\"x\",\"first\":{\"orderedItems\":[{}]},\"orderedItems\":["
            + first
            + ",\"not an item\","
            + second
            + "],\"next\":null}";
    var body = io.vertx.core.buffer.Buffer.buffer(page);
    assertThat(LogPageReader.itemTexts(body, 2)).containsExactly(first, second);
    // The count must agree with the parsed page's items, else nothing is taken from the text.
    assertThat(LogPageReader.itemTexts(body, 3)).isNull();
    assertThat(LogPageReader.itemTexts(null, 2)).isNull();
    // Bytes that are not UTF-8 leave that item's text unknown.
    var broken = io.vertx.core.buffer.Buffer.buffer("{\"orderedItems\":[{\"a\":\"");
    broken.appendBytes(new byte[] {(byte) 0xC0, (byte) 0xAF}).appendString("\"}," + second + "]}");
    assertThat(LogPageReader.itemTexts(broken, 2)).containsExactly(null, second);
  }
}
