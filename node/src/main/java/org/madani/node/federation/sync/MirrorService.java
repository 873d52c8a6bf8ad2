package org.madani.node.federation.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.madani.node.federation.Origins;
import org.madani.node.federation.actor.KeyPins;
import org.madani.node.federation.inbox.BatchLookups;
import org.madani.node.federation.inbox.CreateObjectHandler;
import org.madani.node.federation.sig.ObjectProofs;
import org.madani.node.federation.sig.ProofVerification;
import org.madani.node.store.Database;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.InboxRepository.InboxRow;
import org.madani.node.store.MirrorRepository;
import org.madani.node.store.MirrorRepository.MirrorItem;
import org.madani.node.store.RemoteActorRepository;
import org.madani.node.store.RemoteObjectRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes signed log items of an origin organization — delivered by the origin, relayed by a peer, or
 * fetched during catch-up — verifies each against the origin's pinned keys, keeps them (the mirror)
 * and applies them to the stored objects strictly in sequence order, each once. An item whose
 * predecessor is missing waits in the mirror until the gap is filled; the caller is told so that it
 * can catch up. Thread-safe.
 */
public final class MirrorService {

  private static final Logger LOG = LoggerFactory.getLogger(MirrorService.class);

  /** What happened to a batch. {@code firstNew} lists items this node had not seen before. */
  public record Outcome(
      int stored, int rejected, long appliedUpTo, boolean gap, List<ObjectNode> firstNew) {}

  private final Database db;
  private final MirrorRepository mirrors;
  private final RemoteActorRepository actors;
  private final RemoteObjectRepository objects;
  private final FollowRepository follows;
  private final CreateObjectHandler creator;
  private final ObjectMapper json;
  private final WorkerExecutor crypto;
  private final Clock clock;
  private final FirstFromOrigin onFirstFromOrigin;
  private final java.util.function.Function<String, Future<?>> fetchActor;
  private final KeyPins keyPins;
  private final AppliedItems appliedItems;

  /** The inbox's content checks (taxonomies, text), applied to log items too. */
  private final org.madani.node.federation.inbox.ReceivedActivityChecks contentChecks;

  public MirrorService(
      Database db,
      MirrorRepository mirrors,
      RemoteActorRepository actors,
      RemoteObjectRepository objects,
      FollowRepository follows,
      CreateObjectHandler creator,
      ObjectMapper json,
      WorkerExecutor crypto,
      Clock clock,
      java.util.function.Function<String, Future<?>> fetchActor,
      KeyPins keyPins,
      FirstFromOrigin onFirstFromOrigin,
      AppliedItems appliedItems) {
    this.appliedItems = appliedItems;
    // Told (in the storing transaction) of items received from their origin and never seen here
    // before.
    this.onFirstFromOrigin = onFirstFromOrigin;
    this.fetchActor = fetchActor;
    this.keyPins = keyPins;
    this.db = db;
    this.mirrors = mirrors;
    this.actors = actors;
    this.objects = objects;
    this.follows = follows;
    this.creator = creator;
    this.json = json;
    this.crypto = crypto;
    this.clock = clock;
    this.contentChecks =
        new org.madani.node.federation.inbox.ReceivedActivityChecks(
            new org.madani.node.content.Taxonomies(json));
  }

  /**
   * Told of items received from their origin and never seen here before (to relay them): {@link
   * #found} in the transaction that stores them, {@link #committed} after it commits. The relay
   * itself waits for the commit and takes a transaction of its own, so the origin's lock (held
   * until the commit) is not held while Announces are signed.
   */
  public interface FirstFromOrigin {
    void found(List<ObjectNode> items);

    /** Called after a transaction that may have called {@link #found} committed. */
    void committed();
  }

  /**
   * Items of {@code origin}'s log whose proofs were checked, ready to {@link #store}; {@code texts}
   * holds the JSON text some of them were received as (by identity).
   */
  public record Checked(
      String origin,
      List<ObjectNode> valid,
      int rejected,
      String via,
      java.util.Map<ObjectNode, String> texts) {}

  /** Whether an activity is a log item: it carries a sequence number and a proof. */
  public static boolean isLogItem(JsonNode activity) {
    return activity.path("sequence").canConvertToLong() && activity.has("proof");
  }

  /**
   * Verifies and takes {@code items} of {@code origin}'s log; {@code via} is the peer they came
   * through (null from the origin itself).
   */
  public Future<Outcome> accept(String origin, List<ObjectNode> items, String via) {
    return check(origin, items, via).compose(this::commit);
  }

