package org.madani.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.madani.node.config.ConfigLoader;
import org.madani.node.config.NodeConfig;
import org.madani.node.setup.OfflineNode;
import org.madani.node.trust.OrganizationKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Creates a data directory: configuration, database, the first hosted organization with its key
 * pairs, and an admin account with a generated password. Optionally loads example content.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = "Create the data directory, key pairs and an admin account.")
public final class InitCommand implements Callable<Integer> {

  static final String CREDENTIALS_FILE = "initial-admin-credentials.txt";

  @Mixin DataDirOption options;

  @Option(
      names = "--handle",
      required = true,
      description = "Short name of the organization in URLs and acct: addresses, e.g. sawa.")
  String handle;

  @Option(names = "--name-ar", description = "Organization name in Arabic.")
  String nameAr;

  @Option(names = "--name-en", description = "Organization name in English.")
  String nameEn;

  @Option(
      names = "--admin-user",
      defaultValue = "admin",
      description = "Admin user name (default admin).")
  String adminUser;

  @Option(
      names = "--recovery-key-out",
      description =
          "Where to write the organization's recovery key, once (outside the data directory). "
              + "Without it, the key is printed; it is never stored on the server.")
  Path recoveryKeyOut;

  @Option(
      names = "--examples",
      description = "Directory with organization.json and entries/*.json to load.")
  Path examples;

  @Override
  public Integer call() throws Exception {
    if (!handle.matches("[a-z0-9][a-z0-9_-]{1,30}")) {
      System.err.println(
          "--handle must be 2–31 characters of a-z, 0-9, _ or -, starting with a letter or digit.");
      return 2;
    }
    NodeConfig config = options.load();
    Path dir = config.dataDir();
    if (Files.exists(dir.resolve(ConfigLoader.FILE_NAME))) {
      System.err.println("A node already exists in " + dir + "; refusing to overwrite it.");
      return 2;
    }
    try {
      RecoveryKeyExport.checkTarget(recoveryKeyOut, dir);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    Files.createDirectories(dir);
    restrictToOwner(dir, "rwx------");
    new ConfigLoader(System.getenv()).save(config);

    ObjectNode profile;
    List<ObjectNode> entries = new ArrayList<>();
    try (OfflineNode node = new OfflineNode(config, Clock.systemUTC())) {
      profile =
          examples != null
              ? (ObjectNode)
                  node.json().mapper().readTree(examples.resolve("organization.json").toFile())
              : node.json().mapper().createObjectNode();
      ObjectNode name =
          profile.has("name") ? (ObjectNode) profile.get("name") : profile.putObject("name");
      if (nameAr != null) name.put("ar", nameAr);
      if (nameEn != null) name.put("en", nameEn);
      if (name.isEmpty()) name.put("en", handle);

      OrganizationKeys.Created keys = node.createOrganization(handle, profile);
      char[] password = generatePassword();
      node.admins().createAdminBlocking(adminUser, password);
      Path credentials = dir.resolve(CREDENTIALS_FILE);
      Files.writeString(
          credentials,
          "user: " + adminUser + "\npassword: " + new String(password) + "\n",
          StandardCharsets.UTF_8);
      restrictToOwner(credentials, "rw-------");

      if (examples != null) {
        Path entryDir = examples.resolve("entries");
        if (Files.isDirectory(entryDir)) {
          try (Stream<Path> files = Files.list(entryDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
              JsonNode doc = node.json().mapper().readTree(f.toFile());
              entries.add((ObjectNode) doc);
            }
          }
        }
        for (ObjectNode e : entries) {
          OfflineNode.await(node.entries().create(handle, e));
        }
      }
      System.out.println("Initialized a Madani node in " + dir);
      System.out.println(
          "  organization: "
              + handle
              + (examples != null ? " (with " + entries.size() + " example entries)" : ""));
      System.out.println("  admin user:   " + adminUser + " — password written to " + credentials);
      RecoveryKeyExport.export(handle, keys.recoveryPrivatePem(), recoveryKeyOut, System.out);
    }
    return 0;
  }

  private static char[] generatePassword() {
    // 20 characters from an alphabet without look-alikes: ~115 bits.
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom r = new SecureRandom();
    char[] out = new char[20];
    for (int i = 0; i < out.length; i++) out[i] = alphabet.charAt(r.nextInt(alphabet.length()));
    return out;
  }

  static void restrictToOwner(Path p, String perms) throws IOException {
    if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }
  }
}
