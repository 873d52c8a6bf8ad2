package org.madani.node.cli;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Asks a RUNNING node to follow another actor ({@code POST
 * /api/v1/organizations/{handle}/following}), for scripts that wire nodes together
 * (docker/introduce.sh). Already following is not an error.
 */
@Command(
    name = "follow",
    mixinStandardHelpOptions = true,
    description =
        "Make one of a running node's organizations follow an actor (through its admin API).")
public final class FollowCommand implements Callable<Integer> {

  @Mixin AdminClientOptions client;

  @Option(names = "--handle", required = true, description = "The organization that follows.")
  String handle;

  @Option(
      names = "--actor",
      required = true,
      description = "The actor to follow (URL or acct:handle@host).")
  String actor;

  @Override
  public Integer call() throws Exception {
    if (client.url == null) throw new IllegalArgumentException("give the running node's --url");
    String body =
        "{\"actor\":"
            + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(actor)
            + "}";
    HttpResponse<String> r =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .build()
            .send(
                client
                    .request(null, "/api/v1/organizations/" + handle + "/following")
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 == 2 || r.statusCode() == 409) {
      System.out.println(handle + " follows " + actor + " (HTTP " + r.statusCode() + ")");
      return 0;
    }
    System.err.println("The node refused: HTTP " + r.statusCode() + " " + r.body());
    return 1;
  }
}
