package org.madani.node.federation.move;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.madani.node.content.ContentEvents;
import org.madani.node.content.DocumentChecks;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.federation.follow.FollowService;
import org.madani.node.federation.outbox.Outbox;
import org.madani.node.model.Entry;
import org.madani.node.model.EntryKind;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.model.Visibility;
import org.madani.node.setup.HostedOrganizations;
import org.madani.node.store.Database;
import org.madani.node.store.EntryRepository;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.FollowRepository.Direction;
import org.madani.node.store.FollowRepository.State;
import org.madani.node.store.KeyRepository;
import org.madani.node.store.OrgMoveRepository;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Export, import and the announced Move of an organization. The archive ({@code "format":
 * "madani-organization/1"}) is JSON: the profile, every live entry with its id, version and dates,
 * the log items exactly as they were signed (so the new node serves the same history and numbers
 * its next item after the last), followers and follows (actor ids), and the public halves of the
 * keys. Private keys stay where they are: the new actor has its own keys, and the old one signs the
 * Move. Thread-safe.
 */
public final class OrganizationMoves {

  private static final Logger LOG = LoggerFactory.getLogger(OrganizationMoves.class);
  public static final String FORMAT = "madani-organization/1";

  /**
   * The parts the moves need; grouped because they are many and all come from the composition root.
   */
  public record Parts(
      Database db,
      OrganizationRepository orgs,
      EntryRepository entries,
      OutboxRepository log,
      FollowRepository follows,
      KeyRepository keys,
      OrgMoveRepository moves,
      DocumentChecks checks,
      HostedOrganizations hosting,
      LocalActors localActors,
      RemoteActors remoteActors,
      Outbox outbox,
      FollowService followService,
      ContentEvents events,
      ObjectMapper json,
      Clock clock) {}

  private final Parts p;

  public OrganizationMoves(Parts parts) {
    this.p = parts;
  }

  /** The organization's archive. */
  public Future<ObjectNode> export(String handle) {
    return p.db()
        .tx(
            c -> {
              Organization org = org(c, handle);
              ObjectNode out = p.json().createObjectNode();
              out.put("format", FORMAT);
              out.put("exported", p.clock().instant().toString());
              out.put("actor", p.localActors().actorId(handle));
              out.put("handle", handle);
              out.set("profile", org.profile().deepCopy());
              ArrayNode entries = out.putArray("entries");
              for (Entry e : p.moves().entries(c, org.id(), p.json())) {
                ObjectNode o = entries.addObject();
                o.put("id", e.id());
                o.put("version", e.version());
                o.put("created", e.created().toString());
                o.put("updated", e.updated().toString());
                o.set("document", e.document().deepCopy());
              }
              ArrayNode log = out.putArray("log");
              long after = 0;
              while (true) {
                var page = p.log().logAfter(c, org.id(), after, 500);
                for (var row : page) {
                  // logAfter reads log_seq into the row's seq.
                  log.addObject()
                      .put("sequence", row.seq())
                      .put("activityId", row.activityId())
                      .put("type", row.type())
                      .put("objectId", row.objectId())
                      .put("audience", row.audience())
                      .put("published", row.published().toString())
                      .put("document", row.document());
                  after = row.seq();
                }
                if (page.size() < 500) break;
              }
              ArrayNode followers = out.putArray("followers");
              for (var f : p.follows().list(c, org.id(), Direction.INCOMING, State.ACCEPTED))
                followers.add(f.remoteActor());
              ArrayNode following = out.putArray("following");
              for (var f : p.follows().list(c, org.id(), Direction.OUTGOING, State.ACCEPTED))
                following.add(f.remoteActor());
              ArrayNode keys = out.putArray("keys");
              for (var k : p.keys().forOrganization(c, org.id())) {
                ObjectNode o =
                    keys.addObject()
                        .put("fragment", k.fragment())
                        .put("algorithm", k.algorithm())
                        .put("purpose", k.purpose())
                        .put("publicKeyPem", k.publicPem())
                        .put("created", k.created().toString());
                if (k.revokedAt() != null) o.put("revoked", k.revokedAt().toString());
              }
              return out;
            });
  }

