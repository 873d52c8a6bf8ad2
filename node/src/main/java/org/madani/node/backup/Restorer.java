package org.madani.node.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.madani.node.store.Database;
import org.madani.node.store.OnlineBackup;

/**
 * Restores a {@link BackupArchive} into a new data directory. Everything is unpacked into a staging
 * directory beside the target and moved into place only once the whole archive has been read (and,
 * when encrypted, authenticated): a failed restore leaves no data directory behind that a node
 * would start on.
 */
public final class Restorer {

  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");

  private final ObjectMapper mapper;
  private final char[] databasePassphrase;

  /**
   * @param databasePassphrase the node's MADANI_DB_PASSPHRASE when its database file is encrypted,
   *     else null
   */
  public Restorer(ObjectMapper mapper, char[] databasePassphrase) {
    this.mapper = mapper;
    this.databasePassphrase = databasePassphrase;
  }

  /** What was restored. */
  public record Restored(boolean keys, int keyFiles) {}

  /**
   * Reads {@code archive} (plain zip; decrypt first) to its end and creates {@code target}, which
   * must not exist yet or be empty.
   */
  public Restored restore(InputStream archive, Path target) throws IOException, SQLException {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.exists(absolute) && (!Files.isDirectory(absolute) || !isEmpty(absolute))) {
      throw new IllegalArgumentException(
          target + " already exists and is not empty: restore into a new data directory");
    }
    Files.createDirectories(absolute.getParent());
    Path staging =
        Files.createTempDirectory(
            absolute.getParent(), "." + absolute.getFileName() + ".restoring-");
    try {
      Restored restored = unpack(archive, staging);
      // Key rows name their files by path: point them at the new directory.
      try (Database db = Database.open(null, staging.resolve("madani"), databasePassphrase)) {
        db.txBlocking(c -> new OnlineBackup().relocateKeyFiles(c, absolute.resolve("keys")));
      }
      Files.deleteIfExists(absolute); // an empty directory made in advance
      Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
      return restored;
    } catch (IOException | SQLException | RuntimeException e) {
      deleteTree(staging);
      throw e;
    }
  }

  private Restored unpack(InputStream archive, Path staging) throws IOException {
    boolean manifest = false;
    boolean database = false;
    boolean nodeJson = false;
    boolean keys = false;
    int keyFiles = 0;
    ZipInputStream zip = new ZipInputStream(archive);
    for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
      String name = e.getName();
      if (name.equals(BackupArchive.MANIFEST)) {
        JsonNode m = mapper.readTree(zip.readAllBytes());
        if (!BackupArchive.FORMAT.equals(m.path("format").asText())) {
          throw new IOException(
              "not a " + BackupArchive.FORMAT + " archive: " + m.path("format").asText("?"));
        }
        keys = m.path("includesKeys").asBoolean(false);
        manifest = true;
      } else if (name.equals(BackupArchive.NODE_JSON)) {
        Files.write(staging.resolve("node.json"), zip.readAllBytes());
        nodeJson = true;
      } else if (name.equals(BackupArchive.DATABASE)) {
        database = unpackDatabase(zip, staging);
      } else if (name.startsWith(BackupArchive.KEYS)
          && SAFE_NAME.matcher(name.substring(5)).matches()) {
        Path dir = staging.resolve("keys");
        if (!Files.isDirectory(dir)) {
          Files.createDirectory(
              dir,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path file =
            Files.createFile(
                dir.resolve(name.substring(5)),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, zip.readAllBytes());
        keyFiles++;
      } else {
        throw new IOException("unexpected entry in backup: " + name);
      }
    }
    // Read to the very end: an encrypted archive's tag is checked only there.
    archive.transferTo(OutputStream.nullOutputStream());
    if (!manifest || !database || !nodeJson) {
      throw new IOException(
          "incomplete backup (manifest "
              + manifest
              + ", node.json "
              + nodeJson
              + ", database "
              + database
              + ")");
    }
    if (keys && keyFiles == 0) throw new IOException("the backup says it holds keys but has none");
    return new Restored(keys, keyFiles);
  }

  /** H2's own backup zip: the database file {@code madani.mv.db}. */
  private static boolean unpackDatabase(InputStream in, Path staging) throws IOException {
    boolean found = false;
    ZipInputStream inner = new ZipInputStream(in);
    for (ZipEntry e; (e = inner.getNextEntry()) != null; ) {
      if (!e.getName().endsWith(".mv.db")) continue;
      Files.copy(inner, staging.resolve("madani.mv.db"), StandardCopyOption.REPLACE_EXISTING);
      found = true;
    }
    return found;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a staging directory has a name no node starts on
    }
  }
}
