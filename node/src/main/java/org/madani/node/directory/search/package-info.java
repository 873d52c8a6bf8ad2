/**
 * Text analysis and the Lucene index of the directory: Arabic normalization and light stemming,
 * English stemming, fuzzy name matching and a transliteration key for organization names. No
 * Vert.x, no H2: pure functions plus one index class, usable from a benchmark harness.
 */
package org.madani.node.directory.search;