  /**
   * Hosts the archived organization here under {@code handle}: new keys, the same entries (ids,
   * versions, dates), the same log (its next item is numbered after the archive's last), and {@code
   * alsoKnownAs} naming the old actor; then follows again whom the old actor followed. Everything
   * is checked before anything is written, and the organization, its keys' rows, entries, log and
   * alias are written in one transaction: an archive that cannot be hosted here (say, one already
   * imported under another handle) leaves nothing behind.
   *
   * @return the new actor's id
   */
  public Future<String> importArchive(String handle, ObjectNode archive) {
    Checked checked;
    try {
      checked = check(archive);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return p.db()
        .tx(
            c -> {
              p.hosting().createIn(c, handle, checked.profile());
              Organization org = org(c, handle);
              for (Entry e : checked.entries()) {
                if (p.moves().entryIdTaken(c, e.id())) {
                  throw Problem.conflict(
                      "Entry "
                          + e.id()
                          + " of this archive is already hosted here (imported before?).");
                }
                p.entries()
                    .insert(
                        c,
                        new Entry(
                            e.id(),
                            org.id(),
                            e.kind(),
                            e.visibility(),
                            e.document(),
                            e.version(),
                            e.startTime(),
                            e.created(),
                            e.updated()));
              }
              for (JsonNode item : checked.log()) {
                if (p.moves().activityIdTaken(c, item.get("activityId").asText())) {
                  throw Problem.conflict(
                      "Log item "
                          + item.get("sequence").asLong()
                          + " of this archive is already hosted here (imported before?).");
                }
                p.log()
                    .append(
                        c,
                        org.id(),
                        item.get("activityId").asText(),
                        item.get("type").asText(),
                        item.path("objectId").isTextual() ? item.get("objectId").asText() : null,
                        item.path("audience").asText("public"),
                        item.get("document").asText(),
                        Instant.parse(item.get("published").asText()),
                        item.get("sequence").asLong());
              }
              p.moves().setAlsoKnownAs(c, org.id(), checked.actor());
              return p.localActors().actorId(handle);
            })
        .onSuccess(
            id -> {
              p.events().committed();
              LOG.info(
                  "imported organization {} from {} as {}: {} entries, {} log items",
                  handle,
                  checked.actor(),
                  id,
                  checked.entries().size(),
                  checked.log().size());
              Future<Void> chain = Future.succeededFuture();
              for (String followed : checked.following()) {
                chain =
                    chain.compose(
                        v ->
                            p.followService()
                                .follow(handle, followed)
                                .<Void>mapEmpty()
                                .recover(
                                    err -> {
                                      LOG.warn(
                                          "could not follow {} again for {}: {}",
                                          followed,
                                          handle,
                                          err.getMessage());
                                      return Future.succeededFuture();
                                    }));
              }
            });
  }

  /**
   * Announces that {@code handle} moved to {@code target}: the target's actor document is fetched
   * fresh and must name this actor in {@code alsoKnownAs} (import it there first); then this actor
   * lists {@code movedTo} and a {@code Move} goes to every follower, who follows the target.
   */
  public Future<Void> move(String handle, String target) {
    URI uri;
    try {
      uri = URI.create(target);
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()))
        throw new IllegalArgumentException();
    } catch (RuntimeException e) {
      return Future.failedFuture(Problem.unprocessable("target must be the new actor's URL."));
    }
    String self = p.localActors().actorId(handle);
    if (self.equals(target))
      return Future.failedFuture(Problem.unprocessable("An organization cannot move to itself."));
    return p.remoteActors()
        .actor(uri.toString(), true)
        .recover(
            err ->
                Future.failedFuture(
                    Problem.of(
                            422,
                            "unresolvable-actor",
                            "Actor not found",
                            "Could not fetch the new actor '" + target + "': " + err.getMessage())
                        .exception()))
        .compose(
            actor -> {
              if (!org.madani.node.federation.actor.ActorAliases.of(p.json(), actor.document())
                  .contains(self)) {
                return Future.failedFuture(
                    Problem.of(
                            422,
                            "not-an-alias",
                            "The new actor does not name this one",
                            "The actor "
                                + actor.id()
                                + " does not list "
                                + self
                                + " in alsoKnownAs; import the organization "
                                + "there first.")
                        .exception());
              }
              return p.db()
                  .tx(
                      c -> {
                        Organization org = org(c, handle);
                        p.moves().setMovedTo(c, org.id(), actor.id(), p.clock().instant());
                        ObjectNode move =
                            p.outbox()
                                .activity(org, "Move", p.json().getNodeFactory().textNode(self));
                        move.put("target", actor.id());
                        move.putArray("to").add(p.localActors().followers(handle));
                        // Not a log item (only Create/Update/Delete are): the new actor's log
                        // continues the numbering.
                        p.outbox().send(c, org, move, "public", p.outbox().followerInboxes(c, org));
                        return (Void) null;
                      });
            })
        .onSuccess(
            v -> {
              p.outbox().wakeDelivery();
              LOG.info("organization {} announced its move to {}", handle, target);
            });
  }

  private record Checked(
      String actor,
      ObjectNode profile,
      List<Entry> entries,
      List<JsonNode> log,
      List<String> following) {}

  private Checked check(ObjectNode a) {
    if (!FORMAT.equals(a.path("format").asText())) {
      throw Problem.unprocessable(
          "Not a Madani organization archive (format must be " + FORMAT + ").");
    }
    String actor = a.path("actor").asText("");
    if (!actor.startsWith("http://") && !actor.startsWith("https://"))
      throw Problem.unprocessable("actor is missing.");
    if (!(a.get("profile") instanceof ObjectNode profile))
      throw Problem.unprocessable("profile is missing.");
    List<Entry> entries = new ArrayList<>();
    int i = 0;
    for (JsonNode e : a.path("entries")) {
      if (!(e.get("document") instanceof ObjectNode doc) || !e.path("id").isTextual()) {
        throw Problem.unprocessable("Entry " + i + " has no id or document.");
      }
      List<Map<String, Object>> errors =
          new ArrayList<>(p.checks().violations("entry.schema.json", doc));
      errors.addAll(p.checks().taxonomyViolations(doc));
      if (!errors.isEmpty()) {
        throw Problem.unprocessable(
                "Entry " + i + " does not match the entry schema or the taxonomies.")
            .problem()
            .with("index", i)
            .with("errors", errors)
            .exception();
      }
      EntryKind kind = EntryKind.fromWire(doc.path("kind").asText()).orElseThrow();
      Visibility vis =
          Visibility.fromWire(doc.path("visibility").asText("public")).orElse(Visibility.PUBLIC);
      Instant start =
          kind == EntryKind.EVENT && doc.hasNonNull("startTime")
              ? java.time.OffsetDateTime.parse(doc.get("startTime").asText()).toInstant()
              : null;
      Instant created = instant(e, "created", i);
      entries.add(
          new Entry(
              e.get("id").asText(),
              0,
              kind,
              vis,
              doc,
              Math.max(1, e.path("version").asInt(1)),
              start,
              created,
              e.has("updated") ? instant(e, "updated", i) : created));
      i++;
    }
    List<JsonNode> log = new ArrayList<>();
    long last = 0;
    for (JsonNode item : a.path("log")) {
      long seq = item.path("sequence").asLong(-1);
      if (seq != last + 1
          || !item.path("document").isTextual()
          || !item.path("activityId").isTextual()
          || !item.path("type").isTextual()
          || !item.path("published").isTextual()) {
        throw Problem.unprocessable(
            "Log item " + (last + 1) + " is missing or incomplete (the log must be whole).");
      }
      log.add(item);
      last = seq;
    }
    List<String> following = new ArrayList<>();
    for (JsonNode f : a.path("following")) if (f.isTextual()) following.add(f.asText());
    return new Checked(actor, profile, entries, log, following);
  }

  private static Instant instant(JsonNode e, String field, int index) {
    try {
      return Instant.parse(e.path(field).asText());
    } catch (RuntimeException ex) {
      throw Problem.unprocessable("Entry " + index + ": " + field + " must be a date-time.");
    }
  }

  private Organization org(Connection c, String handle) throws SQLException {
    return p.orgs()
        .findByHandle(c, handle)
        .orElseThrow(
            () -> Problem.notFound("No organization with handle '" + handle + "' is hosted here."));
  }
}
