/**
 * Periodic statistics of the directory: counts by kind, sector and region per month, quarter or
 * year, computed from the search index (facet counts, one search per period) with their coverage
 * (which organizations and nodes contributed and when each was last heard from).
 */
package org.madani.node.directory.report;
