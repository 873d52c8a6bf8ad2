package org.madani.node.federation.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.Consumer;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * Routes log items (signed, numbered content activities from Madani nodes) through the mirror, so
 * that they are applied in order and kept for peers; anything else goes to the plain handler.
 */
public final class LogItemHandler implements ActivityHandler {

  private final ActivityHandler plain;
  private final MirrorService mirror;
  private final Consumer<String> catchUpSoon;

  public LogItemHandler(ActivityHandler plain, MirrorService mirror, Consumer<String> catchUpSoon) {
    this.plain = plain;
    this.mirror = mirror;
    this.catchUpSoon = catchUpSoon;
  }

  @Override
  public String type() {
    return plain.type();
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    if (!MirrorService.isLogItem(activity)) return plain.handle(row, activity);
    return take(row.actor(), activity, null);
  }

  /**
   * Log items batch too: their proofs are checked beforehand ({@link #prepare}, on the crypto
   * workers) and the processor stores and applies a run of them in one transaction, where each used
   * to take three commits of its own (mirror, relay, inbox mark); the mirror applies them in order
   * whatever transaction they share (issue 13). Plain activities batch as their handler does.
   */
  @Override
  public boolean batches(ObjectNode activity) {
    return MirrorService.isLogItem(activity) || plain.batches(activity);
  }

  @Override
  public Future<Step> prepare(InboxRow row, ObjectNode activity) {
    if (!MirrorService.isLogItem(activity)) return plain.prepare(row, activity);
    return prepareTake(row.actor(), activity, null);
  }

  /**
   * A log item of {@code origin}, from the origin itself ({@code via} null) or relayed by {@code
   * via}.
   */
  Future<Void> take(String origin, ObjectNode activity, String via) {
    return mirror.accept(origin, List.of(activity), via).map(o -> outcome(origin, o));
  }

  /** As {@link #take}, with its proofs checked now and its storing left to the returned step. */
  Future<Step> prepareTake(String origin, ObjectNode activity, String via) {
    return mirror
        .check(origin, List.of(activity), via)
        .map(
            checked ->
                c -> {
                  if (checked.rejected() > 0) {
                    throw new IllegalArgumentException("log item failed verification");
                  }
                  outcome(origin, mirror.store(c, checked));
                });
  }

  private Void outcome(String origin, MirrorService.Outcome o) {
    if (o.rejected() > 0) throw new IllegalArgumentException("log item failed verification");
    if (o.gap()) catchUpSoon.accept(origin);
    return null;
  }
}
