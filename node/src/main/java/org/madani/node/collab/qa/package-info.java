/**
 * Knowledge exchange (protocol-spec/collab.md §5): public questions to followers, answers as
 * replies addressed to the asker, the accepted answer; and the language-map and plain-text helpers
 * the collaboration documents share.
 */
package org.madani.node.collab.qa;
