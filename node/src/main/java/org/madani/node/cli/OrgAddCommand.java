package org.madani.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.madani.node.config.ConfigLoader;
import org.madani.node.config.NodeConfig;
import org.madani.node.setup.OfflineNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Hosts one more organization on this node, for groups who cannot run their own server. */
@Command(
    name = "add-org",
    mixinStandardHelpOptions = true,
    description =
        "Host another organization on this node (with its own keys). With --token-file or "
            + "MADANI_ADMIN_TOKEN it goes through the running node's admin API; otherwise the node must be stopped.")
public final class OrgAddCommand implements Callable<Integer> {

  @Mixin DataDirOption options;
  @Mixin AdminClientOptions client;

  @Option(names = "--handle", required = true, description = "Handle of the new organization.")
  String handle;

  @Option(names = "--name-ar", description = "Name in Arabic.")
  String nameAr;

  @Option(names = "--name-en", description = "Name in English.")
  String nameEn;

  @Option(
      names = "--recovery-key-out",
      description =
          "Where to write the organization's recovery key, once (outside the data directory). "
              + "Without it, the key is printed; it is never stored on the server.")
  Path recoveryKeyOut;

  @Option(
      names = "--profile",
      description = "A profile JSON file (protocol-spec/schemas/profile.schema.json).")
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
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode profile =
        profileFile != null
            ? (ObjectNode) mapper.readTree(profileFile.toFile())
            : mapper.createObjectNode();
    ObjectNode name =
        profile.has("name") ? (ObjectNode) profile.get("name") : profile.putObject("name");
    if (nameAr != null) name.put("ar", nameAr);
    if (nameEn != null) name.put("en", nameEn);
    if (name.isEmpty()) name.put("en", handle);
    if (client.hasToken()) {
      return throughRunningNode(config, mapper, profile);
    }
    try (OfflineNode node = new OfflineNode(config, Clock.systemUTC())) {
      var keys = node.createOrganization(handle, profile);
      System.out.println("Added organization " + handle + ".");
      RecoveryKeyExport.export(handle, keys.recoveryPrivatePem(), recoveryKeyOut, System.out);
    }
    return 0;
  }

  private int throughRunningNode(NodeConfig config, ObjectMapper mapper, ObjectNode profile)
      throws Exception {
    ObjectNode body = mapper.createObjectNode();
    body.put("handle", handle);
    body.set("profile", profile);
    HttpResponse<String> r =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .build()
            .send(
                client
                    .request(config, "/api/v1/organizations")
                    .timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    JsonNode answer = r.body().isBlank() ? mapper.createObjectNode() : mapper.readTree(r.body());
    if (r.statusCode() != 201) {
      System.err.println(
          "The node refused: HTTP "
              + r.statusCode()
              + " "
              + answer.path("title").asText("")
              + (answer.has("detail") ? ": " + answer.path("detail").asText() : "")
              + (answer.has("errors") ? " " + answer.get("errors") : ""));
      return r.statusCode() == 401 ? 3 : 2;
    }
    System.out.println(
        "Added organization " + handle + " (" + answer.path("actor").asText() + ").");
    RecoveryKeyExport.export(
        handle, answer.path("recoveryKey").asText(), recoveryKeyOut, System.out);
    return 0;
  }
}
