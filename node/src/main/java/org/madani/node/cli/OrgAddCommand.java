package org.madani.node.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.madani.node.config.ConfigLoader;
import org.madani.node.config.NodeConfig;
import org.madani.node.setup.OfflineNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Hosts one more organization on this node, for groups who cannot run their own server. */
@Command(name = "add-org", mixinStandardHelpOptions = true,
    description = "Host another organization on this node (with its own keys).")
public final class OrgAddCommand implements Callable<Integer> {

  @Mixin DataDirOption options;

  @Option(names = "--handle", required = true, description = "Handle of the new organization.")
  String handle;

  @Option(names = "--name-ar", description = "Name in Arabic.")
  String nameAr;

  @Option(names = "--name-en", description = "Name in English.")
  String nameEn;

  @Option(names = "--recovery-key-out",
      description = "Where to write the organization's recovery key, once (outside the data directory). "
          + "Without it, the key is printed; it is never stored on the server.")
  Path recoveryKeyOut;

  @Option(names = "--profile", description = "A profile JSON file (protocol-spec/schemas/profile.schema.json).")
  Path profileFile;

  @Override
  public Integer call() throws Exception {
    NodeConfig config = options.load();
    if (!Files.isRegularFile(config.dataDir().resolve(ConfigLoader.FILE_NAME))) {
      System.err.println("No node in " + config.dataDir() + ". Run 'madani-node init' first.");
      return 2;
    }
    try {
      RecoveryKeyExport.checkTarget(recoveryKeyOut, config.dataDir());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    try (OfflineNode node = new OfflineNode(config, Clock.systemUTC())) {
      ObjectNode profile = profileFile != null
          ? (ObjectNode) node.json().mapper().readTree(profileFile.toFile())
          : node.json().mapper().createObjectNode();
      ObjectNode name = profile.has("name") ? (ObjectNode) profile.get("name") : profile.putObject("name");
      if (nameAr != null) name.put("ar", nameAr);
      if (nameEn != null) name.put("en", nameEn);
      if (name.isEmpty()) name.put("en", handle);
      var keys = node.createOrganization(handle, profile);
      System.out.println("Added organization " + handle + ".");
      RecoveryKeyExport.export(handle, keys.recoveryPrivatePem(), recoveryKeyOut, System.out);
    }
    return 0;
  }
}
