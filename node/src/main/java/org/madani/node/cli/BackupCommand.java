package org.madani.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.madani.node.backup.BackupArchive;
import org.madani.node.backup.BackupCipher;
import org.madani.node.config.ConfigLoader;
import org.madani.node.config.NodeConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Backs up a RUNNING node: its database comes from the node itself ({@code POST /api/v1/backup},
 * H2's consistent online copy; the file is locked while the node runs), node.json and, only with
 * {@code --include-keys}, the private key files come from the data directory on this machine. The
 * archive is written to a temporary file beside the target, flushed to disk and renamed over it in
 * one step: a backup that is killed or fails never leaves a file under the target's name.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = "Back up the running node (online, consistent) to a file or stdout.")
public final class BackupCommand implements Callable<Integer> {

  @Mixin DataDirOption options;
  @Mixin AdminClientOptions client;

  @Option(
      names = {"-o", "--out"},
      required = true,
      description = "Target file, or - for stdout.")
  String out;

  @Option(
      names = "--include-keys",
      description = "Include the organizations' private keys (needs a passphrase).")
  boolean includeKeys;

  @Option(
      names = "--passphrase-file",
      description =
          "Encrypt with the passphrase in this file "
              + "(or env MADANI_BACKUP_PASSPHRASE); required with --include-keys.")
  Path passphraseFile;

  @Option(
      names = "--limit-rate",
      description =
          "Read at most this many bytes per second from the node "
              + "(spares a busy node's disk and network; default unlimited).")
  long limitRate;

  @Override
  public Integer call() throws Exception {
    NodeConfig config = options.load();
    if (!Files.isRegularFile(config.dataDir().resolve(ConfigLoader.FILE_NAME))) {
      System.err.println("No node in " + config.dataDir() + ". Give the node's --data-dir.");
      return 2;
    }
    char[] passphrase =
        org.madani.node.config.Passphrases.fromFileOrEnv(
            passphraseFile, System.getenv(), "MADANI_BACKUP_PASSPHRASE");
    if (includeKeys && passphrase == null) {
      System.err.println(
          "--include-keys needs a passphrase (--passphrase-file or MADANI_BACKUP_PASSPHRASE):"
              + " private keys are never written unencrypted.");
      return 2;
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request =
        client
            .request(config, "/api/v1/backup")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        System.err.println(
            "The node refused the backup: HTTP "
                + response.statusCode()
                + " "
                + new String(body.readNBytes(2000), java.nio.charset.StandardCharsets.UTF_8));
        return 1;
      }
      InputStream database = limitRate > 0 ? new RateLimitedInputStream(body, limitRate) : body;
      BackupArchive.Parts parts =
          new BackupArchive.Parts(
              config.dataDir().resolve(ConfigLoader.FILE_NAME),
              database,
              includeKeys ? config.keysDir() : null,
              Clock.systemUTC().instant());
      if (out.equals("-")) {
        writeTo(System.out, parts, passphrase);
        System.out.flush();
      } else {
        try {
          writeAtomically(Path.of(out), parts, passphrase);
        } catch (IOException e) {
          System.err.println("Backup failed; nothing was written to " + out + ": " + e);
          return 1;
        }
        System.err.println(
            "Backup written to "
                + out
                + (includeKeys
                    ? " (with keys, encrypted)"
                    : passphrase != null ? " (encrypted)" : ""));
      }
    }
    return 0;
  }

  private void writeAtomically(Path target, BackupArchive.Parts parts, char[] passphrase)
      throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path partial = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
    try {
      try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        OutputStream file =
            new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel));
        writeTo(file, parts, passphrase);
        file.flush();
        channel.force(true);
      }
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
        d.force(true); // the rename itself reaches the disk
      } catch (IOException ignored) {
        // not every file system lets a directory be synced
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
  }

  private static void writeTo(OutputStream out, BackupArchive.Parts parts, char[] passphrase)
      throws IOException {
    BackupArchive archive = new BackupArchive(new ObjectMapper());
    if (passphrase == null) {
      archive.write(out, parts);
      return;
    }
    OutputStream encrypted = new BackupCipher().encrypt(new NonClosing(out), passphrase);
    archive.write(encrypted, parts);
    encrypted.close(); // writes the GCM tag
  }

  /** Lets the cipher close its stream without closing the file or stdout under it. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /**
   * Reads at most {@code bytesPerSecond}, sleeping between chunks (a CLI thread, never an event
   * loop).
   */
  static final class RateLimitedInputStream extends java.io.FilterInputStream {
    private final long bytesPerSecond;
    private final long started = System.nanoTime();
    private long read;

    RateLimitedInputStream(InputStream in, long bytesPerSecond) {
      super(in);
      this.bytesPerSecond = bytesPerSecond;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      pace();
      int n = super.read(b, off, (int) Math.min(len, Math.max(1, bytesPerSecond / 10)));
      if (n > 0) read += n;
      return n;
    }

    private void pace() throws IOException {
      long due = started + read * 1_000_000_000L / bytesPerSecond;
      long wait = due - System.nanoTime();
      if (wait <= 0) return;
      try {
        Thread.sleep(Duration.ofNanos(wait));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("backup interrupted");
      }
    }
  }
}
