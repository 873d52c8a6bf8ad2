package org.madani.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.madani.node.store.Database;

/**
 * A migrated, empty H2 store made once per test JVM and copied for each new {@link TestNode}, as
 * the PostgreSQL run copies a migrated template database ({@code store.PostgresServer}): a node
 * then opens a file whose schema Flyway only validates instead of migrating it from V1. Measured on
 * this machine under load: 2.1-2.7 s to migrate a new file, 0.3-0.6 s to open a copied one, for
 * each of the many nodes the integration tests start. Migrations themselves stay tested: the
 * template is made by the same {@link Database#open} every node uses, and MigrationVendorsTest and
 * the unit tests migrate their own files.
 *
 * <p>Only a data directory without a store gets the copy, and only a plain (unencrypted) one: a
 * node whose file is encrypted ({@code MADANI_DB_PASSPHRASE}) runs as a separate process ({@link
 * NodeProcess}) and migrates its own.
 *
 * <p>Thread-safety: {@link #copyTo} may be called from any thread.
 */
final class H2Template {
  private H2Template() {}

  private static Path template; // guarded by H2Template.class

  /** Copies the template to {@code fileWithoutSuffix}.mv.db unless a store is already there. */
  static void copyTo(Path fileWithoutSuffix) throws IOException {
    Path target = fileWithoutSuffix.resolveSibling(fileWithoutSuffix.getFileName() + ".mv.db");
    if (Files.exists(target)) return;
    Files.copy(template(), target);
  }

  private static synchronized Path template() {
    if (template == null) {
      try {
        Path dir = Files.createTempDirectory("madani-h2-template");
        Database.open(null, dir.resolve("madani")).close();
        template = dir.resolve("madani.mv.db");
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        Files.deleteIfExists(template);
                        Files.deleteIfExists(dir);
                      } catch (IOException ignored) {
                        // a temp directory left behind is harmless
                      }
                    },
                    "madani-test-h2-template-delete"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return template;
  }
}
