package org.madani.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.madani.node.backup.BackupCipher;
import org.madani.node.backup.Restorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Restores a backup into a NEW data directory; start the node on it with {@code serve}. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = "Restore a backup (from 'backup') into a new data directory.")
public final class RestoreCommand implements Callable<Integer> {

  @Option(names = "--from", required = true, description = "The backup file, or - for stdin.")
  String from;

  @Option(
      names = "--data-dir",
      required = true,
      description = "The new data directory (must not exist or be empty).")
  Path dataDir;

  @Option(
      names = "--passphrase-file",
      description = "The backup's passphrase (or env MADANI_BACKUP_PASSPHRASE).")
  Path passphraseFile;

  @Override
  public Integer call() throws Exception {
    try (InputStream raw = from.equals("-") ? System.in : Files.newInputStream(Path.of(from))) {
      BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
      InputStream plain = in;
      if (BackupCipher.looksEncrypted(in)) {
        char[] passphrase =
            org.madani.node.config.Passphrases.fromFileOrEnv(
                passphraseFile, System.getenv(), "MADANI_BACKUP_PASSPHRASE");
        if (passphrase == null) {
          System.err.println(
              "This backup is encrypted: give --passphrase-file or MADANI_BACKUP_PASSPHRASE.");
          return 2;
        }
        plain = new BackupCipher().decrypt(in, passphrase);
      }
      Restorer.Restored r =
          new Restorer(
                  new ObjectMapper(),
                  org.madani.node.config.Passphrases.fromEnv(
                      System.getenv(), "MADANI_DB_PASSPHRASE"))
              .restore(plain, dataDir);
      System.out.println(
          "Restored into "
              + dataDir
              + (r.keys()
                  ? " with " + r.keyFiles() + " key files."
                  : ". This backup holds no private keys: copy the old node's keys/ directory into "
                      + dataDir.resolve("keys")
                      + " before serving, or the node cannot sign."));
      System.out.println("Start it with: madani-node serve --data-dir " + dataDir);
    }
    return 0;
  }
}
