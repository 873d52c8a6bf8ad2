package org.madani.node.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a backup passphrase from a file or {@code MADANI_BACKUP_PASSPHRASE}; null when neither is given. */
final class Passphrases {
  private Passphrases() {}

  static char[] read(Path file) throws IOException {
    String p = file != null ? Files.readString(file).strip() : System.getenv("MADANI_BACKUP_PASSPHRASE");
    return p == null || p.isEmpty() ? null : p.toCharArray();
  }
}
