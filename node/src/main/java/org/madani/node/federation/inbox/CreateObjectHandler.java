package org.madani.node.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.store.Database;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.InboxRepository.InboxRow;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.RemoteObjectRepository;
import org.madani.node.store.RemoteObjectRepository.ObjectRow;

/**
 * Create or Update of an object by its own author (InboxService checked the origin). Stored when a
 * hosted organization follows the author, or when it is addressed to a hosted organization by name;
 * non-public objects are stored with the organizations they were addressed to, and are visible only
 * to them. An Update of an unknown object is ignored (it is not a Create); an Update from anyone
 * but the author is ignored.
 */
public final class CreateObjectHandler implements ActivityHandler {

  private final Database db;
  private final Clock clock;
  private final ObjectMapper json;
  private final OrganizationRepository orgs;
  private final FollowRepository follows;
  private final RemoteObjectRepository objects;
  private final HostedOrgs hostedOrgs;
  private final RemoteActors remoteActors;
  private final boolean update;
  private final org.madani.node.federation.PeerPolicy peers;

  /**
   * @param peers the trust model: network objects from a trusted author, and objects mirrored
   *     (announced) by a trusted peer, are kept for every hosted organization; refused authors'
   *     objects are not kept at all
   */
  public CreateObjectHandler(
      Database db,
      Clock clock,
      ObjectMapper json,
      OrganizationRepository orgs,
      FollowRepository follows,
      RemoteObjectRepository objects,
      HostedOrgs hostedOrgs,
      RemoteActors remoteActors,
      boolean update,
      org.madani.node.federation.PeerPolicy peers) {
    this.peers = peers;
    this.db = db;
    this.clock = clock;
    this.json = json;
    this.orgs = orgs;
    this.follows = follows;
    this.objects = objects;
    this.hostedOrgs = hostedOrgs;
    this.remoteActors = remoteActors;
    this.update = update;
  }

  @Override
  public String type() {
    return update ? "Update" : "Create";
  }

  @Override
  public Future<Void> handle(InboxRow row, ObjectNode activity) {
    JsonNode object = activity.get("object");
    if (object == null || !object.isObject()) {
      return Future.succeededFuture(); // only embedded objects are created; references are ignored
    }
    if (update && object.has("inbox")) {
      // An actor updating its profile: fetch it again from its origin rather than trust the copy.
      return remoteActors.actor(row.actor(), true).mapEmpty();
    }
    return prepare(row, activity)
        .compose(
            step ->
                db.tx(
                    c -> {
                      step.apply(c);
                      return null;
                    }));
  }

  @Override
  public boolean batches(ObjectNode activity) {
    JsonNode object = activity.get("object");
    return object != null && object.isObject() && !(update && object.has("inbox"));
  }

  @Override
  public Future<Step> prepare(InboxRow row, ObjectNode activity) {
    return prepare(row, activity, new BatchLookups());
  }

  @Override
  public Future<Step> prepare(InboxRow row, ObjectNode activity, BatchLookups batch) {
    ObjectNode object = (ObjectNode) activity.get("object");
    return followersOf(row.actor())
        .map(
            followers -> {
              return c -> {
                // An Update of an object never seen here is not a Create in disguise: nothing
                // vouches that
                // the object ever existed as its author's, so it is not kept (issue 11, finding 2).
                if (update && objects.find(c, object.path("id").asText("")).isEmpty()) return;
                store(c, row, activity, object, followers, null, batch);
              };
            });
  }

  /**
   * The author's followers collection, looked up once for all the activities of a batch that are
   * prepared while the lookup runs (a burst is many objects from few authors): concurrent callers
   * share one lookup, and the next batch looks again.
   */
  private Future<String> followersOf(String actorId) {
    Optional<String> known = followersKnown.getIfPresent(actorId);
    if (known != null) return Future.succeededFuture(known.orElse(null));
    Future<String> running = followersLookups.get(actorId);
    if (running != null) return running;
    Promise<String> promise = Promise.promise();
    running = followersLookups.putIfAbsent(actorId, promise.future());
    if (running != null) return running;
    remoteActors
        .actor(actorId, false)
        .map(actor -> actorFollowers(actor.document()))
        .onComplete(
            ar -> {
              if (ar.succeeded()) followersKnown.put(actorId, Optional.ofNullable(ar.result()));
              followersLookups.remove(actorId, promise.future());
              promise.handle(ar);
            });
    return promise.future();
  }

  private final java.util.concurrent.ConcurrentMap<String, Future<String>> followersLookups =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** How long an author's followers collection is believed without looking again. */
  static final Duration FOLLOWERS_KNOWN_FOR = Duration.ofSeconds(30);

