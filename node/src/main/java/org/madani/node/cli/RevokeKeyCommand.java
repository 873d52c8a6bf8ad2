package org.madani.node.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.madani.node.config.ConfigLoader;
import org.madani.node.config.NodeConfig;
import org.madani.node.federation.sig.Keys;
import org.madani.node.setup.OfflineNode;
import org.madani.node.trust.KeyRotation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Declares a signing key compromised from a point in time, with the offline recovery key
 * (protocol-spec/keys.md §4). Run with the node stopped (H2 locks its file); the Update carrying
 * the signed statement goes out when the node serves again.
 */
@Command(
    name = "revoke-key",
    mixinStandardHelpOptions = true,
    description =
        "Revoke a compromised signing key with the offline recovery key, and switch to a new key.")
public final class RevokeKeyCommand implements Callable<Integer> {

  @Mixin DataDirOption options;

  @Option(
      names = "--handle",
      required = true,
      description = "The organization whose key is revoked.")
  String handle;

  @Option(names = "--key", required = true, description = "The key's fragment, e.g. ed25519-1.")
  String key;

  @Option(
      names = "--since",
      required = true,
      description =
          "Earliest time the key may have leaked (ISO 8601 with offset, e.g. 2026-03-01T00:00:00Z). "
              + "Everything it signed from then on stops verifying.")
  String since;

  @Option(
      names = "--recovery-key",
      required = true,
      description =
          "The recovery key's private PEM file (written at init as <handle>-recovery-1.OFFLINE.pem).")
  Path recoveryKey;

  @Override
  public Integer call() throws Exception {
    NodeConfig config = options.load();
    if (!Files.isRegularFile(config.dataDir().resolve(ConfigLoader.FILE_NAME))) {
      System.err.println("No node in " + config.dataDir() + ". Run 'madani-node init' first.");
      return 2;
    }
    Instant from;
    try {
      from = OffsetDateTime.parse(since).toInstant();
    } catch (DateTimeParseException e) {
      System.err.println("--since must be a date-time with offset, e.g. 2026-03-01T00:00:00Z.");
      return 2;
    }
    var recovery = Keys.privateKeyFromPem(Files.readString(recoveryKey));
    try (OfflineNode node = new OfflineNode(config, Clock.systemUTC())) {
      KeyRotation.Revoked r =
          node.keyRotation(KeyRotation.DEFAULT_OVERLAP).revokeBlocking(handle, key, from, recovery);
      System.out.println(
          "Revoked "
              + r.revokedKeyId()
              + " since "
              + r.since()
              + "; now signing with "
              + r.signingKeyId()
              + ". Followers are told when the node next runs.");
    }
    return 0;
  }
}
