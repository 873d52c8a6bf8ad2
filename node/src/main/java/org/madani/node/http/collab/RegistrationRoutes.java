package org.madani.node.http.collab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import java.util.List;
import org.madani.node.collab.training.RegistrationService;
import org.madani.node.json.JsonCodec;
import org.madani.node.store.collab.RegistrationRepository.RegistrationRow;

/**
 * Registrations of our organizations for trainings and events on other nodes (admin API): register
 * (sends a Join) and list with the organizers' answers.
 */
final class RegistrationRoutes {

  private static final String ORG = "/api/v1/organizations/:handle";

  private final RegistrationService registrations;
  private final CollabJson io;
  private final ObjectMapper mapper;

  RegistrationRoutes(RegistrationService registrations, JsonCodec json) {
    this.registrations = registrations;
    this.io = new CollabJson(json);
    this.mapper = json.mapper();
  }

  void mount(Router router) {
    router
        .get(ORG + "/registrations")
        .handler(
            ctx ->
                io.respond(ctx, 200, registrations.list(ctx.pathParam("handle")).map(this::items)));
    router
        .post(ORG + "/registrations")
        .handler(
            ctx ->
                io.respond(
                    ctx,
                    202,
                    registrations
                        .register(
                            CollabJson.admin(ctx),
                            ctx.pathParam("handle"),
                            io.body(ctx).path("object").asText(null))
                        .map(this::item)));
  }

  private ObjectNode items(List<RegistrationRow> rows) {
    ObjectNode o = mapper.createObjectNode();
    var items = o.putArray("items");
    rows.forEach(r -> items.add(item(r)));
    return o;
  }

  private ObjectNode item(RegistrationRow r) {
    return mapper
        .createObjectNode()
        .put("id", r.id())
        .put("object", r.objectUrl())
        .put("organizer", r.organizer())
        .put("join", r.joinId())
        .put("state", r.state())
        .put("updated", r.updated().toString());
  }
}
