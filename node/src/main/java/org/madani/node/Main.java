package org.madani.node;

import org.madani.node.cli.InitCommand;
import org.madani.node.cli.OrgAddCommand;
import org.madani.node.cli.ServeCommand;
import org.madani.node.cli.TokenCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code madani-node.jar}: wiring of the command line only. */
@Command(
    name = "madani-node",
    mixinStandardHelpOptions = true,
    version = "madani-node 0.1.0",
    description = "A Madani node: one organization's profile and activities, federated with its peers.",
    subcommands = {InitCommand.class, ServeCommand.class, TokenCommand.class, OrgAddCommand.class})
public final class Main {
  public static void main(String[] args) {
    int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    if (code != 0) System.exit(code);
  }
}
