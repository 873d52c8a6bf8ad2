/**
 * What collaboration keeps of incoming Create, Update and Delete (collab.md §5-§6): the node's own
 * handler of each type runs first, unchanged; the collaboration records (questions, answers,
 * attestations, corrections) are written in the same transaction.
 */
package org.madani.node.collab.inbox;
