package org.madani.node.collab.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.collab.invite.CollabDeps;
import org.madani.node.federation.inbox.ActivityHandler;
import org.madani.node.federation.inbox.BatchLookups;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * Runs the node's handler of one type and then {@link CollabRecords} for it, in the same
 * transaction when the node's handler batches (so a replay or a crash never leaves one without the
 * other), else right after it. Idempotent as both parts are.
 */
public final class RecordingHandler implements ActivityHandler {

  private final CollabDeps deps;
  private final ActivityHandler base;
  private final String type;
  private final CollabRecords records;

  public RecordingHandler(
      CollabDeps deps, String type, ActivityHandler base, CollabRecords records) {
    this.deps = deps;
    this.type = type;
    this.base = base;
    this.records = records;
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    Future<Void> first = base == null ? Future.succeededFuture() : base.handle(row, activity);
    return first
        .compose(
            v ->
                deps.db()
                    .tx(
                        c -> {
                          records.record(c, type, row, activity);
                          return null;
                        }))
        .mapEmpty();
  }

  @Override
  public boolean batches(ObjectNode activity) {
    return base != null && base.batches(activity);
  }

  @Override
  public Future<Step> prepare(InboxRow row, ObjectNode activity) {
    return prepare(row, activity, new BatchLookups());
  }

  @Override
  public Future<Step> prepare(InboxRow row, ObjectNode activity, BatchLookups batch) {
    return base.prepare(row, activity, batch)
        .map(
            step ->
                c -> {
                  step.apply(c);
                  records.record(c, type, row, activity);
                });
  }
}
