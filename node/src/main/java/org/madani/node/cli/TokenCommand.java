package org.madani.node.cli;

import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.madani.node.config.ConfigLoader;
import org.madani.node.config.NodeConfig;
import org.madani.node.setup.OfflineNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Issues an admin API token and prints it once. Run with the node stopped (H2 locks its file). */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Issue an admin API bearer token (printed once, stored only as a hash).")
public final class TokenCommand implements Callable<Integer> {

  @Mixin DataDirOption options;

  @Option(
      names = "--label",
      defaultValue = "cli",
      description = "A note saying what the token is for.")
  String label;

  @Override
  public Integer call() throws Exception {
    NodeConfig config = options.load();
    if (!Files.isRegularFile(config.dataDir().resolve(ConfigLoader.FILE_NAME))) {
      System.err.println("No node in " + config.dataDir() + ". Run 'madani-node init' first.");
      return 2;
    }
    try (OfflineNode node = new OfflineNode(config, Clock.systemUTC())) {
      System.out.println(node.admins().issueTokenBlocking(label));
    }
    return 0;
  }
}
