package org.madani.node.setup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.regex.Pattern;
import org.madani.node.content.ContentEvents;
import org.madani.node.content.ProfileService;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.store.Database;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.trust.OrganizationKeys;

/**
 * Hosting one more organization on a node: a validated profile and new key pairs, in one
 * transaction, so a failure leaves no half-made organization (key files already written are then
 * orphaned, never reused). The same path serves {@code add-org} on a stopped node and {@code POST
 * /api/v1/organizations} on a running one.
 */
public final class HostedOrganizations {

  /** The handle rule of {@code init} (also the actor path's). */
  public static final Pattern HANDLE = Pattern.compile("[a-z0-9][a-z0-9_-]{1,30}");

  private final Database db;
  private final OrganizationRepository orgs;
  private final ProfileService profiles;
  private final OrganizationKeys keys;
  private final Path keysDir;
  private final ContentEvents events;
  private final Clock clock;

  public HostedOrganizations(
      Database db,
      OrganizationRepository orgs,
      ProfileService profiles,
      OrganizationKeys keys,
      Path keysDir,
      ContentEvents events,
      Clock clock) {
    this.db = db;
    this.orgs = orgs;
    this.profiles = profiles;
    this.keys = keys;
    this.keysDir = keysDir;
    this.events = events;
    this.clock = clock;
  }

  /** Off the event loop (the database's workers); the directory is told once it is committed. */
  public Future<OrganizationKeys.Created> create(String handle, ObjectNode profile) {
    checkHandle(handle);
    ObjectNode valid = profiles.validated(withName(handle, profile));
    return db.tx(c -> insert(c, handle, valid)).onSuccess(k -> events.committed());
  }

  /** The same on the calling thread, for commands on a stopped node. */
  public OrganizationKeys.Created createBlocking(String handle, ObjectNode profile)
      throws SQLException {
    checkHandle(handle);
    ObjectNode valid = profiles.validated(withName(handle, profile));
    return db.txBlocking(c -> insert(c, handle, valid));
  }

  /**
   * The same inside the caller's transaction (an import that writes the organization's entries and
   * log in that one too); the caller tells the directory once it has committed.
   */
  public OrganizationKeys.Created createIn(java.sql.Connection c, String handle, ObjectNode profile)
      throws SQLException {
    checkHandle(handle);
    return insert(c, handle, profiles.validated(withName(handle, profile)));
  }

  private OrganizationKeys.Created insert(java.sql.Connection c, String handle, ObjectNode valid)
      throws SQLException {
    if (orgs.findByHandle(c, handle).isPresent()) {
      throw Problem.conflict("An organization with handle '" + handle + "' already exists.");
    }
    Organization org = orgs.insert(c, handle, valid, clock.instant());
    return keys.create(c, org.id(), handle, keysDir, clock.instant());
  }

  private static void checkHandle(String handle) {
    if (handle == null || !HANDLE.matcher(handle).matches()) {
      throw Problem.badRequest(
          "handle must be 2–31 characters of a-z, 0-9, _ or -, starting with a letter or digit.");
    }
  }

  /** A profile without a name gets the handle as its English name (as {@code init} does). */
  private static ObjectNode withName(String handle, ObjectNode profile) {
    ObjectNode p = profile.deepCopy();
    if (!p.has("name")) {
      p.putObject("name").put("en", handle);
    }
    return p;
  }
}
