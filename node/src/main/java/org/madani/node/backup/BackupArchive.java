package org.madani.node.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A Madani backup: one zip holding {@value #MANIFEST} (format, time, whether keys are inside), the
 * node's {@value #NODE_JSON}, {@value #DATABASE} (H2's own consistent copy, as the running node
 * produced it) and, only when asked, {@value #KEYS}{@code *.pem}. The search index is left out: a
 * restored node rebuilds it from the database. A zip's directory comes last, so a copy cut short
 * does not open.
 */
public final class BackupArchive {

  public static final String FORMAT = "madani-backup/1";
  public static final String MANIFEST = "madani-backup.json";
  public static final String NODE_JSON = "node.json";
  public static final String DATABASE = "database.zip";
  public static final String KEYS = "keys/";

  private final ObjectMapper mapper;

  public BackupArchive(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Where the parts come from. {@code keysDir} null: no keys in this backup. */
  public record Parts(Path nodeJson, InputStream database, Path keysDir, Instant created) {}

  /** Writes the archive to {@code out} and finishes the zip (does not close {@code out}). */
  public void write(OutputStream out, Parts parts) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    ObjectNode manifest = mapper.createObjectNode();
    manifest.put("format", FORMAT);
    manifest.put("created", parts.created().toString());
    manifest.put("includesKeys", parts.keysDir() != null);
    put(zip, MANIFEST, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    put(zip, NODE_JSON, Files.readAllBytes(parts.nodeJson()));
    zip.putNextEntry(new ZipEntry(DATABASE));
    parts.database().transferTo(zip);
    zip.closeEntry();
    if (parts.keysDir() != null) {
      for (Path key : keyFiles(parts.keysDir())) {
        put(zip, KEYS + key.getFileName(), Files.readAllBytes(key));
      }
    }
    zip.finish();
  }

  private static List<Path> keyFiles(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) return out;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pem")) {
      files.forEach(out::add);
    }
    out.sort(null);
    return out;
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }
}
