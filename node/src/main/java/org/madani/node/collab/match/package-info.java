/**
 * Partner matching (protocol-spec/collab.md §4): offers and needs in this node's directory (its own
 * and those of the organizations it follows) paired and ranked by sector, region, language, timing
 * and trust distance, each match explained in Arabic and English; and "express interest" messages.
 */
package org.madani.node.collab.match;
