package org.madani.node.collab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.madani.node.TestNode;

/**
 * Checks the schemas and proofs of collaboration documents that went between real nodes, the proofs
 * with the independent verifier, protocol-spec/tools/madani_vectors.py (Python, {@code
 * cryptography} and its own JCS, none of the node's code): every document an IT's nodes received
 * from each other, as stored in their inboxes, becomes a case expected {@code valid} (and its
 * embedded object too, when that carries its own proof), beside a tampered copy expected {@code
 * BAD_SIGNATURE}, with the keys the senders' actor documents publish. Needs {@code python3} with
 * {@code cryptography}, as PythonVerifierTest does.
 */
final class IndependentProofs {

  /** Activity types of the collaboration documents (collab.md), as the inbox stores them. */
  static final List<String> TYPES =
      List.of(
          "Invite",
          "Accept",
          "Reject",
          "TentativeAccept",
          "Join",
          "Leave",
          "Offer",
          "Create",
          "Update",
          "Delete",
          "Flag");

  private static final Path SCRIPT = Path.of("..", "protocol-spec", "tools", "madani_vectors.py");

  record Outcome(int documents, Set<String> kinds, String output) {}

  private IndependentProofs() {}

  /**
   * Verifies, in Python, every collaboration document {@code nodes} received from one another, and
   * a tampered copy of each; fails the test on any disagreement. Returns what was checked, named
   * {@code Type} or {@code Type(ObjectType)}.
   */
  static Outcome verifyAll(Path dir, TestNode... nodes) throws Exception {
    return verifyAll(dir, List.of(), nodes);
  }

  /**
   * As {@link #verifyAll(Path, TestNode...)}, with documents the nodes sent elsewhere ({@code
   * extra}: what a Fediverse participant's server received from them).
   */
  static Outcome verifyAll(Path dir, List<JsonNode> extra, TestNode... nodes) throws Exception {
    Files.createDirectories(dir);
    ObjectNode keys = TestNode.JSON.createObjectNode();
    ObjectNode byId = keys.putObject("keys");
    List<String> actors = new ArrayList<>();
    for (TestNode n : nodes) {
      String actor = n.base() + "/orgs/" + n.handle();
      actors.add(actor);
      JsonNode doc =
          TestNode.json(n.get("/orgs/" + n.handle(), "Accept", "application/activity+json"));
      for (JsonNode m : doc.path("assertionMethod")) {
        byId.putObject(m.get("id").asText())
            .put("ownerId", actor)
            .put("type", "Multikey")
            .put("publicKeyMultibase", m.get("publicKeyMultibase").asText());
      }
    }
    write(dir.resolve("keys.json"), keys);
    int documents = 0;
    int checks = 0;
    Set<String> kinds = new LinkedHashSet<>();
    List<JsonNode> received = new ArrayList<>(extra);
    for (TestNode n : nodes) {
      for (String type : TYPES) received.addAll(CollaborationIT.inboxDocuments(n, type, nodes));
    }
    for (JsonNode d : received) {
      String type = d.path("type").asText();
      if (!TYPES.contains(type)) continue;
      if (!actors.contains(d.path("actor").asText())) continue; // not from one of our nodes
      if (!d.has("proof")) continue;
      JsonNode object = d.get("object");
      String objectType = object == null ? "" : object.path("type").asText();
      String kind = objectType.isEmpty() ? type : type + "(" + objectType + ")";
      if (type.equals("Create") || type.equals("Update")) {
        // only the collaboration objects: entries and profiles have their own tests
        if (object.has("correction")) kind = type + "(correction)";
        else if (!Set.of("Question", "Note", "Attestation").contains(objectType)) continue;
      }
      if (objectType.equals("Follow")) continue; // following has its own tests
      if (extra.contains(d)) kind += " to a participant";
      String schema = schemaOf(type, objectType, object);
      if (schema != null) CollaborationIT.SCHEMAS.assertValid(schema, d);
      documents++;
      kinds.add(kind);
      String name = "doc-" + documents;
      boolean inner = object != null && object.isObject() && object.has("proof");
      checks += inner ? 4 : 2;
      write(dir.resolve(name + ".json"), testCase(kind, d, "valid", inner));
      ObjectNode tampered = d.deepCopy();
      tampered.put("published", "1999-01-01T00:00:00Z");
      write(dir.resolve(name + "-tampered.json"), testCase(kind, tampered, "BAD_SIGNATURE", inner));
    }
    assertThat(documents).as("collaboration documents between the nodes").isPositive();
    Process p =
        new ProcessBuilder("python3", SCRIPT.toString(), "verify", dir.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).as(out).contains(checks + " checked, 0 failed").doesNotContain("FAIL");
    return new Outcome(documents, kinds, out);
  }

  /** The collab schema a document of this kind validates against (collab.md), or null. */
  static String schemaOf(String type, String objectType, JsonNode object) {
    return switch (type) {
      case "Invite" -> "invite.schema.json";
      case "Accept", "Reject", "TentativeAccept" -> "answer.schema.json";
      case "Offer" -> "offer.schema.json";
      case "Flag" -> "dispute.schema.json";
      case "Create", "Update" ->
          object.has("correction")
              ? "correction.schema.json"
              : switch (objectType) {
                case "Question" -> "question.schema.json";
                case "Note" -> "reply.schema.json";
                case "Attestation" -> "attestation.schema.json";
                default -> null;
              };
      case "Delete" -> {
        String id =
            object == null ? "" : object.isTextual() ? object.asText() : object.path("id").asText();
        yield id.contains("/attestations/") ? "revocation.schema.json" : null;
      }
      default -> null;
    };
  }

  private static ObjectNode testCase(String name, JsonNode doc, String expected, boolean inner) {
    ObjectNode c = TestNode.JSON.createObjectNode().put("name", name);
    c.set("document", doc);
    if (expected.equals("valid")) c.put("expected", "valid");
    else c.putObject("expected").put("rejected", expected);
    if (inner) c.put("expectedObject", "valid");
    return c;
  }

  private static void write(Path file, JsonNode value) throws Exception {
    Files.writeString(
        file, TestNode.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
  }
}
