package org.madani.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;
import org.madani.node.model.Urls;
import org.madani.node.setup.HostedOrganizations;

/**
 * {@code POST /api/v1/organizations}: host another organization on the RUNNING node (the {@code
 * add-org} command's client path; no stop needed). Mounted after {@link ApiRoutes}, whose
 * authentication and audit cover it. The recovery key's private half is answered once (no-store)
 * for the admin to keep offline, as {@code init} prints it; the server keeps no copy.
 */
public final class HostingApiRoutes {

  private final HostedOrganizations hosting;
  private final JsonCodec json;
  private final Urls urls;

  public HostingApiRoutes(HostedOrganizations hosting, JsonCodec json, Urls urls) {
    this.hosting = hosting;
    this.json = json;
    this.urls = urls;
  }

  public void mount(Router router) {
    router.post("/api/v1/organizations").handler(this::add);
  }

  private void add(RoutingContext ctx) {
    ObjectNode in = JsonReplies.body(ctx, json);
    JsonNode handle = in.get("handle");
    JsonNode profile = in.get("profile");
    if (handle == null || !handle.isTextual()) {
      ctx.fail(Problem.badRequest("Send {\"handle\": \"…\", \"profile\": {…}}."));
      return;
    }
    if (profile != null && !profile.isObject()) {
      ctx.fail(
          Problem.badRequest(
              "profile must be a JSON object (protocol-spec/schemas/profile.schema.json)."));
      return;
    }
    String h = handle.asText();
    JsonReplies.respond(
        ctx,
        201,
        hosting
            .create(h, profile == null ? json.mapper().createObjectNode() : (ObjectNode) profile)
            .map(
                created -> {
                  ctx.response().putHeader("Location", urls.organization(h));
                  ObjectNode out = json.mapper().createObjectNode();
                  out.put("handle", h);
                  out.put("actor", urls.organization(h));
                  // Handed over once, as init and the offline add-org do; never stored on the
                  // server.
                  out.put("recoveryKey", created.recoveryPrivatePem());
                  return out;
                }),
        json);
  }
}
