package org.madani.node.collab.invite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.madani.node.model.Entry;
import org.madani.node.model.EntryKind;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;

/**
 * Finds our events and trainings by handle and id, or by their object URL ({@code
 * <base>/orgs/<handle>/entries/<id>}).
 */
final class LocalEvents {

  record Event(Organization org, Entry entry) {}

  private final CollabDeps deps;
  private final Pattern entryUrl;

  LocalEvents(CollabDeps deps) {
    this.deps = deps;
    this.entryUrl =
        Pattern.compile(
            Pattern.quote(deps.urls().root())
                + "/orgs/([a-z0-9_]{1,64})/entries/([A-Za-z0-9_-]{1,64})");
  }

  /** Events and trainings take participants (Join, invitations). */
  static boolean joinable(Entry e) {
    return e.kind() == EntryKind.EVENT || e.kind() == EntryKind.TRAINING;
  }

  Organization org(Connection c, String handle) throws SQLException {
    return deps.orgs()
        .findByHandle(c, handle)
        .orElseThrow(() -> Problem.notFound("No organization '" + handle + "'."));
  }

  /** Our event, or a 404 problem. */
  Event event(Connection c, String handle, String entryId) throws SQLException {
    Organization org = org(c, handle);
    Entry e =
        deps.entries()
            .find(c, org.id(), entryId)
            .filter(LocalEvents::joinable)
            .orElseThrow(() -> Problem.notFound("No event '" + entryId + "' of '" + handle + "'."));
    return new Event(org, e);
  }

  /** The event an object URL names, when it is one of ours and not deleted. */
  Optional<Event> byUrl(Connection c, String url) throws SQLException {
    if (url == null) return Optional.empty();
    Matcher m = entryUrl.matcher(url);
    if (!m.matches()) return Optional.empty();
    Optional<Organization> org = deps.orgs().findByHandle(c, m.group(1));
    if (org.isEmpty()) return Optional.empty();
    return deps.entries()
        .find(c, org.get().id(), m.group(2))
        .filter(LocalEvents::joinable)
        .map(e -> new Event(org.get(), e));
  }
}
