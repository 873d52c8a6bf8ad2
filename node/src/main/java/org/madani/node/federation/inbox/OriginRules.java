package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.madani.node.federation.Origins;
import org.madani.node.model.Problem;

/**
 * The inbox's origin decisions (protocol-spec/federation.md, "Origin rules"): once a request's
 * signature is verified, whether the activity may be accepted from the key's owner, and if not,
 * why. A pure function of the activity and the key owner, so that
 * protocol-spec/vectors/inbox-origin states each decision and its reason for a second
 * implementation to check against. Stateless; thread-safe.
 */
final class OriginRules {

  /** Types whose embedded object must come from the actor's own origin. */
  private static final Set<String> SAME_ORIGIN_OBJECT = Set.of("Create", "Update");

  /**
   * Why an activity is refused: {@code reason} is the stable code the vectors and the problem
   * document's {@code reason} member carry; {@code status} 403, or 400 for a malformed attribution.
   */
  record Refusal(int status, String reason, String detail) {

    RuntimeException exception() {
      Problem p =
          status == 400
              ? Problem.of(400, "bad-attribution", "Malformed attribution", detail)
              : Problem.of(403, "origin", "Origin check failed", detail);
      return p.with("reason", reason).exception();
    }
  }

  private OriginRules() {}

  /**
   * The refusal of {@code activity} signed by {@code keyOwner}'s key; empty when it may be
   * accepted.
   */
  static Optional<Refusal> check(JsonNode activity, String keyOwner) {
    String actor = InboxService.idOf(activity.get("actor"));
    String id = activity.path("id").asText("");
    String type = activity.path("type").asText("");
    // The key's owner must be the actor: otherwise one actor could speak for another.
    if (actor == null || !actor.equals(keyOwner)) {
      return refuse(
          "actor-not-key-owner", "The activity's actor is not the owner of the signing key.");
    }
    if (!Origins.sameOrigin(id, actor)) {
      return refuse("activity-id-origin", "The activity id is not on the actor's origin.");
    }
    JsonNode object = activity.get("object");
    if (SAME_ORIGIN_OBJECT.contains(type) && object != null && object.isObject()) {
      String objectId = object.path("id").asText("");
      if (!Origins.sameOrigin(objectId, actor)) {
        return refuse(
            "object-origin",
            type
                + " of an object from another origin is not accepted; "
                + "announce it instead, and receivers fetch it from its origin.");
      }
      Optional<Refusal> attribution =
          attribution(type, actor, object); // Update too: it must not re-attribute
      if (attribution.isPresent()) return attribution;
      if ("Update".equals(type) && object.has("inbox") && !objectId.equals(actor)) {
        return refuse("update-other-actor", "An actor may only update itself.");
      }
    }
    if ("Delete".equals(type) && object != null) {
      String objectId = InboxService.idOf(object);
      if (objectId == null || !Origins.sameOrigin(objectId, actor)) {
        return refuse("delete-origin", "An actor may only delete objects of its own origin.");
      }
    }
    return Optional.empty();
  }

  /**
   * Every id in the object's {@code attributedTo} must be the actor, whatever its shape (a string,
   * an object with an id, or an array of either): a Create or Update from eve crediting {@code
   * [eve, alice]} would otherwise be kept as alice's. Any other shape is refused.
   */
  private static Optional<Refusal> attribution(String type, String actor, JsonNode object) {
    JsonNode attributed = object.get("attributedTo");
    if (attributed == null || attributed.isNull()) return Optional.empty();
    List<String> ids = new ArrayList<>();
    if (!collectIds(attributed, ids) || ids.isEmpty()) {
      return Optional.of(
          new Refusal(
              400,
              "attribution-malformed",
              "attributedTo must be an actor id, an object with an id, or an array of them."));
    }
    for (String id : ids) {
      if (!id.equals(actor)) {
        return refuse(
            "attribution-other",
            type + " of an object attributed to someone other than the actor is not accepted.");
      }
    }
    return Optional.empty();
  }

  private static boolean collectIds(JsonNode n, List<String> out) {
    if (n.isTextual()) {
      out.add(n.asText());
      return true;
    }
    if (n.isObject()) {
      JsonNode id = n.get("id");
      if (id == null || !id.isTextual()) return false;
      out.add(id.asText());
      return true;
    }
    if (n.isArray()) {
      for (JsonNode e : n) {
        if (e.isArray() || !collectIds(e, out)) return false;
      }
      return true;
    }
    return false;
  }

  private static Optional<Refusal> refuse(String reason, String detail) {
    return Optional.of(new Refusal(403, reason, detail));
  }
}
