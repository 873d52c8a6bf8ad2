package org.madani.node.federation.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.madani.node.content.ContentEvents;
import org.madani.node.federation.ActivityStreams;
import org.madani.node.federation.EmittedContexts;
import org.madani.node.federation.Origins;
import org.madani.node.federation.PeerPolicy;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.sig.ObjectProofs;
import org.madani.node.federation.sig.SigningKey;
import org.madani.node.federation.wire.Activity;
import org.madani.node.model.Entry;
import org.madani.node.model.Organization;
import org.madani.node.model.Visibility;
import org.madani.node.store.DeliveryRepository;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.FollowRepository.Direction;
import org.madani.node.store.FollowRepository.State;
import org.madani.node.store.OutboxRepository;
import org.madani.node.store.RemoteActorRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds, records and addresses outgoing activities. Every activity is appended to the sending
 * organization's outbox log and queued for each recipient inbox (a peer's shared inbox once, where
 * it offers one) in the caller's transaction, so a change and its delivery are stored together.
 * Thread-safe.
 */
public final class Outbox implements ContentEvents {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final ObjectMapper json;
  private final LocalActors actors;
  private final EntryObjects objects;
  private final OutboxRepository log;
  private final FollowRepository follows;
  private final RemoteActorRepository remoteActors;
  private final OutboundQueue queue;
  private final Clock clock;
  private final PeerPolicy peers;
  private final Runnable afterEnqueue;

  public Outbox(
      ObjectMapper json,
      LocalActors actors,
      EntryObjects objects,
      OutboxRepository log,
      FollowRepository follows,
      RemoteActorRepository remoteActors,
      OutboundQueue queue,
      Clock clock) {
    this(
        json, actors, objects, log, follows, remoteActors, queue, clock, PeerPolicy.OPEN, () -> {});
  }

  /**
   * @param peers the trust model: refused actors get nothing; trusted ones also get network entries
   * @param afterEnqueue run after a transaction that queued deliveries, to wake the delivery worker
   */
  public Outbox(
      ObjectMapper json,
      LocalActors actors,
      EntryObjects objects,
      OutboxRepository log,
      FollowRepository follows,
      RemoteActorRepository remoteActors,
      OutboundQueue queue,
      Clock clock,
      PeerPolicy peers,
      Runnable afterEnqueue) {
    this.peers = peers;
    this.afterEnqueue = afterEnqueue;
    this.json = json;
    this.actors = actors;
    this.objects = objects;
    this.log = log;
    this.follows = follows;
    this.remoteActors = remoteActors;
    this.queue = queue;
    this.clock = clock;
  }

  public void wakeDelivery() {
    afterEnqueue.run();
  }

  @Override
  public void committed() {
    wakeDelivery();
  }

  @Override
  public void entryCreated(Connection c, Organization org, Entry e) throws SQLException {
    publish(c, org, "Create", objects.embedded(org, e), e);
  }

