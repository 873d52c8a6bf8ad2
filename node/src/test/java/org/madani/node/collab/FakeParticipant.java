package org.madani.node.collab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.madani.node.TestNode;
import org.madani.node.federation.sig.CavageSigner;
import org.madani.node.federation.sig.HttpRequestView;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SigningKey;

/**
 * People on a Mobilizon-like server, on a real loopback HTTP server (the JDK's): each has an actor
 * document with an RSA key (as Mobilizon publishes) and an inbox that keeps what it receives. They
 * sign what they send with draft-cavage rsa-sha256, as Mobilizon does. Not a Madani node.
 */
final class FakeParticipant implements AutoCloseable {

  private final HttpServer server;
  private final KeyPair rsa;
  final List<JsonNode> received = new CopyOnWriteArrayList<>();

  FakeParticipant() throws IOException {
    rsa = Keys.generateRsa2048(new SecureRandom());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/@",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          byte[] out;
          int status;
          if (exchange.getRequestMethod().equals("POST") && path.endsWith("/inbox")) {
            received.add(TestNode.JSON.readTree(exchange.getRequestBody().readAllBytes()));
            out = new byte[0];
            status = 202;
          } else if (exchange.getRequestMethod().equals("GET") && path.matches("/@[a-z0-9]+")) {
            out = actorDocument(base() + path).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/activity+json");
            status = 200;
          } else {
            out = new byte[0];
            status = 404;
          }
          exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
          if (out.length > 0) exchange.getResponseBody().write(out);
          exchange.close();
        });
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String actor(String name) {
    return base() + "/@" + name;
  }

  private ObjectNode actorDocument(String id) {
    ObjectNode a = TestNode.JSON.createObjectNode();
    a.putArray("@context")
        .add("https://www.w3.org/ns/activitystreams")
        .add("https://w3id.org/security/v1");
    a.put("id", id)
        .put("type", "Person")
        .put("preferredUsername", id.substring(id.lastIndexOf('@') + 1))
        .put("inbox", id + "/inbox");
    a.putObject("publicKey")
        .put("id", id + "#main-key")
        .put("owner", id)
        .put("publicKeyPem", Keys.toPem(rsa.getPublic()));
    return a;
  }

  /**
   * Posts {@code activity} to {@code inbox}, signed by {@code actor}'s key the way Mobilizon signs.
   */
  HttpResponse<String> post(TestNode node, String inboxPath, String actor, ObjectNode activity)
      throws Exception {
    byte[] body = activity.toString().getBytes(StandardCharsets.UTF_8);
    HttpRequestView unsigned =
        HttpRequestView.of(
            "POST",
            URI.create(node.base() + inboxPath),
            Map.of(
                "host", node.base().getRawAuthority(), "content-type", "application/activity+json"),
            body);
    HttpRequestView signed =
        new CavageSigner(
                new SigningKey(
                    actor + "#main-key", SignatureAlgorithm.RSA_V1_5_SHA256, rsa.getPrivate()),
                Clock.systemUTC())
            .signRequest(unsigned);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(node.local().resolve(signed.targetUri().getRawPath()));
    signed
        .headers()
        .forEach(
            (name, values) -> {
              if (!List.of("host", "content-length").contains(name))
                values.forEach(v -> b.header(name, v));
            });
    return node.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  /** What arrived of {@code type} whose object is {@code objectId}. */
  List<JsonNode> answers(String type, String objectId) {
    return received.stream()
        .filter(a -> a.path("type").asText().equals(type))
        .filter(a -> objectId.equals(a.path("object").asText(a.path("object").path("id").asText())))
        .toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
