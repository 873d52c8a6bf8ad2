package org.madani.node.cli;

import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.madani.node.MadaniNode;
import org.madani.node.config.ConfigLoader;
import org.madani.node.config.NodeConfig;
import org.madani.node.setup.OfflineNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the node until SIGTERM or SIGINT, then stops serving and closes the database cleanly. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the node.")
public final class ServeCommand implements java.util.concurrent.Callable<Integer> {

  @Mixin DataDirOption options;

  @Override
  public Integer call() throws Exception {
    NodeConfig config = options.load();
    if (!Files.isRegularFile(config.dataDir().resolve(ConfigLoader.FILE_NAME))) {
      System.err.println("No node in " + config.dataDir() + ". Run 'madani-node init' first.");
      return 2;
    }
    MadaniNode node;
    try {
      node = OfflineNode.await(MadaniNode.start(config, Clock.systemUTC()));
    } catch (RuntimeException e) {
      // One line that says why (e.g. a wrong key passphrase), not a stack trace.
      System.err.println("The node could not start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    node.close().get(30, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    System.err.println("shutdown: " + e.getMessage());
                  } finally {
                    stopped.countDown();
                  }
                },
                "madani-shutdown"));
    System.out.println();
    System.out.println("Madani node is running at " + node.baseUrl() + "/");
    System.out.println("  directory " + node.baseUrl() + "/directory");
    System.out.println("  admin UI  " + node.baseUrl() + "/admin/");
    System.out.println("  health:   " + node.baseUrl() + "/readyz");
    System.out.println("  admin API " + node.baseUrl() + "/api/v1/openapi.json");
    var credentials = config.dataDir().resolve(InitCommand.CREDENTIALS_FILE);
    if (Files.exists(credentials)) {
      System.out.println(
          "  log in:   user name and password are in "
              + credentials
              + " (admin UI, or POST /api/v1/auth/login); delete that file once noted.");
    }
    System.out.println(
        "  API token: java -jar madani-node.jar token --data-dir "
            + config.dataDir()
            + " (with the node stopped)");
    stopped.await();
    return 0;
  }
}
