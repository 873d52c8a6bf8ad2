package org.madani.node;

import org.madani.node.cli.BackupCommand;
import org.madani.node.cli.FollowCommand;
import org.madani.node.cli.InitCommand;
import org.madani.node.cli.OrgAddCommand;
import org.madani.node.cli.RestoreCommand;
import org.madani.node.cli.RevokeKeyCommand;
import org.madani.node.cli.RotateKeyCommand;
import org.madani.node.cli.ServeCommand;
import org.madani.node.cli.TokenCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code madani-node.jar}: wiring of the command line only. */
@Command(
    name = "madani-node",
    mixinStandardHelpOptions = true,
    version = "madani-node 0.1.0",
    description =
        "A Madani node: one organization's profile and activities, federated with its peers.",
    subcommands = {
      InitCommand.class,
      ServeCommand.class,
      TokenCommand.class,
      OrgAddCommand.class,
      RotateKeyCommand.class,
      RevokeKeyCommand.class,
      org.madani.node.cli.ImportCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      FollowCommand.class
    })
public final class Main {
  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    // Configuration mistakes are the user's to fix: say what is wrong, without a stack trace.
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof IllegalArgumentException
              || e instanceof org.madani.node.model.ProblemException
              || e instanceof org.madani.node.setup.DataDirInUseException) {
            cmd.getErr().println("madani-node: " + e.getMessage());
            return 2;
          }
          throw e;
        });
    int code = cli.execute(args);
    if (code != 0) System.exit(code);
  }
}
