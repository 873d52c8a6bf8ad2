package org.madani.node.federation.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.outbox.EntryObjects;
import org.madani.node.federation.sig.ObjectProofs;
import org.madani.node.federation.sig.SigningKey;
import org.madani.node.federation.wire.OrderedCollection;
import org.madani.node.federation.wire.OrderedCollectionPage;
import org.madani.node.model.Entry;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.store.Database;
import org.madani.node.store.EntryRepository;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.FollowRepository.Direction;
import org.madani.node.store.FollowRepository.State;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.OutboxRepository;

/**
 * The documents peers read about a hosted organization: its actor, its entries as signed objects,
 * its outbox and the sizes of its follower collections. Each method runs one transaction on the
 * database's workers; thread-safe.
 */
public final class PublishedDocuments {

  /** Activities per outbox page. */
  static final int OUTBOX_PAGE = 20;

  private static final List<String> PUBLIC_ONLY = List.of("public");

  private final Database db;
  private final OrganizationRepository orgs;
  private final EntryRepository entries;
  private final OutboxRepository outbox;
  private final FollowRepository follows;
  private final LocalActors actors;
  private final EntryObjects objects;
  private final ObjectMapper json;
  private final Clock clock;

  public PublishedDocuments(
      Database db,
      OrganizationRepository orgs,
      EntryRepository entries,
      OutboxRepository outbox,
      FollowRepository follows,
      LocalActors actors,
      EntryObjects objects,
      ObjectMapper json,
      Clock clock) {
    this.db = db;
    this.orgs = orgs;
    this.entries = entries;
    this.outbox = outbox;
    this.follows = follows;
    this.actors = actors;
    this.objects = objects;
    this.json = json;
    this.clock = clock;
  }

  /** The organization's signed actor document, or a 404 problem. */
  public Future<ObjectNode> actor(String handle) {
    return db.tx(c -> actors.signedDocument(c, org(c, handle, "No such actor."), clock.instant()));
  }

  /**
   * The entry {@code id} as a signed object, whoever asks; {@link #readableBy} decides whether a
   * non-public one may be shown. A deleted entry is a 410 problem, an unknown one a 404.
   */
  public Future<ServedObject> object(String handle, String id) {
    return db.tx(
        c -> {
          Organization org = org(c, handle, "No such object.");
          var entry = entries.find(c, org.id(), id);
          if (entry.isEmpty()) {
            if (entries.deletedAt(c, org.id(), id).isPresent()) {
              throw Problem.of(410, "gone", "Gone", "This object was deleted.").exception();
            }
            throw Problem.notFound("No such object.");
          }
          SigningKey key = actors.ed25519(c, org);
          Entry e = entry.get();
          // Served objects carry the same kind of proof as delivered ones, dated by the entry's
          // last change.
          return new ServedObject(
              org.id(), e, ObjectProofs.sign(objects.object(org, e), key, e.updated()));
        });
  }

  /**
   * Succeeds when {@code reader} (the owner of a verified signature) may read a non-public object:
   * an accepted follower for network entries, a named recipient for private ones. Anyone else gets
   * a 404, not a 403, so that the existence of a private entry is not revealed.
   */
  public Future<Void> readableBy(ServedObject served, String reader) {
    Entry e = served.entry();
    return db.tx(
        c -> {
          boolean allowed =
              switch (e.visibility()) {
                case NETWORK ->
                    follows
                        .find(c, served.orgId(), reader, Direction.INCOMING)
                        .filter(f -> f.state() == State.ACCEPTED)
                        .isPresent();
                case PRIVATE -> {
                  boolean named = false;
                  for (var r : e.document().path("recipients")) named |= r.asText().equals(reader);
                  yield named;
                }
                case PUBLIC -> true;
              };
          if (!allowed) throw Problem.notFound("No such object.");
          return null;
        });
  }

  /**
   * The outbox collection ({@code before} null) or the page of public activities before {@code
   * before}.
   */
  public Future<ObjectNode> outbox(String handle, Long before) {
    return db.tx(
        c -> {
          Organization org = org(c, handle, "No such actor.");
          String base = actors.actorId(handle) + "/outbox";
          if (before == null) {
            return json.valueToTree(
                OrderedCollection.of(
                    base,
                    outbox.count(c, org.id(), PUBLIC_ONLY),
                    base + "?before=" + Long.MAX_VALUE));
          }
          var rows = outbox.page(c, org.id(), PUBLIC_ONLY, before, OUTBOX_PAGE);
          List<JsonNode> items = new ArrayList<>();
          for (var r : rows) {
            // Each activity keeps its own @context: its proof covers it, and its terms need it.
            items.add(parse(r.document()));
          }
          String next =
              rows.size() == OUTBOX_PAGE
                  ? base + "?before=" + rows.get(rows.size() - 1).seq()
                  : null;
          return json.valueToTree(
              OrderedCollectionPage.of(base + "?before=" + before, base, items, next));
        });
  }

  /**
   * Follower and following collections show only their size: who follows an at-risk group is
   * private.
   */
  public Future<ObjectNode> collectionSize(String handle, Direction d) {
    return db.tx(
        c -> {
          Organization org = org(c, handle, "No such actor.");
          return json.valueToTree(
              OrderedCollection.sizeOnly(
                  actors.actorId(handle) + (d == Direction.INCOMING ? "/followers" : "/following"),
                  follows.count(c, org.id(), d, State.ACCEPTED)));
        });
  }

  /** Whether this node hosts an organization with {@code handle}. */
  public Future<Boolean> hosts(String handle) {
    return db.tx(c -> orgs.findByHandle(c, handle).isPresent());
  }

  /** How many organizations this node hosts (NodeInfo's user count). */
  public Future<Long> organizationCount() {
    return db.tx(c -> (long) orgs.listAll(c).size());
  }

  private Organization org(Connection c, String handle, String missing) throws SQLException {
    return orgs.findByHandle(c, handle).orElseThrow(() -> Problem.notFound(missing));
  }

  private JsonNode parse(String document) {
    try {
      return json.readTree(document);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
