package org.madani.node.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Secrets that must not sit in the data directory they protect, read from the environment: a {@code
 * <NAME>_FILE} variable naming a file (a container or systemd secret) wins over {@code <NAME>}
 * itself. Stateless.
 */
public final class Passphrases {
  private Passphrases() {}

  /**
   * The passphrase in {@code file} when one is named (a command-line option), else as {@link
   * #fromEnv} finds it for {@code name}; null when neither is set.
   */
  public static char[] fromFileOrEnv(Path file, Map<String, String> env, String name)
      throws IOException {
    if (file == null) return fromEnv(env, name);
    String p = Files.readString(file, StandardCharsets.UTF_8).strip();
    return p.isEmpty() ? null : p.toCharArray();
  }

  /** The passphrase for {@code name} (e.g. {@code MADANI_DB_PASSPHRASE}), or null when not set. */
  public static char[] fromEnv(Map<String, String> env, String name) {
    String file = env.get(name + "_FILE");
    if (file != null && !file.isBlank()) {
      try {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip().toCharArray();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name + "_FILE", e);
      }
    }
    String value = env.get(name);
    return value == null || value.isEmpty() ? null : value.toCharArray();
  }
}