  /**
   * Authors' followers collections looked up lately: a burst brings many objects from each author
   * over many batches, and each lookup is a transaction reading and parsing the actor's document. A
   * collection's address hardly ever changes; a changed one is seen within {@link
   * #FOLLOWERS_KNOWN_FOR}. Bounded.
   */
  private final Cache<String, Optional<String>> followersKnown =
      Caffeine.newBuilder()
          .maximumSize(10_000)
          .expireAfterWrite(FOLLOWERS_KNOWN_FOR)
          .executor(Runnable::run)
          .build();

  private String actorFollowers(String actorDocument) {
    try {
      return json.readTree(actorDocument).path("followers").asText(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /**
   * Stores an object whose origin was established by a verified proof (a log item from a mirror or
   * relay): {@code row.actor()} is its verified author, {@code via} the peer it came through. The
   * items a transaction applies share {@code batch} (a page of a catch-up: one author, one peer).
   */
  public void storeVerified(
      Connection c,
      InboxRow row,
      ObjectNode activity,
      ObjectNode object,
      String authorFollowers,
      String via,
      BatchLookups batch)
      throws SQLException {
    store(c, row, activity, object, authorFollowers, via, batch);
  }

  /**
   * Stores {@code object} for the hosted organizations entitled to it. {@code via} names the peer
   * that relayed it, when it did not come from its author. Who follows the author and which hosted
   * organizations the addresses name are read once per {@code batch}.
   */
  void store(
      Connection c,
      InboxRow row,
      ObjectNode activity,
      ObjectNode object,
      String authorFollowers,
      String via,
      BatchLookups batch)
      throws SQLException {
    String author = row.actor();
    List<String> to = Addressing.addressees(activity, object);
    boolean isPublic = Addressing.isPublic(to);
    boolean toFollowers = authorFollowers != null && to.contains(authorFollowers);
    List<Long> following = batch.get("following " + author, () -> follows.orgsFollowing(c, author));
    Set<Long> recipients = new LinkedHashSet<>();
    for (String a : new LinkedHashSet<>(to)) { // the activity and its object usually name the same
      batch.get("hosted " + a, () -> hostedOrgs.localOrgId(c, a)).ifPresent(recipients::add);
    }
    if (toFollowers) recipients.addAll(following);
    if (via != null) {
      recipients.addAll(batch.get("following " + via, () -> follows.orgsFollowing(c, via)));
    }
    if (author == null || !peers.allowsActor(author)) return; // relayed from a refused author
    // Trust extends sharing (protocol-spec/trust.md): what a trusted author shares with its
    // network, and what a trusted peer mirrors, is kept for all our organizations.
    if ((toFollowers && peers.trusts(author)) || (via != null && peers.trusts(via))) {
      recipients.addAll(batch.get("all organizations", () -> orgs.allIds(c)));
    }
    String audience = isPublic ? "public" : toFollowers ? "network" : "private";
    boolean wanted =
        isPublic ? !following.isEmpty() || !recipients.isEmpty() : !recipients.isEmpty();
    if (!wanted) return;

    String id = object.get("id").asText();
    var now = clock.instant();
    String type = object.path("type").asText("Object");
    String document = object.toString();
    // A Create is nearly always of a new object: insert first, and look at what is stored only
    // when the id is taken (one statement per new object instead of a read and an insert).
    if (update
        || !objects.insertIfAbsent(
            c, row(id, author, type, audience, document, row, via, now, now))) {
      var existing = objects.find(c, id);
      if (existing.isPresent() && !existing.get().actor().equals(author)) {
        return; // an object id belongs to its first author; nobody else may replace it
      }
      if (existing.isPresent() && existing.get().deletedAt() != null) {
        return; // deleted stays deleted: a late Create or Update must not resurrect it
      }
      ObjectRow stored =
          row(
              id,
              author,
              type,
              audience,
              document,
              row,
              via,
              existing.map(ObjectRow::received).orElse(now),
              now);
      if (existing.isPresent() || !objects.insertIfAbsent(c, stored)) objects.upsert(c, stored);
    }
    if (!isPublic) {
      for (Long org : recipients) objects.addRecipient(c, id, org);
    }
  }

  private static ObjectRow row(
      String id,
      String author,
      String type,
      String audience,
      String document,
      InboxRow row,
      String via,
      java.time.Instant received,
      java.time.Instant updated) {
    return new ObjectRow(
        id, author, type, audience, document, row.verifiedBy(), via, received, updated, null);
  }
}
