package org.madani.node.federation.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.model.Organization;
import org.madani.node.store.OrganizationRepository;

/**
 * Which hosted organization an actor id names, for the handlers that act on activities addressed to
 * one of ours. Stateless; thread-safe.
 */
public final class HostedOrgs {

  private final LocalActors localActors;
  private final OrganizationRepository orgs;

  public HostedOrgs(LocalActors localActors, OrganizationRepository orgs) {
    this.localActors = localActors;
    this.orgs = orgs;
  }

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
}
