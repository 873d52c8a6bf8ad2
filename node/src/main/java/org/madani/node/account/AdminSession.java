package org.madani.node.account;

import java.time.Instant;

/**
 * A live admin browser session.
 *
 * @param idHash SHA-256 of the cookie value (the value itself is never stored)
 * @param csrfToken synchronizer token that every state-changing request must echo
 * @param expires the absolute end; the idle end is later activity plus the policy's idle time
 */
public record AdminSession(
    String idHash, long adminId, String username, String csrfToken, Instant expires) {}
