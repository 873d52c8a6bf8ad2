package org.madani.node.model;

import java.net.URI;
import java.time.Instant;

/**
 * A delivery job as stored, for the admin API and tests (without the body).
 *
 * @param lastStatus HTTP status of the last attempt, or null when it got no answer
 * @param lastError short reason of the last failure, safe to show to admins, or null
 */
public record DeliveryRecord(
    long id,
    long orgId,
    String activityId,
    URI inbox,
    String host,
    DeliveryState state,
    int attempts,
    Instant nextAttempt,
    Instant leaseUntil,
    Integer lastStatus,
    String lastError,
    Instant created,
    Instant updated) {}