  /**
   * Stores and applies items checked by {@link #check} in a transaction of their own, then lets
   * first-seen items be relayed.
   */
  public Future<Outcome> commit(Checked checked) {
    return db.tx(c -> store(c, checked)).onSuccess(o -> onFirstFromOrigin.committed());
  }

  /**
   * Whether applying {@code item} changes the keys {@code origin}'s items are checked against: an
   * Update of the origin's own actor (a rotated or revoked key).
   */
  static boolean changesKeys(String origin, JsonNode item) {
    return "Update".equals(item.path("type").asText())
        && item.get("object") instanceof ObjectNode actorDoc
        && origin.equals(actorDoc.path("id").asText());
  }

  /**
   * Verifies {@code items} of {@code origin}'s log (proofs on all crypto workers) without storing
   * them; {@code via} is the peer they came through (null from the origin itself).
   */
  public Future<Checked> check(String origin, List<ObjectNode> items, String via) {
    return check(origin, items, null, via);
  }

  /**
   * As {@link #check(String, List, String)}, with each item's JSON text as received ({@code texts},
   * in the items' order; null entries, or null, where not known): what the mirror keeps of it.
   */
  public Future<Checked> check(
      String origin, List<ObjectNode> items, List<String> texts, String via) {
    // One read for the keys where they are known (every item of a delivered run asks).
    return db.tx(c -> actors.keysOf(c, origin).isEmpty() ? null : lookups(c, origin))
        // An origin never seen before (an item relayed from beyond our follows): learn its keys
        // from its actor document, if it can be reached; otherwise its items cannot be verified
        // yet.
        .compose(
            known ->
                known != null
                    ? Future.succeededFuture(known)
                    : fetchActor
                        .apply(origin)
                        .<Void>mapEmpty()
                        .recover(err -> Future.succeededFuture())
                        .compose(v -> db.tx(c -> lookups(c, origin))))
        .compose(lookups -> verifyInParallel(origin, items, lookups))
        .map(
            r -> {
              @SuppressWarnings("unchecked")
              List<ObjectNode> valid = (List<ObjectNode>) r[0];
              java.util.Map<ObjectNode, String> known = new java.util.IdentityHashMap<>();
              for (int i = 0; texts != null && i < items.size(); i++) {
                if (texts.get(i) != null) known.put(items.get(i), texts.get(i));
              }
              return new Checked(origin, valid, (Integer) r[1], via, known);
            });
  }

  private Object[] lookups(Connection c, String origin) throws SQLException {
    return new Object[] {OriginKeys.of(c, actors, origin), OriginKeys.statuses(c, actors, origin)};
  }

  /**
   * Stores and applies checked items in the caller's transaction (a page of a catch-up, or a run of
   * delivered items the inbox processor applies together: one commit for all). Items first seen
   * from their origin are relayed after the commit ({@link FirstFromOrigin}).
   */
  public Outcome store(Connection c, Checked checked) throws SQLException {
    Outcome o =
        store(
            c,
            checked.origin(),
            checked.valid(),
            checked.texts(),
            checked.via(),
            checked.rejected());
    if (!o.firstNew().isEmpty()) onFirstFromOrigin.found(o.firstNew());
    return o;
  }

