/**
 * Durable outbound delivery of ActivityPub activities.
 *
 * <p>How a delivery travels: a service calls {@link
 * org.madani.node.store.DeliveryRepository#enqueue} inside the transaction that changes content, so
 * the job exists if and only if the change does. After the commit the caller may nudge {@link
 * org.madani.node.federation.delivery.DeliveryWorker#wakeUp()}. The worker leases due jobs in a
 * transaction, checks the target with a {@link org.madani.node.federation.delivery.TargetGuard},
 * signs with a {@link org.madani.node.federation.delivery.RequestSigner}, POSTs the stored bytes,
 * and records the outcome (done, retry later, dead) together with the host's health in one
 * transaction.
 *
 * <p>Guarantee: at-least-once. A worker that dies mid-request leaves its lease behind; the job is
 * due again when the lease ends and is sent again. Receivers drop repeats by activity id.
 *
 * <p>Pure rules live in records without I/O: {@link
 * org.madani.node.federation.delivery.RetryPolicy} (backoff, what is retried, when to give up) and
 * {@link org.madani.node.federation.delivery.CircuitBreaker} (when to stop trying a host). Both
 * take the time as an argument, so tests drive them with a clock instead of sleeping.
 *
 * <p>SQL for the two tables ({@code delivery}, {@code peer_host}, migration V3) lives in {@link
 * org.madani.node.store.DeliveryRepository} and {@link org.madani.node.store.PeerHostRepository}
 * only; the values they exchange ({@code DeliveryJob}, {@code PeerState}, ...) are in {@code
 * model}.
 */
package org.madani.node.federation.delivery;
