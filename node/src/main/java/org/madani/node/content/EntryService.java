package org.madani.node.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.madani.node.model.Entry;
import org.madani.node.model.EntryKind;
import org.madani.node.model.EntryQuery;
import org.madani.node.model.Organization;
import org.madani.node.model.Page;
import org.madani.node.model.Problem;
import org.madani.node.model.Visibility;
import org.madani.node.store.Database;
import org.madani.node.store.EntryRepository;
import org.madani.node.store.OrganizationRepository;

/**
 * Creates, changes and lists an organization's entries. Each change is validated against the
 * protocol-spec schema and the taxonomies, then stored in one transaction together with whatever
 * {@link ContentEvents} records (outbound activities). Thread-safe.
 */
public final class EntryService {

  /** Fields the server owns: ignored on input, filled on output. */
  static final List<String> SERVER_FIELDS =
      List.of("id", "version", "created", "updated", "published", "attributedTo");

  private final Database db;
  private final OrganizationRepository orgs;
  private final EntryRepository entries;
  private final DocumentChecks checks;
  private final ContentEvents events;
  private final Clock clock;
  private final Supplier<UUID> ids;
  private Attachments attachments = Attachments.NONE;

  public EntryService(
      Database db,
      OrganizationRepository orgs,
      EntryRepository entries,
      DocumentChecks checks,
      ContentEvents events,
      Clock clock) {
    this(db, orgs, entries, checks, events, clock, UUID::randomUUID);
  }

  /** As above, with the resources its organizations may attach to knowledge posts. */
  public EntryService(
      Database db,
      OrganizationRepository orgs,
      EntryRepository entries,
      DocumentChecks checks,
      ContentEvents events,
      Clock clock,
      Attachments attachments) {
    this(db, orgs, entries, checks, events, clock, UUID::randomUUID);
    this.attachments = attachments;
  }

  EntryService(
      Database db,
      OrganizationRepository orgs,
      EntryRepository entries,
      DocumentChecks checks,
      ContentEvents events,
      Clock clock,
      Supplier<UUID> ids) {
    this.db = db;
    this.orgs = orgs;
    this.entries = entries;
    this.checks = checks;
    this.events = events;
    this.clock = clock;
    this.ids = ids;
  }

  public Future<Entry> create(String handle, ObjectNode input) {
    // Validation runs inside tx() so that schema checks of large bodies stay off the event loop.
    return db.tx(
            c -> {
              Organization org = orgs.findByHandle(c, handle).orElseThrow(() -> unknownOrg(handle));
              return insertNew(c, org, input);
            })
        .onSuccess(e -> events.committed());
  }

  /** Work that must commit or roll back together with a new entry (e.g. a schedule's mark). */
  @FunctionalInterface
  public interface AlsoInTx {
    void apply(java.sql.Connection c, Entry created) throws java.sql.SQLException;
  }

  /**
   * As {@link #create(String, ObjectNode)}, running {@code also} in the same transaction: if it
   * throws, neither the entry nor anything it published is stored.
   */
  public Future<Entry> create(String handle, ObjectNode input, AlsoInTx also) {
    return db.tx(
            c -> {
              Organization org = orgs.findByHandle(c, handle).orElseThrow(() -> unknownOrg(handle));
              Entry e = insertNew(c, org, input);
              also.apply(c, e);
              return e;
            })
        .onSuccess(e -> events.committed());
  }

  /** The most entries {@link #createAll} takes in one call (one transaction). */
  public static final int MAX_BATCH = 1000;

  /**
   * Creates many entries in one transaction (bulk import): each is validated, stored and published
   * exactly as {@link #create} does (log item with its proof, outbox, deliveries), but with one
   * commit for all, so a thousand entries cost one durable write instead of a thousand. All or
   * nothing: an invalid entry fails the whole batch with a 422 whose detail names its index.
   */
  public Future<List<Entry>> createAll(String handle, List<ObjectNode> inputs) {
    if (inputs.isEmpty()) return Future.failedFuture(Problem.badRequest("No entries to import."));
    if (inputs.size() > MAX_BATCH) {
      return Future.failedFuture(
          Problem.badRequest("At most " + MAX_BATCH + " entries per import request."));
    }
    return db.tx(
            c -> {
              Organization org = orgs.findByHandle(c, handle).orElseThrow(() -> unknownOrg(handle));
              // Validation is most of a batch's own CPU: the documents are checked on all cores
              // (each check reads only its own document), then numbered and dated in order.
              Checked[] checked = new Checked[inputs.size()];
              IntStream.range(0, inputs.size())
                  .parallel()
                  .forEach(i -> checked[i] = check(org, inputs.get(i), i));
              List<Entry> created = new ArrayList<>(inputs.size());
              for (Checked k : checked) {
                if (k.failure() != null) throw k.failure();
                Instant now = clock.instant();
                created.add(
                    new Entry(
                        ids.get().toString(),
                        org.id(),
                        k.kind(),
                        k.visibility(),
                        k.doc(),
                        1,
                        k.start(),
                        now,
                        now));
              }
              // Stored with one statement per table, and published together: the outbox reads the
              // recipients once for the whole batch.
              entries.insertAll(c, created);
              events.entriesCreated(c, org, created);
              return created;
            })
        .onSuccess(list -> events.committed());
  }