  /**
   * A batch of new entries (bulk import), published in order as {@link #entryCreated} does each,
   * but as one: the followers' inboxes and the signing key are read once, the organization is
   * locked and its outbox and log numbers read once, the proofs are made on all cores, the outbox
   * rows go in as one JDBC batch, and one log line says it all (issue 13). Each entry is still its
   * own Create with its own log number and proofs, so followers and mirrors see exactly what a
   * single create would have sent.
   */
  @Override
  public void entriesCreated(Connection c, Organization org, List<Entry> entries)
      throws SQLException {
    SigningKey key = actors.ed25519(c, org);
    Map<Visibility, Set<URI>> shared = new EnumMap<>(Visibility.class);
    OutboxRepository.Next next = log.lockNext(c, org.id());
    long logSeq = next.logSeq();
    int n = entries.size();
    List<ObjectNode> activities = new ArrayList<>(n);
    List<Set<URI>> targets = new ArrayList<>(n);
    List<Long> logSeqs = new ArrayList<>(n);
    ArrayNode context = EmittedContexts.actor();
    for (Entry e : entries) {
      targets.add(
          e.visibility() == Visibility.PRIVATE
              ? recipientsFor(c, org, e)
              : cached(shared, e.visibility(), c, org, e));
      ObjectNode object = objects.embedded(org, e);
      ObjectNode a =
          envelope(
              org,
              "Create",
              object,
              object.get("to").deepCopy(),
              object.get("cc").deepCopy(),
              context);
      Long seq = e.visibility() == Visibility.PUBLIC ? logSeq++ : null;
      if (seq != null) a.put("sequence", seq);
      activities.add(a);
      logSeqs.add(seq);
    }
    Instant signedAt = clock.instant();
    // The proofs (JCS and Ed25519, twice per entry) are most of the CPU a batch costs: made on all
    // cores, in this worker thread and the common pool's, while the transaction waits.
    byte[][] bodies = new byte[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              ObjectNode signed = signed(org, activities.get(i), key, signedAt);
              activities.set(i, signed);
              bodies[i] = bytes(signed);
            });
    Instant now = clock.instant();
    List<OutboxRepository.NewItem> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ObjectNode a = activities.get(i);
      rows.add(
          new OutboxRepository.NewItem(
              a.get("id").asText(),
              "Create",
              objectIdOf(a),
              entries.get(i).visibility().wireName(),
              new String(bodies[i], StandardCharsets.UTF_8),
              now,
              logSeqs.get(i)));
    }
    log.appendAll(c, org.id(), next.seq(), rows);
    List<DeliveryRepository.NewJob> jobs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (URI inbox : targets.get(i)) {
        jobs.add(
            new DeliveryRepository.NewJob(
                rows.get(i).activityId(), rows.get(i).objectId(), inbox, bodies[i]));
      }
    }
    queue.enqueueAll(c, org.id(), jobs);
    int queued = jobs.size();
    LOG.info(
        "queued {} Create(s) of {} for {} deliveries",
        entries.size(),
        actors.actorId(org.handle()),
        queued);
  }

  private Set<URI> cached(
      Map<Visibility, Set<URI>> shared, Visibility v, Connection c, Organization org, Entry e)
      throws SQLException {
    Set<URI> found = shared.get(v);
    if (found == null) {
      found = recipientsFor(c, org, e);
      shared.put(v, found);
    }
    return found;
  }

  @Override
  public void entryUpdated(Connection c, Organization org, Entry before, Entry after)
      throws SQLException {
    if (before.visibility() != after.visibility()
        && before.visibility().ordinal() < after.visibility().ordinal()) {
      // Narrowed audience (e.g. public -> network): those who may no longer see it get a Delete.
      ObjectNode del = activity(org, "Delete", objects.tombstone(org, before, clock.instant()));
      objects.address(del, org, before);
      send(c, org, del, before.visibility().wireName(), recipientsFor(c, org, before));
    }
    publish(c, org, "Update", objects.embedded(org, after), after);
  }

  @Override
  public void entryDeleted(Connection c, Organization org, Entry before) throws SQLException {
    ObjectNode del = activity(org, "Delete", objects.tombstone(org, before, clock.instant()));
    objects.address(del, org, before);
    send(c, org, del, before.visibility().wireName(), recipientsFor(c, org, before));
  }

  @Override
  public void profileUpdated(Connection c, Organization org) throws SQLException {
    ObjectNode upd = actorUpdate(c, org);
    send(c, org, upd, "public", followerInboxes(c, org));
  }

  /**
   * Announces the organization's keys after a rotation or revocation: an Update of the actor (whose
   * document lists the new key) to followers, signed with {@code signer} — after a rotation the key
   * that was current until now, which followers have pinned, so they can believe the new one
   * (protocol-spec/keys.md §2). It is a public log item, so mirrors relay it to late peers too.
   */
  public void keysChanged(Connection c, Organization org, SigningKey signer) throws SQLException {
    ObjectNode upd = actorUpdate(c, org);
    send(c, org, upd, "public", followerInboxes(c, org), signer);
  }

  /** An Update of the organization's actor, addressed to the public and its followers. */
  private ObjectNode actorUpdate(Connection c, Organization org) throws SQLException {
    return activity(
        org,
        "Update",
        json.valueToTree(actors.actor(c, org).withoutContext()),
        json.createArrayNode().add(ActivityStreams.PUBLIC),
        json.createArrayNode().add(actors.followers(org.handle())));
  }

  private void publish(Connection c, Organization org, String type, ObjectNode object, Entry e)
      throws SQLException {
    ObjectNode a =
        envelope(org, type, object, object.get("to").deepCopy(), object.get("cc").deepCopy());
    send(c, org, a, e.visibility().wireName(), recipientsFor(c, org, e));
  }

  /** A new activity envelope from {@code org}'s actor, without an audience. */
  public ObjectNode activity(Organization org, String type, JsonNode object) {
    return activity(org, type, object, null, null);
  }

  /**
   * A new activity envelope from {@code org}'s actor, addressed {@code to} and {@code cc} when
   * given.
   */
  public ObjectNode activity(
      Organization org, String type, JsonNode object, JsonNode to, JsonNode cc) {
    // The activity may embed an actor (Update), whose key terms its context must define too.
    return json.valueToTree(
        new Activity(
            EmittedContexts.actor(),
            actors.actorId(org.handle()) + "/activities/" + UUID.randomUUID(),
            type,
            actors.actorId(org.handle()),
            clock.instant(),
            object,
            to,
            cc));
  }

  /**
   * As {@link #activity(Organization, String, JsonNode, JsonNode, JsonNode)}, for a batch: the
   * envelope takes {@code object}, {@code to} and {@code cc} as they are instead of copying them
   * (the caller made them for it and does not change them afterwards). Same members, same order.
   */
  ObjectNode envelope(Organization org, String type, ObjectNode object, JsonNode to, JsonNode cc) {
    return envelope(org, type, object, to, cc, EmittedContexts.actor());
  }

  /**
   * As above, with {@code context} as the {@code @context}: a batch builds it once and shares it
   * among its activities (nothing changes an unsigned activity's context; signing works on a copy).
   * The members and their order are those of {@link Activity}, checked by OutboxTest.
   */
  private ObjectNode envelope(
      Organization org,
      String type,
      ObjectNode object,
      JsonNode to,
      JsonNode cc,
      JsonNode context) {
    String actor = actors.actorId(org.handle());
    ObjectNode a = json.createObjectNode();
    a.set("@context", context);
    a.put("id", actor + "/activities/" + UUID.randomUUID());
    a.put("type", type);
    a.put("actor", actor);
    a.put("published", clock.instant().toString());
    a.set("object", object);
    if (to != null) a.set("to", to);
    if (cc != null) a.set("cc", cc);
    return a;
  }

  /** Content activities of public entries form the organization's numbered, mirrorable log. */
  private static final Set<String> LOGGED = Set.of("Create", "Update", "Delete");

  /**
   * Records {@code activity} in the outbox and queues it for each inbox. Public content activities
   * get the next number of the organization's log ({@code sequence}). The embedded object and then
   * the activity are signed with the organization's Ed25519 key (FEP-8b32, eddsa-jcs-2022), so both
   * stay verifiable wherever they are relayed.
   */
  public void send(
      Connection c, Organization org, ObjectNode unsigned, String audience, Set<URI> inboxes)
      throws SQLException {
    send(c, org, unsigned, audience, inboxes, actors.ed25519(c, org));
  }

  /**
   * As {@link #send(Connection, Organization, ObjectNode, String, Set)}, with proofs by {@code
   * key}.
   */
  public void send(
      Connection c,
      Organization org,
      ObjectNode unsigned,
      String audience,
      Set<URI> inboxes,
      SigningKey key)
      throws SQLException {
    send(c, org, unsigned, audience, inboxes, key, true);
  }

  /**
   * As {@link #send(Connection, Organization, ObjectNode, String, Set, SigningKey)}, logged at
   * debug level only: for callers that log one line for many activities (relays).
   */
  public void sendQuietly(
      Connection c,
      Organization org,
      ObjectNode unsigned,
      String audience,
      Set<URI> inboxes,
      SigningKey key)
      throws SQLException {
    send(c, org, unsigned, audience, inboxes, key, false);
  }

  private void send(
      Connection c,
      Organization org,
      ObjectNode unsigned,
      String audience,
      Set<URI> inboxes,
      SigningKey key,
      boolean logLine)
      throws SQLException {
    Instant signedAt = clock.instant();
    ObjectNode activity = unsigned;
    Long logSeq = null;
    if ("public".equals(audience) && LOGGED.contains(activity.path("type").asText())) {
      logSeq = log.nextLogSeq(c, org.id());
      activity.put("sequence", logSeq);
    }
    activity = signed(org, activity, key, signedAt);
    String id = activity.get("id").asText();
    String objectId = objectIdOf(activity);
    byte[] body = bytes(activity);
    Instant now = clock.instant();
    log.append(
        c,
        org.id(),
        id,
        activity.get("type").asText(),
        objectId,
        audience,
        new String(body, StandardCharsets.UTF_8),
        now,
        logSeq);
    for (URI inbox : inboxes) {
      queue.enqueue(c, org.id(), id, objectId, inbox, body);
    }
    if (logLine) {
      LOG.info("queued {} {} for {} inbox(es)", activity.get("type").asText(), id, inboxes.size());
    } else {
      LOG.debug("queued {} {} for {} inbox(es)", activity.get("type").asText(), id, inboxes.size());
    }
  }

  /**
   * {@code activity} with our proofs: on the embedded object when it is ours and not yet signed,
   * then on the activity. An embedded object that already carries a proof (a relayed log item) is
   * sent exactly as its origin signed it; only our own objects get our proof. Someone else's object
   * (the follower's Follow inside Accept/Reject, say) is never signed by us: a proof asserts
   * authorship. Thread-safe.
   */
  private ObjectNode signed(
      Organization org, ObjectNode activity, SigningKey key, Instant signedAt) {
    if (activity.get("object") instanceof ObjectNode embedded
        && !embedded.has("proof")
        && ownedBy(embedded.path("id").asText(null), actors.actorId(org.handle()))) {
      activity.set("object", ObjectProofs.sign(embedded, key, signedAt));
    }
    return ObjectProofs.sign(activity, key, signedAt);
  }

  private static String objectIdOf(JsonNode activity) {
    JsonNode object = activity.get("object");
    return object == null
        ? null
        : object.isTextual() ? object.asText() : object.path("id").asText(null);
  }

  private byte[] bytes(ObjectNode activity) {
    try {
      return json.writeValueAsBytes(activity);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether {@code id} names {@code actorId} itself or something under it (entries, activities).
   */
  static boolean ownedBy(String id, String actorId) {
    return id != null
        && (id.equals(actorId) || id.startsWith(actorId + "/") || id.startsWith(actorId + "#"));
  }

  private Set<URI> recipientsFor(Connection c, Organization org, Entry e) throws SQLException {
    return switch (e.visibility()) {
      case PUBLIC -> followerInboxes(c, org);
      case NETWORK -> {
        // Trust extends sharing (protocol-spec/trust.md): network entries also go to every
        // known organization this node trusts, by itself or through its node. The addressing stays
        // "followers", so who we trust is not revealed to the other recipients.
        Set<URI> out = new LinkedHashSet<>(followerInboxes(c, org));
        out.addAll(inboxesOf(c, trustedActors(c), true));
        yield out;
      }
      case PRIVATE -> {
        List<String> ids = new ArrayList<>();
        e.document().path("recipients").forEach(r -> ids.add(r.asText()));
        yield inboxesOf(c, ids, false);
      }
    };
  }

  /** Inboxes of accepted followers, each peer's shared inbox once where offered. */
  public Set<URI> followerInboxes(Connection c, Organization org) throws SQLException {
    List<String> ids = new ArrayList<>();
    for (var f : follows.list(c, org.id(), Direction.INCOMING, State.ACCEPTED))
      ids.add(f.remoteActor());
    return inboxesOf(c, ids, true);
  }

  /** Known remote actors that the trust model trusts. */
  private List<String> trustedActors(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    for (String id : remoteActors.allIds(c)) if (peers.trusts(id)) out.add(id);
    return out;
  }

  /**
   * Inboxes of known actors; private deliveries go to personal inboxes, never shared ones. Actors
   * (or inboxes) the trust model refuses are left out: nothing is even queued for them.
   */
  public Set<URI> inboxesOf(Connection c, List<String> actorIds, boolean shared)
      throws SQLException {
    Set<URI> out = new LinkedHashSet<>();
    for (String id : actorIds) {
      if (!peers.allowsActor(id)) {
        LOG.info("not delivering to {}: refused by this node's trust settings", id);
        continue;
      }
      var actor = remoteActors.find(c, id);
      if (actor.isEmpty()) {
        LOG.warn("no known inbox for {}; not delivered", id);
        continue;
      }
      String inbox =
          shared && actor.get().sharedInbox() != null
              ? actor.get().sharedInbox()
              : actor.get().inbox();
      if (Origins.hostKey(inbox) == null || !peers.allowsUrl(URI.create(inbox))) continue;
      out.add(URI.create(inbox));
    }
    return out;
  }
}
