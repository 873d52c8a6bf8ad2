package org.madani.node.federation.outbox;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;

/** Where outgoing activities go: a durable queue written in the caller's transaction. */
@FunctionalInterface
public interface OutboundQueue {
  void enqueue(Connection c, long orgId, String activityId, URI inbox, byte[] body) throws SQLException;
}
