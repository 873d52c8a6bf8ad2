package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import org.madani.node.store.InboxRepository.InboxRow;

/**
 * Handles one type of incoming activity, after {@link InboxService} verified and stored it.
 * Implementations are named verb + object + Handler and must be idempotent: a crash between
 * handling and marking done replays the activity.
 */
public interface ActivityHandler {

  /** The activity type handled, e.g. {@code Follow}. */
  String type();

  Future<Void> handle(InboxRow row, ObjectNode activity);

  /** Work on H2 only, run inside a transaction the processor shares between several activities. */
  @FunctionalInterface
  interface Step {
    void apply(java.sql.Connection c) throws java.sql.SQLException;
  }

  /**
   * Whether this activity's handling is some I/O ({@link #prepare}) followed by writes to H2 only,
   * so that the processor can apply a batch of them in one transaction (one durable commit).
   */
  default boolean batches(ObjectNode activity) {
    return false;
  }

  /**
   * Does the I/O (e.g. looks up the author) and returns the writes, for activities where {@link
   * #batches} is true. The step must do what {@link #handle} would do in its transaction.
   */
  default Future<Step> prepare(InboxRow row, ObjectNode activity) {
    return Future.failedFuture(new UnsupportedOperationException(type() + " is handled alone"));
  }

  /**
   * As {@link #prepare(InboxRow, ObjectNode)}, for an activity applied in one transaction with
   * others: its step may share reads with theirs through {@code batch}.
   */
  default Future<Step> prepare(InboxRow row, ObjectNode activity, BatchLookups batch) {
    return prepare(row, activity);
  }
}
