package org.madani.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Hands an organization's recovery key to the admin exactly once: into a file the admin names
 * ({@code --recovery-key-out}), which must lie outside the data directory and must not exist yet,
 * or else printed to the terminal with the instruction to store it offline. Never into the data
 * directory, where a thief of the signing keys would take it along (issue 11, finding 14).
 */
final class RecoveryKeyExport {
  private RecoveryKeyExport() {}

  /** Checks a target before anything is created, so that a bad path fails before the key exists. */
  static void checkTarget(Path target, Path dataDir) {
    if (target == null) return;
    Path t = target.toAbsolutePath().normalize();
    if (t.startsWith(dataDir.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException(
          "--recovery-key-out must be outside the data directory "
              + dataDir
              + ": the recovery key must not sit beside the keys it replaces.");
    }
    if (Files.exists(t)) {
      throw new IllegalArgumentException(
          "--recovery-key-out " + t + " exists already; refusing to overwrite it.");
    }
    if (t.getParent() != null && !Files.isDirectory(t.getParent())) {
      throw new IllegalArgumentException(
          "--recovery-key-out: directory " + t.getParent() + " does not exist.");
    }
  }

  /** Writes the PEM to {@code target} (owner-only), or prints it when {@code target} is null. */
  static void export(String handle, String pem, Path target, PrintStream out) throws IOException {
    if (target == null) {
      out.println(
          "  recovery key of "
              + handle
              + " (shown once, not stored on this server: copy it OFFLINE,"
              + " e.g. print it or put it on a USB stick; it restores trust after a key compromise):");
      out.print(pem.endsWith("\n") ? pem : pem + "\n");
      return;
    }
    Path t = target.toAbsolutePath().normalize();
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          t, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(t);
    }
    Files.writeString(t, pem, StandardCharsets.US_ASCII);
    out.println(
        "  recovery key of "
            + handle
            + ": written once to "
            + t
            + " — move it OFFLINE; it restores trust after a key compromise.");
  }
}
