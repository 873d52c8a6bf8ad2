/**
 * Outgoing activities: built from entries and profile changes ({@code EntryObjects}, {@code
 * Outbox}), signed with an object proof, logged in sequence for catch-up, addressed to followers'
 * inboxes (shared inboxes first) and put in the durable delivery queue in the same transaction as
 * the change that caused them.
 */
package org.madani.node.federation.outbox;
