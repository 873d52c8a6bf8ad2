/**
 * Backups of a node's data directory: the archive format ({@link
 * org.madani.node.backup.BackupArchive}), its optional passphrase encryption ({@link
 * org.madani.node.backup.BackupCipher}), and restoring an archive into a new data directory ({@link
 * org.madani.node.backup.Restorer}). No Vert.x, no HTTP: the CLI commands fetch the database copy
 * from the running node and hand the bytes to these classes.
 */
package org.madani.node.backup;