  /**
   * Checks the items' proofs on all crypto workers at once (one slice per core), then puts the
   * results back in the page's order: verification is the costly part of a catch-up, applying is
   * done in order afterwards. Completes with {valid items in order, number rejected}.
   */
  private Future<Object[]> verifyInParallel(
      String origin, List<ObjectNode> items, Object[] lookups) {
    @SuppressWarnings("unchecked")
    var keys =
        (java.util.function.Function<
                String, java.util.Optional<org.madani.node.federation.sig.VerificationKey>>)
            lookups[0];
    @SuppressWarnings("unchecked")
    var statuses =
        (java.util.function.Function<
                String, java.util.Optional<org.madani.node.federation.sig.KeyStatus>>)
            lookups[1];
    int slices = Math.max(1, Math.min(VERIFY_SLICES, items.size() / 16));
    int size = (items.size() + slices - 1) / slices;
    List<Future<String[]>> parts = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      List<ObjectNode> slice = items.subList(from, Math.min(items.size(), from + size));
      parts.add(
          crypto.executeBlocking(
              () -> {
                String[] reasons = new String[slice.size()];
                for (int i = 0; i < slice.size(); i++)
                  reasons[i] = check(origin, slice.get(i), keys, statuses);
                return reasons;
              },
              false));
    }
    return Future.all(parts)
        .map(
            all -> {
              List<ObjectNode> valid = new ArrayList<>();
              int rejected = 0;
              int index = 0;
              for (Future<String[]> part : parts) {
                for (String reason : part.result()) {
                  ObjectNode item = items.get(index++);
                  if (reason == null) {
                    valid.add(item);
                  } else {
                    rejected++;
                    LOG.info(
                        "log item {} #{} of {} refused: {}",
                        item.path("id").asText(),
                        item.path("sequence").asText(),
                        origin,
                        reason);
                  }
                }
              }
              return new Object[] {valid, rejected};
            });
  }

  /** Slices a page's proof checks are split into: one per core. */
  private static final int VERIFY_SLICES = Math.max(2, Runtime.getRuntime().availableProcessors());

  /** Null when the item is a genuine, well-formed log item of {@code origin}; else why not. */
  private static String check(
      String origin,
      ObjectNode item,
      java.util.function.Function<
              String, java.util.Optional<org.madani.node.federation.sig.VerificationKey>>
          keys,
      java.util.function.Function<
              String, java.util.Optional<org.madani.node.federation.sig.KeyStatus>>
          statuses) {
    if (!isLogItem(item)) return "not a log item";
    if (!origin.equals(item.path("actor").asText())) return "actor is not the origin";
    if (!Origins.sameOrigin(item.path("id").asText(), origin)) return "id not on the origin";
    // Key bounds apply: a proof made with a revoked key after its revocation, or with a rotated-out
    // key after its overlap, is refused (protocol-spec/keys.md).
    var v = ObjectProofs.verifyWithEmbedded(item, keys, statuses);
    if (v.activity() instanceof ProofVerification.Rejected rej)
      return "proof: " + rej.reason() + " " + rej.detail();
    if (!(v.activity() instanceof ProofVerification.Verified ok) || !origin.equals(ok.ownerId())) {
      return "proof not by the origin";
    }
    if (v.object().isPresent() && v.object().get() instanceof ProofVerification.Rejected rej) {
      return "embedded object proof: " + rej.reason();
    }
    JsonNode object = item.get("object");
    if (object != null
        && object.isObject()
        && !Origins.sameOrigin(object.path("id").asText(), origin)) {
      return "object not on the origin";
    }
    return null;
  }

  private Outcome store(
      Connection c,
      String origin,
      List<ObjectNode> valid,
      java.util.Map<ObjectNode, String> received,
      String via,
      int rejected)
      throws SQLException {
    long applied = mirrors.lockApplied(c, origin);
    // Kept when a hosted organization follows the origin, or the peer that relayed it.
    boolean wanted =
        !follows.orgsFollowing(c, origin).isEmpty()
            || via != null && !follows.orgsFollowing(c, via).isEmpty();
    if (!wanted) return new Outcome(0, rejected, applied, false, List.of());
    // One query for the items already held, one JDBC batch for the new ones (issue 13): the
    // origin's lock (lockApplied) keeps another transaction from storing the same numbers
    // meanwhile.
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (ObjectNode item : valid) {
      long seq = item.get("sequence").asLong();
      lo = Math.min(lo, seq);
      hi = Math.max(hi, seq);
    }
    java.util.Set<Long> held =
        valid.isEmpty() ? java.util.Set.of() : mirrors.heldBetween(c, origin, lo, hi);
    java.util.Map<Long, ObjectNode> fresh = new java.util.HashMap<>();
    // Each new item as the text it was received as, else written out once: the mirror keeps that
    // text and the applied row carries it.
    java.util.Map<Long, String> texts = new java.util.HashMap<>();
    List<MirrorItem> toInsert = new ArrayList<>();
    List<ObjectNode> firstNew = new ArrayList<>();
    for (ObjectNode item : valid) {
      long seq = item.get("sequence").asLong();
      if (held.contains(seq) || fresh.putIfAbsent(seq, item) != null) continue;
      String text = received.get(item);
      if (text == null) text = item.toString();
      texts.put(seq, text);
      toInsert.add(
          new MirrorItem(origin, seq, item.path("id").asText(), text, via, clock.instant()));
      // Only what came from the origin itself is relayed on, and never content we refuse to store.
      if (via == null && contentValid(item, text)) firstNew.add(item);
    }
    mirrors.insertAll(c, toInsert);
    int stored = toInsert.size();
    // Apply what is now contiguous after the applied mark, in order: the items of this batch from
    // memory, the ones that waited in the mirror (arrived ahead of a gap) from the table.
    String followers = followersOf(c, origin);
    // Who follows the origin and the peer, and which hosted organizations the items address, read
    // once for all the items applied here (a page of a catch-up: up to 500) rather than per item.
    BatchLookups batch = new BatchLookups();
    long next = applied;
    while (true) {
      ObjectNode inHand = fresh.get(next + 1);
      if (inHand != null) {
        apply(c, origin, inHand, texts.get(next + 1), via, followers, batch);
        next++;
        continue;
      }
      int taken = 0;
      for (MirrorItem m : mirrors.after(c, origin, next, 200)) {
        if (m.sequence() != next + 1) break;
        ObjectNode doc = fresh.get(m.sequence());
        apply(
            c,
            origin,
            doc != null ? doc : (ObjectNode) read(m.document()),
            m.document(),
            doc != null ? via : m.via(),
            followers,
            batch);
        next = m.sequence();
        taken++;
      }
      if (taken == 0) break;
    }
    if (next != applied) mirrors.setApplied(c, origin, next);
    boolean gap = mirrors.latest(c, origin) > next;
    return new Outcome(stored, rejected, next, gap, firstNew);
  }

  private boolean contentValid(ObjectNode activity, String text) {
    try {
      contentChecks.content(activity, text);
      return true;
    } catch (org.madani.node.model.ProblemException e) {
      return false;
    }
  }

  /** Applies one item; {@code text} is the item written out (as the mirror keeps it). */
  private void apply(
      Connection c,
      String origin,
      ObjectNode activity,
      String text,
      String via,
      String followers,
      BatchLookups batch)
      throws SQLException {
    String type = activity.path("type").asText();
    // Items that arrive by catch-up or from a peer's mirror pass the inbox's content checks too
    // (issue 11, finding 16): a genuinely signed item with made-up sectors or regions keeps its
    // place in the log (the numbering stays whole, later items still apply) but is never stored,
    // so it reaches neither the directory's facets nor the reports.
    if (("Create".equals(type) || "Update".equals(type))
        && activity.get("object") instanceof ObjectNode o
        && !o.has("inbox")) {
      try {
        contentChecks.content(activity, text);
      } catch (org.madani.node.model.ProblemException e) {
        LOG.info(
            "log item {} #{} of {} skipped: {} {}",
            activity.path("id").asText(),
            activity.path("sequence").asText(),
            origin,
            e.problem().detail(),
            e.problem().extensions().getOrDefault("errors", ""));
        return;
      }
    }
    // Provenance: the origin's proof verified here, and who handed the item over.
    String label = "eddsa-jcs-2022 " + (via == null ? "from origin" : "via " + via);
    InboxRow row =
        new InboxRow(0, activity.path("id").asText(), origin, type, text, label, clock.instant());
    switch (type) {
      case "Create", "Update" -> {
        if (activity.get("object") instanceof ObjectNode object && !object.has("inbox")) {
          creator.storeVerified(c, row, activity, object, followers, via, batch);
        } else if ("Update".equals(type)
            && activity.get("object") instanceof ObjectNode actorDoc
            && origin.equals(actorDoc.path("id").asText())) {
          // The origin updated its actor, e.g. announcing a rotated key: the activity's proof by a
          // key we pinned proves the new keys, wherever the item came from (protocol-spec/keys.md
          // §2).
          keyPins.applyUpdate(c, origin, activity);
        }
      }
      case "Delete" -> {
        JsonNode o = activity.get("object");
        String id = o == null ? null : o.isTextual() ? o.asText() : o.path("id").asText(null);
        if (id != null) objects.markDeleted(c, id, origin, clock.instant());
      }
      default -> {}
    }
    appliedItems.applied(c, row, activity);
  }

  private String followersOf(Connection c, String origin) throws SQLException {
    return actors
        .find(c, origin)
        .map(
            a -> {
              try {
                return json.readTree(a.document()).path("followers").asText(null);
              } catch (java.io.IOException e) {
                return null;
              }
            })
        .orElse(null);
  }

  private JsonNode read(String s) {
    try {
      return json.readTree(s);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
