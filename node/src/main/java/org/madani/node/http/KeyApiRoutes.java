package org.madani.node.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;
import org.madani.node.store.KeyChangeRepository.Flag;
import org.madani.node.trust.KeyChanges;
import org.madani.node.trust.KeyRotation;

/**
 * Admin API for keys over time (protocol-spec/keys.md): rotating an organization's signing key, and
 * the key changes of remote actors held for the admin. Mounted after {@link ApiRoutes}, whose token
 * check and audit trail cover /api/v1/*.
 */
public final class KeyApiRoutes {

  private final KeyRotation rotation;
  private final KeyChanges changes;
  private final JsonCodec json;

  public KeyApiRoutes(KeyRotation rotation, KeyChanges changes, JsonCodec json) {
    this.rotation = rotation;
    this.changes = changes;
    this.json = json;
  }

  public void mount(Router router) {
    router
        .post("/api/v1/organizations/:handle/keys/rotate")
        .handler(
            ctx ->
                respond(
                    ctx,
                    rotation
                        .rotate(ctx.pathParam("handle"))
                        .map(
                            r ->
                                json.mapper()
                                    .createObjectNode()
                                    .put("oldKey", r.oldKeyId())
                                    .put("newKey", r.newKeyId())
                                    .put("oldKeyExpires", r.oldKeyExpires().toString()))));
    router
        .get("/api/v1/trust/key-changes")
        .handler(
            ctx -> respond(ctx, changes.list(ctx.request().getParam("status")).map(this::items)));
    router.post("/api/v1/trust/key-changes/:id/accept").handler(ctx -> resolve(ctx, true));
    router.post("/api/v1/trust/key-changes/:id/reject").handler(ctx -> resolve(ctx, false));
  }

  private void resolve(RoutingContext ctx, boolean accept) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      ctx.fail(Problem.notFound("No such key change."));
      return;
    }
    respond(ctx, changes.resolve(id, accept).map(this::flag));
  }

  private ObjectNode items(List<Flag> flags) {
    ObjectNode out = json.mapper().createObjectNode();
    ArrayNode items = out.putArray("items");
    flags.forEach(f -> items.add(flag(f)));
    return out;
  }

  private ObjectNode flag(Flag f) {
    ObjectNode o = json.mapper().createObjectNode();
    o.put("id", f.id());
    o.put("actor", f.actorId());
    o.put("keyId", f.keyId());
    o.put("algorithm", f.algorithm());
    o.put("purpose", f.purpose());
    o.put("publicKeyPem", f.publicPem());
    o.put("seenAt", f.seenAt().toString());
    o.put("reason", f.reason());
    o.put("status", f.status());
    if (f.resolvedAt() != null) o.put("resolvedAt", f.resolvedAt().toString());
    return o;
  }

  private void respond(RoutingContext ctx, Future<ObjectNode> f) {
    JsonReplies.respond(ctx, 200, f, json);
  }
}
