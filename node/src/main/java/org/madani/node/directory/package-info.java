/**
 * The shared directory: this node's own entries plus the entries received from followed and trusted
 * organizations, each with its provenance, searchable in Arabic and English.
 *
 * <p>H2 is the source of truth; the Lucene index under {@code <data>/index} is derived from it and
 * can be rebuilt at any time ({@link org.madani.node.directory.DirectoryIndexer}). Callers use
 * {@link org.madani.node.directory.DirectoryService#search} with a {@link
 * org.madani.node.model.DirectoryQuery} and get {@link org.madani.node.model.DirectoryEntry}
 * records back. Depends on {@code store} and {@code model} only.
 */
package org.madani.node.directory;