  private Entry insertNew(java.sql.Connection c, Organization org, ObjectNode input)
      throws java.sql.SQLException {
    Entry e = insertEntry(c, org, input);
    events.entryCreated(c, org, e);
    return e;
  }

  /** A document of a batch after its checks: what the entry needs, or why it was refused. */
  private record Checked(
      ObjectNode doc,
      EntryKind kind,
      Visibility visibility,
      Instant start,
      org.madani.node.model.ProblemException failure) {}

  /** Checks the {@code index}th document of a batch; a refusal names its index. */
  private Checked check(Organization org, ObjectNode input, int index) {
    try {
      ObjectNode doc = stripServerFields(input);
      EntryKind kind = checkEntry(doc);
      describeAttachments(org.handle(), doc);
      Visibility visibility = visibilityOf(doc);
      return new Checked(doc, kind, visibility, startTimeOf(kind, doc), null);
    } catch (org.madani.node.model.ProblemException e) {
      Problem p = e.problem();
      return new Checked(
          null,
          null,
          null,
          null,
          new Problem(
                  p.type(),
                  p.title(),
                  p.status(),
                  "Entry " + index + ": " + p.detail(),
                  p.extensions())
              .with("index", index)
              .exception());
    }
  }

  /** Validates and stores a new entry, without publishing it yet. */
  private Entry insertEntry(java.sql.Connection c, Organization org, ObjectNode input)
      throws java.sql.SQLException {
    ObjectNode doc = stripServerFields(input);
    EntryKind kind = checkEntry(doc);
    describeAttachments(org.handle(), doc);
    Visibility visibility = visibilityOf(doc);
    Instant start = startTimeOf(kind, doc);
    Instant now = clock.instant();
    Entry e = new Entry(ids.get().toString(), org.id(), kind, visibility, doc, 1, start, now, now);
    entries.insert(c, e);
    return e;
  }

  public Future<Entry> get(String handle, String id) {
    return db.tx(
        c -> {
          Organization org = orgs.findByHandle(c, handle).orElseThrow(() -> unknownOrg(handle));
          return entries.find(c, org.id(), id).orElseThrow(() -> unknownEntry(id));
        });
  }

  /**
   * Replaces an entry's document. {@code expectedVersion} (from If-Match or the body's {@code
   * version}) guards against lost updates; null means the caller accepts overwriting.
   */
  public Future<Entry> update(String handle, String id, ObjectNode input, Integer expectedVersion) {
    Integer bodyVersion =
        input.hasNonNull("version") && input.get("version").canConvertToInt()
            ? input.get("version").asInt()
            : null;
    Integer expected = expectedVersion != null ? expectedVersion : bodyVersion;
    return db.tx(
            c -> {
              ObjectNode doc = stripServerFields(input);
              EntryKind kind = checkEntry(doc);
              Visibility visibility = visibilityOf(doc);
              Instant start = startTimeOf(kind, doc);
              Organization org = orgs.findByHandle(c, handle).orElseThrow(() -> unknownOrg(handle));
              describeAttachments(org.handle(), doc);
              Entry before = entries.find(c, org.id(), id).orElseThrow(() -> unknownEntry(id));
              if (before.kind() != kind) {
                throw Problem.conflict(
                    "An entry's kind cannot change (it is "
                        + before.kind().wireName()
                        + "); create a new entry instead.");
              }
              if (expected != null && expected != before.version()) {
                throw Problem.of(
                        409,
                        "version-conflict",
                        "Version conflict",
                        "The entry was changed meanwhile: it is at version "
                            + before.version()
                            + ", the update was based on version "
                            + expected
                            + ".")
                    .with("currentVersion", before.version())
                    .exception();
              }
              Entry after =
                  new Entry(
                      id,
                      org.id(),
                      kind,
                      visibility,
                      doc,
                      before.version() + 1,
                      start,
                      before.created(),
                      clock.instant());
              if (!entries.update(c, after, before.version())) {
                throw Problem.conflict("The entry was changed meanwhile; read it again and retry.");
              }
              events.entryUpdated(c, org, before, after);
              return after;
            })
        .onSuccess(e -> events.committed());
  }

