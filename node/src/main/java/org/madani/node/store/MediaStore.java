package org.madani.node.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Uploaded images (already cleaned), as files under {@code <data>/media/<handle>/}, named by the
 * SHA-256 of their bytes: the same image uploaded twice is one file, and a name can never be chosen
 * by the uploader. Written to a temporary file and moved into place, so a reader never sees half an
 * image. Blocking: call from a worker thread.
 *
 * <p>Thread-safety: safe for concurrent use (content-addressed names, atomic moves).
 */
public final class MediaStore {

  private static final Pattern HANDLE = Pattern.compile("[a-z0-9][a-z0-9_-]{1,30}");

  private final Path root;
  private final Pattern names;

  public MediaStore(Path dataDir) {
    this(dataDir, "media", "png|jpg");
  }

  /**
   * A store under {@code <data>/<folder>/} for files with these extensions (alternatives of a
   * regular expression, e.g. {@code png|jpg|pdf}): resources on knowledge posts live beside images.
   */
  public MediaStore(Path dataDir, String folder, String extensions) {
    this.root = dataDir.resolve(folder);
    this.names = Pattern.compile("[0-9a-f]{64}\\.(" + extensions + ")");
  }

  /** Stores the bytes; returns the file name. */
  public String put(String handle, byte[] bytes, String extension) {
    if (!HANDLE.matcher(handle).matches()) throw new IllegalArgumentException("handle");
    String name = sha256(bytes) + "." + extension;
    if (!names.matcher(name).matches()) throw new IllegalArgumentException("extension");
    try {
      Path dir = Files.createDirectories(root.resolve(handle));
      Path target = dir.resolve(name);
      if (!Files.exists(target)) {
        Path tmp = Files.createTempFile(dir, ".upload-", ".tmp");
        Files.write(tmp, bytes);
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      return name;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of a stored image; empty for any name this store could not have made. */
  public Optional<byte[]> get(String handle, String name) {
    if (!HANDLE.matcher(handle).matches() || !names.matcher(name).matches())
      return Optional.empty();
    Path file = root.resolve(handle).resolve(name);
    try {
      return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The size of a stored file; empty for any name this store could not have made or does not hold.
   */
  public Optional<Long> size(String handle, String name) {
    if (!HANDLE.matcher(handle).matches() || !names.matcher(name).matches())
      return Optional.empty();
    Path file = root.resolve(handle).resolve(name);
    try {
      return Files.exists(file) ? Optional.of(Files.size(file)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
