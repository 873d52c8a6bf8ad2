package org.madani.node.cli;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.madani.node.config.ConfigLoader;
import org.madani.node.config.NodeConfig;
import org.madani.node.setup.OfflineNode;
import org.madani.node.trust.KeyRotation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Rotates an organization's Ed25519 signing key with the node stopped (the running node offers
 * {@code POST /api/v1/organizations/{handle}/keys/rotate}). protocol-spec/keys.md §2.
 */
@Command(
    name = "rotate-key",
    mixinStandardHelpOptions = true,
    description = "Create a new signing key; the old one keeps verifying during the overlap.")
public final class RotateKeyCommand implements Callable<Integer> {

  @Mixin DataDirOption options;

  @Option(names = "--handle", required = true, description = "The organization whose key rotates.")
  String handle;

  @Option(
      names = "--overlap-days",
      defaultValue = "7",
      description = "Days the old key keeps verifying (default 7).")
  int overlapDays;

  @Override
  public Integer call() throws Exception {
    NodeConfig config = options.load();
    if (!Files.isRegularFile(config.dataDir().resolve(ConfigLoader.FILE_NAME))) {
      System.err.println("No node in " + config.dataDir() + ". Run 'madani-node init' first.");
      return 2;
    }
    if (overlapDays < 0) {
      System.err.println("--overlap-days must not be negative.");
      return 2;
    }
    try (OfflineNode node = new OfflineNode(config, Clock.systemUTC())) {
      KeyRotation.Rotated r = node.keyRotation(Duration.ofDays(overlapDays)).rotateBlocking(handle);
      System.out.println(
          "Now signing with "
              + r.newKeyId()
              + "; "
              + r.oldKeyId()
              + " verifies until "
              + r.oldKeyExpires()
              + ".");
    }
    return 0;
  }
}
