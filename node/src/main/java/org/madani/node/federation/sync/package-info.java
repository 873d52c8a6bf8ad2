/**
 * Resilience: mirrors of other organizations' signed logs, and catch-up from the origin or, when it
 * is offline, from any peer that mirrors it. Every item is verified against the origin's key before
 * it is stored or applied; items are applied in sequence order, once. See protocol-spec/sync.md.
 */
package org.madani.node.federation.sync;
