package org.madani.node.model;

import java.net.URI;
import java.time.Instant;

/**
 * A job leased by a worker: everything needed to send it once and to record the outcome.
 *
 * @param attempts attempts made before this one
 * @param leaseUntil the lease this worker holds; also the token that lets it record the outcome
 * @param knownScheme the signature scheme the host last accepted, or null when not known
 */
public record DeliveryJob(
    long id,
    long orgId,
    String activityId,
    URI inbox,
    String host,
    int attempts,
    Instant created,
    Instant leaseUntil,
    byte[] body,
    SignatureScheme knownScheme) {}
