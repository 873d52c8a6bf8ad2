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
}
