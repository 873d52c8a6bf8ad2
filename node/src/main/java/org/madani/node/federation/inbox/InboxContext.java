package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.madani.node.federation.ActivityStreams;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.federation.outbox.Outbox;
import org.madani.node.model.Organization;
import org.madani.node.store.Database;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.RemoteObjectRepository;

/** What the activity handlers share: stores, actors, the outbox. Built once; thread-safe. */
public record InboxContext(
    Database db,
    ObjectMapper json,
    Clock clock,
    OrganizationRepository orgs,
    FollowRepository follows,
    RemoteObjectRepository objects,
    LocalActors localActors,
    RemoteActors remoteActors,
    Outbox outbox) {

  /** The hosted organization whose actor id this is, if any. */
  public Optional<Organization> localOrg(Connection c, String actorId) throws SQLException {
    Optional<String> handle = localActors.handleOf(actorId);
    return handle.isEmpty() ? Optional.empty() : orgs.findByHandle(c, handle.get());
  }

  /** The id of the hosted organization {@code actorId} names, if it is one (its profile unread). */
  public Optional<Long> localOrgId(Connection c, String actorId) throws SQLException {
    Optional<String> handle = localActors.handleOf(actorId);
    return handle.isEmpty() ? Optional.empty() : orgs.idByHandle(c, handle.get());
  }

  /** All addressees of an activity or object (to, cc, bto, bcc, audience). */
  public static List<String> addressees(JsonNode... nodes) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : nodes) {
      if (n == null) continue;
      for (String field : List.of("to", "cc", "bto", "bcc", "audience")) {
        JsonNode v = n.get(field);
        if (v == null) continue;
        if (v.isTextual()) out.add(v.asText());
        else
          v.forEach(
              x -> {
                String id = InboxService.idOf(x);
                if (id != null) out.add(id);
              });
      }
    }
    return out;
  }

  public static boolean isPublic(List<String> addressees) {
    return addressees.stream().anyMatch(ActivityStreams.PUBLIC_ALIASES::contains);
  }
}
