package org.madani.node.federation.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.List;

/**
 * Where one catch-up's pages go: checked by the mirror (proofs on the crypto workers), then stored
 * and applied by it, page after page. A page is checked while the page before it is still being
 * stored (LogPageReader reads one ahead), so its proofs were checked against the keys pinned before
 * that page was applied. When that page changed the origin's keys (an Update of its actor: a key
 * rotated in or revoked), or when some of its items were refused (perhaps signed by a key that page
 * brought), the page is checked again before it is stored: the outcome is the one reading the pages
 * strictly one after another gives. One instance per catch-up; used from one Vert.x context.
 */
final class CatchUpSink implements LogPageReader.Sink<CatchUpSink.Pending> {

  /** A page's items and what the first check found. */
  record Pending(List<ObjectNode> items, MirrorService.Checked checked) {}

  private final MirrorService mirror;
  private boolean keysChanged;

  CatchUpSink(MirrorService mirror) {
    this.mirror = mirror;
  }

  @Override
  public Future<Pending> check(String origin, List<ObjectNode> items, String via) {
    return mirror.check(origin, items, via).map(checked -> new Pending(items, checked));
  }

  @Override
  public Future<?> store(Pending page) {
    MirrorService.Checked first = page.checked();
    Future<MirrorService.Checked> checked =
        keysChanged || first.rejected() > 0
            ? mirror.check(first.origin(), page.items(), first.via())
            : Future.succeededFuture(first);
    // Only the page stored just before another was checked can have changed its keys meanwhile.
    keysChanged = false;
    for (ObjectNode item : page.items()) {
      if (MirrorService.changesKeys(first.origin(), item)) keysChanged = true;
    }
    return checked.compose(mirror::commit);
  }
}
