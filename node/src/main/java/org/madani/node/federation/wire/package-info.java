/**
 * Typed wire documents: the ActivityStreams documents a node emits (actor, activity envelope,
 * tombstone, collections and their pages, log pages, the mirror index) as Java records, serialized
 * by Jackson in their component order, so that a document's shape is declared once, in one place,
 * instead of assembled field by field in a tree. Each record matches a schema of
 * protocol-spec/schemas; values that are themselves signed or stored documents (an embedded object,
 * the items of a page) stay JSON trees, since their bytes are covered by proofs. Immutable.
 */
package org.madani.node.federation.wire;
