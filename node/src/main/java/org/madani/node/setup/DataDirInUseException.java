package org.madani.node.setup;

import java.nio.file.Path;

/**
 * A command that needs the database alone found a node serving the data directory (H2 locks its
 * file).
 */
public final class DataDirInUseException extends IllegalStateException {

  public DataDirInUseException(Path dataDir) {
    super(
        "a node is running on "
            + dataDir
            + " (its database is locked while it serves). Work through the "
            + "running node instead: 'add-org' and 'backup' with --token-file FILE (or MADANI_ADMIN_TOKEN) use its "
            + "admin API (POST /api/v1/organizations, POST /api/v1/backup); get a token with POST /api/v1/auth/login "
            + "or the admin UI. Other commands: stop the node first.");
  }
}
