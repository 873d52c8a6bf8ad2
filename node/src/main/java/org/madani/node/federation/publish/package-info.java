/**
 * What this node serves to peers when they ask: actor and object documents (objects signed with the
 * same kind of proof as delivered ones), the outbox and follower collections, the organization's
 * log and the mirror copies kept of others' logs, paged for catch-up.
 *
 * <p>Services here own the reading rules (which objects a reader may see, how pages are cut) and
 * call {@code store} inside one transaction; {@code http} only parses, authorizes the request's
 * signature and renders. Depends on {@code federation.actor}, {@code federation.outbox}, {@code
 * store} and {@code model}.
 */
package org.madani.node.federation.publish;
