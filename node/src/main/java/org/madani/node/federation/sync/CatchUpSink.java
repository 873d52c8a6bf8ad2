package org.madani.node.federation.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;

/**
 * Where one catch-up's pages go: checked by the mirror (proofs on the crypto workers), then stored
 * and applied by it, page after page. A page is checked while the page before it is still being
 * stored (LogPageReader reads one ahead), so its proofs were checked against the keys pinned before
 * that page was applied. When that page changed the origin's keys (an Update of its actor: a key
 * rotated in or revoked), the page is checked again before it is stored: the outcome is the one
 * reading the pages strictly one after another gives. One instance per catch-up; used from one
 * Vert.x context.
 */
final class CatchUpSink implements LogPageReader.Sink<CatchUpSink.Pending> {

  /** A page's items (with their texts as received, or null) and what the first check found. */
  record Pending(List<ObjectNode> items, List<String> texts, MirrorService.Checked checked) {}

  /** Checks a page's items against the origin's pinned keys ({@link MirrorService#check}). */
  @FunctionalInterface
  interface Checker {
    Future<MirrorService.Checked> check(
        String origin, List<ObjectNode> items, List<String> texts, String via);
  }

  private final Checker checker;
  private final Function<MirrorService.Checked, Future<?>> commit;
  private boolean keysChanged;

  CatchUpSink(MirrorService mirror) {
    this(mirror::check, mirror::commit);
  }

  /** {@code commit} stores and applies checked items ({@link MirrorService#commit}). */
  CatchUpSink(Checker checker, Function<MirrorService.Checked, Future<?>> commit) {
    this.checker = checker;
    this.commit = commit;
  }

  @Override
  public Future<Pending> check(
      String origin, List<ObjectNode> items, List<String> texts, String via) {
    return checker
        .check(origin, items, texts, via)
        .map(checked -> new Pending(items, texts, checked));
  }

  @Override
  public Future<?> store(Pending page) {
    MirrorService.Checked first = page.checked();
    Future<MirrorService.Checked> checked =
        keysChanged
            ? checker.check(first.origin(), page.items(), page.texts(), first.via())
            : Future.succeededFuture(first);
    // Only the page stored just before another was checked can have changed its keys meanwhile.
    keysChanged = false;
    for (ObjectNode item : page.items()) {
      if (MirrorService.changesKeys(first.origin(), item)) keysChanged = true;
    }
    return checked.compose(c -> commit.apply(c).mapEmpty());
  }
}
