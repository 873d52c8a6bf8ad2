package org.madani.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.federation.sig.Keys;
import picocli.CommandLine;

/**
 * {@code init} with the real CLI and a real data directory: the recovery key is handed out once,
 * where the admin says or on the terminal, and nothing of it stays in the data directory.
 */
class InitCommandTest {

  @TempDir Path tmp;

  /** Every file under the data directory, as text, for the recovery key to be looked for in. */
  static List<String> contents(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .map(
              f -> {
                try {
                  return f + "\n" + new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }

  static String base64Body(String pem) {
    return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
  }

  @Test
  void recoveryKey_goesWhereTheAdminSays_andNeverIntoTheDataDirectory() throws Exception {
    Path data = tmp.resolve("data");
    Path out = tmp.resolve("usb").resolve("sawa-recovery.pem");
    Files.createDirectories(out.getParent());
    int exit =
        new CommandLine(new InitCommand())
            .execute(
                "--data-dir",
                data.toString(),
                "--handle",
                "sawa",
                "--dev",
                "--recovery-key-out",
                out.toString());
    assertThat(exit).isZero();
    String pem = Files.readString(out);
    assertThat(Keys.privateKeyFromPem(pem).getAlgorithm()).isIn("Ed25519", "EdDSA");
    if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
          .isEqualTo("rw-------");
    }
    String secret = base64Body(pem);
    for (String file : contents(data)) {
      assertThat(file)
          .as("nothing of the recovery key in the data directory")
          .doesNotContain(secret)
          .doesNotContainIgnoringCase("recovery-1.OFFLINE");
    }
  }

  @Test
  void recoveryKey_isPrintedOnce_whenNoFileIsNamed() throws Exception {
    Path data = tmp.resolve("data");
    PrintStream saved = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      exit =
          new CommandLine(new InitCommand())
              .execute("--data-dir", data.toString(), "--handle", "sawa", "--dev");
    } finally {
      System.setOut(saved);
    }
    assertThat(exit).isZero();
    String text = printed.toString(StandardCharsets.UTF_8);
    String pem =
        text.substring(
            text.indexOf("-----BEGIN"), text.indexOf("-----", text.indexOf("-----END") + 8) + 5);
    assertThat(Keys.privateKeyFromPem(pem)).isNotNull();
    for (String file : contents(data)) {
      assertThat(file).doesNotContain(base64Body(pem));
    }
  }

  @Test
  void aTargetInsideTheDataDirectory_isRefused_beforeAnythingIsCreated() {
    Path data = tmp.resolve("data");
    int exit =
        new CommandLine(new InitCommand())
            .execute(
                "--data-dir",
                data.toString(),
                "--handle",
                "sawa",
                "--dev",
                "--recovery-key-out",
                data.resolve("keys").resolve("r.pem").toString());
    assertThat(exit).isEqualTo(2);
    assertThat(data.resolve("keys").resolve("r.pem")).doesNotExist();
  }
}
