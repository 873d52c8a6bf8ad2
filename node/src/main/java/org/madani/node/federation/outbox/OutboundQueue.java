package org.madani.node.federation.outbox;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.madani.node.store.DeliveryRepository;

/** Where outgoing activities go: a durable queue written in the caller's transaction. */
@FunctionalInterface
public interface OutboundQueue {
  /**
   * @param objectId the id of the activity's object, or null: jobs about one object reach an inbox
   *     in the order they were queued (an Update never overtakes its Create)
   */
  void enqueue(Connection c, long orgId, String activityId, String objectId, URI inbox, byte[] body)
      throws SQLException;

  /**
   * Many jobs of one organization at once (bulk publish), in their order. One by one unless the
   * queue does better (the delivery repository batches them).
   */
  default void enqueueAll(Connection c, long orgId, List<DeliveryRepository.NewJob> jobs)
      throws SQLException {
    for (DeliveryRepository.NewJob j : jobs) {
      enqueue(c, orgId, j.activityId(), j.objectId(), j.inbox(), j.body());
    }
  }

  /** The node's durable delivery queue, batched for many jobs. */
  static OutboundQueue of(DeliveryRepository deliveries) {
    return new OutboundQueue() {
      @Override
      public void enqueue(
          Connection c, long orgId, String activityId, String objectId, URI inbox, byte[] body)
          throws SQLException {
        deliveries.enqueue(c, orgId, activityId, objectId, inbox, body);
      }

      @Override
      public void enqueueAll(Connection c, long orgId, List<DeliveryRepository.NewJob> jobs)
          throws SQLException {
        deliveries.enqueueAll(c, orgId, jobs);
      }
    };
  }
}
