/**
 * The composition root's per-area modules (store, accounts, content, directory, trust, federation,
 * health), each built once from constructor arguments and shared by the server ({@code MadaniNode})
 * and the offline commands ({@link org.madani.node.setup.OfflineNode}); and setting up a data
 * directory: organizations, keys, admins, examples.
 */
package org.madani.node.setup;