  public Future<Void> delete(String handle, String id) {
    return db.tx(
            c -> {
              Organization org = orgs.findByHandle(c, handle).orElseThrow(() -> unknownOrg(handle));
              Entry before = entries.find(c, org.id(), id).orElseThrow(() -> unknownEntry(id));
              entries.markDeleted(c, org.id(), id, clock.instant());
              events.entryDeleted(c, org, before);
              return null;
            })
        .onSuccess(v -> events.committed())
        .mapEmpty();
  }

  public Future<Page<Entry>> list(String handle, EntryQuery query) {
    return db.tx(
        c -> {
          Organization org = orgs.findByHandle(c, handle).orElseThrow(() -> unknownOrg(handle));
          return entries.list(c, org.id(), query);
        });
  }

  /** Validates an entry document: schema, taxonomy terms and the rules a schema cannot say. */
  EntryKind checkEntry(ObjectNode doc) {
    List<Map<String, Object>> errors = new ArrayList<>(checks.violations("entry.schema.json", doc));
    errors.addAll(checks.taxonomyViolations(doc));
    if (errors.isEmpty() && doc.has("timeZone")) {
      try {
        ZoneId.of(doc.get("timeZone").asText());
      } catch (DateTimeException e) {
        errors.add(
            FieldErrors.entry("/timeZone", "unknownZone", Map.of(), "unknown IANA time zone"));
      }
    }
    if (errors.isEmpty() && doc.has("startTime") && doc.has("endTime")) {
      Instant s = OffsetDateTime.parse(doc.get("startTime").asText()).toInstant();
      Instant e = OffsetDateTime.parse(doc.get("endTime").asText()).toInstant();
      if (e.isBefore(s)) {
        errors.add(
            FieldErrors.entry("/endTime", "endBeforeStart", Map.of(), "ends before it starts"));
      }
    }
    if (errors.isEmpty()) {
      JsonNode sessions = doc.path("sessions");
      for (int i = 0; i < sessions.size(); i++) {
        JsonNode s = sessions.get(i);
        Instant start = OffsetDateTime.parse(s.get("startTime").asText()).toInstant();
        Instant end = OffsetDateTime.parse(s.get("endTime").asText()).toInstant();
        if (end.isBefore(start)) {
          errors.add(
              FieldErrors.entry(
                  "/sessions/" + i + "/endTime",
                  "endBeforeStart",
                  Map.of(),
                  "ends before it starts"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw Problem.unprocessable(FieldErrors.summary("entry", errors))
          .problem()
          .with("errors", errors)
          .exception();
    }
    return EntryKind.fromWire(doc.path("kind").asText()).orElseThrow();
  }

  /**
   * Each attachment must be one of the organization's own resources on this node; the node, not the
   * client, then says its media type, size and digest.
   */
  private void describeAttachments(String handle, ObjectNode doc) {
    JsonNode list = doc.path("attachments");
    List<Map<String, Object>> errors = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      ObjectNode a = (ObjectNode) list.get(i);
      var own = attachments.own(handle, a.path("url").asText(null));
      if (own.isEmpty()) {
        errors.add(
            FieldErrors.entry(
                "/attachments/" + i + "/url",
                "notOwnResource",
                Map.of(),
                "not a resource of this organization uploaded to this node"));
        continue;
      }
      a.put("mediaType", own.get().mediaType());
      a.put("size", own.get().size());
      a.put("digestMultibase", own.get().digestMultibase());
    }
    if (!errors.isEmpty()) {
      throw Problem.unprocessable(FieldErrors.summary("entry", errors))
          .problem()
          .with("errors", errors)
          .exception();
    }
  }

  static ObjectNode stripServerFields(ObjectNode input) {
    ObjectNode doc = input.deepCopy();
    doc.remove(SERVER_FIELDS);
    return doc;
  }

  private static Visibility visibilityOf(ObjectNode doc) {
    JsonNode v = doc.get("visibility");
    if (v == null) {
      doc.put("visibility", Visibility.PUBLIC.wireName());
      return Visibility.PUBLIC;
    }
    return Visibility.fromWire(v.asText()).orElseThrow();
  }

  private static Instant startTimeOf(EntryKind kind, ObjectNode doc) {
    if (kind == EntryKind.EVENT && doc.hasNonNull("startTime")) {
      return OffsetDateTime.parse(doc.get("startTime").asText()).toInstant();
    }
    if (kind == EntryKind.TRAINING) {
      // Lists and calendars sort a training by its first session.
      Instant first = null;
      for (JsonNode s : doc.path("sessions")) {
        Instant t = OffsetDateTime.parse(s.get("startTime").asText()).toInstant();
        if (first == null || t.isBefore(first)) first = t;
      }
      return first;
    }
    return null;
  }

  static RuntimeException unknownOrg(String handle) {
    return Problem.notFound("No organization with handle '" + handle + "' is hosted here.");
  }

  private static RuntimeException unknownEntry(String id) {
    return Problem.notFound("No entry with id '" + id + "'.");
  }
}
