package org.madani.node.federation.outbox;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;

/** Where outgoing activities go: a durable queue written in the caller's transaction. */
@FunctionalInterface
public interface OutboundQueue {
  /**
   * @param objectId the id of the activity's object, or null: jobs about one object reach an inbox
   *     in the order they were queued (an Update never overtakes its Create)
   */
  void enqueue(Connection c, long orgId, String activityId, String objectId, URI inbox, byte[] body)
      throws SQLException;
}
