package org.madani.node.collab.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.madani.node.collab.invite.CollabDeps;
import org.madani.node.collab.qa.Texts;
import org.madani.node.federation.ActivityStreams;
import org.madani.node.model.Entry;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.model.Visibility;
import org.madani.node.store.collab.FactsRepository;
import org.madani.node.store.collab.FactsRepository.AttestationRow;
import org.madani.node.store.collab.FactsRepository.CorrectionRow;
import org.madani.node.trust.TrustPolicy;

/**
 * Verified facts and corrections (collab.md §6): an organization attests what it checked about
 * another's entry or profile (a signed {@code Attestation}, revoked by Delete); an author publishes
 * a correction or retraction of its entry as an Update of the entry carrying a {@code correction};
 * anyone disputes with a Flag to the author, which reaches its node's moderation queue.
 * Thread-safe.
 */
public final class FactsService {

  public static final int MAX_METHOD = 500;
  public static final int MAX_NOTE = 2000;

  /**
   * What a page shows next to an entry: attestations by organizations the viewer's node trusts,
   * corrections.
   */
  public record Facts(List<AttestationRow> trusted, List<CorrectionRow> corrections) {}

  private final CollabDeps deps;
  private final FactsRepository repo;
  private final TrustPolicy trust;

  public FactsService(CollabDeps deps, FactsRepository repo, TrustPolicy trust) {
    this.deps = deps;
    this.repo = repo;
    this.trust = trust;
  }

  /**
   * The organization an entry or profile URL belongs to: the actor before {@code /entries/}, else
   * the URL.
   */
  public static String ownerOf(String subject) {
    int i = subject.indexOf("/entries/");
    return i > 0 ? subject.substring(0, i) : subject;
  }

  public Future<AttestationRow> attest(String admin, String handle, JsonNode body) {
    String subject = body.path("subject").asText(null);
    Map<String, String> method;
    LocalDate on;
    try {
      if (subject == null
          || !(subject.startsWith("https://") || subject.startsWith("http://"))
          || subject.length() > 2048) {
        throw Problem.unprocessable("Name the attested entry or profile ('subject') by its URL.");
      }
      method = Texts.input(body.get("method"), "method", MAX_METHOD, true);
      on = LocalDate.parse(body.path("verifiedOn").asText(""));
      if (on.isAfter(LocalDate.ofInstant(deps.clock().instant(), java.time.ZoneOffset.UTC))) {
        throw Problem.unprocessable("'verifiedOn' is in the future.");
      }
    } catch (DateTimeParseException e) {
      return Future.failedFuture(
          Problem.unprocessable("Give 'verifiedOn' as a date (YYYY-MM-DD)."));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    String owner = ownerOf(subject);
    String me = deps.localActors().actorId(handle);
    if (owner.equals(me))
      return Future.failedFuture(
          Problem.unprocessable("An organization does not attest its own entries."));
    return deps.db()
        .tx(
            c -> {
              Organization org = org(c, handle);
              Instant now = deps.clock().instant();
              AttestationRow row =
                  new AttestationRow(
                      0,
                      me + "/attestations/" + UUID.randomUUID(),
                      me,
                      subject,
                      Texts.write(deps.json(), method),
                      on,
                      now,
                      null);
              repo.insertAttestation(c, row);
              ObjectNode o =
                  deps.json()
                      .createObjectNode()
                      .put("id", row.objectId())
                      .put("type", "Attestation")
                      .put("attributedTo", me)
                      .put("object", subject)
                      .put("verifiedOn", on.toString())
                      .put("published", now.toString());
              o.set("methodMap", Texts.node(deps.json(), method));
              o.putArray("to").add(ActivityStreams.PUBLIC).add(owner);
              o.putArray("cc").add(deps.localActors().followers(handle));
              ObjectNode create = deps.outbox().activity(org, "Create", o);
              create.set("to", o.get("to").deepCopy());
              create.set("cc", o.get("cc").deepCopy());
              deps.outbox().send(c, org, create, "public", inboxes(c, org, owner));
              deps.audit().record(c, admin, "collab.attest", subject, null);
              return repo.liveAttestations(c, subject).stream()
                  .filter(a -> a.objectId().equals(row.objectId()))
                  .findFirst()
                  .orElseThrow();
            })
        .onSuccess(v -> deps.outbox().wakeDelivery());
  }

  /** Revokes one of {@code handle}'s attestations: a Delete to those who got it. */
  public Future<Void> revoke(String admin, String handle, String attestationId) {
    return deps.db()
        .tx(
            c -> {
              Organization org = org(c, handle);
              String me = deps.localActors().actorId(handle);
              if (attestationId == null
                  || !repo.revoke(c, attestationId, me, deps.clock().instant())) {
                throw Problem.notFound(
                    "No live attestation " + attestationId + " by '" + handle + "'.");
              }
              ObjectNode tomb =
                  deps.json()
                      .createObjectNode()
                      .put("id", attestationId)
                      .put("type", "Tombstone")
                      .put("formerType", "Attestation");
              ObjectNode del = deps.outbox().activity(org, "Delete", tomb);
              del.putArray("to").add(ActivityStreams.PUBLIC);
              del.putArray("cc").add(deps.localActors().followers(handle));
              String subject = subjectOf(c, attestationId);
              deps.outbox()
                  .send(
                      c,
                      org,
                      del,
                      "public",
                      inboxes(c, org, subject == null ? null : ownerOf(subject)));
              deps.audit().record(c, admin, "collab.attest.revoke", attestationId, null);
              return null;
            })
        .onSuccess(v -> deps.outbox().wakeDelivery())
        .mapEmpty();
  }

  /**
   * The author corrects (or retracts) one of its public entries: an Update of the entry, as it now
   * is, that carries the correction (kind, note, date).
   */
  public Future<CorrectionRow> correct(String admin, String handle, String entryId, JsonNode body) {
    String kind = body.path("kind").asText("correction");
    Map<String, String> note;
    try {
      if (!kind.equals("correction") && !kind.equals("retraction")) {
        throw Problem.unprocessable("'kind' is correction or retraction.");
      }
      note = Texts.input(body.get("note"), "note", MAX_NOTE, true);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return deps.db()
        .tx(
            c -> {
              Organization org = org(c, handle);
              Entry e =
                  deps.entries()
                      .find(c, org.id(), entryId)
                      .orElseThrow(
                          () ->
                              Problem.notFound("No entry '" + entryId + "' of '" + handle + "'."));
              if (e.visibility() != Visibility.PUBLIC) {
                throw Problem.unprocessable("Corrections are published for public entries.");
              }
              String url = deps.urls().entry(handle, e.id());
              Instant now = deps.clock().instant();
              CorrectionRow row =
                  new CorrectionRow(
                      0,
                      url + "#correction-" + UUID.randomUUID(),
                      url,
                      deps.localActors().actorId(handle),
                      kind,
                      Texts.write(deps.json(), note),
                      now);
              repo.insertCorrection(c, row);
              ObjectNode object = deps.entryObjects().object(org, e);
              object.remove("@context");
              object.set("correction", correction(row));
              ObjectNode update = deps.outbox().activity(org, "Update", object);
              update.set("to", object.get("to").deepCopy());
              update.set("cc", object.get("cc").deepCopy());
              deps.outbox().send(c, org, update, "public", deps.outbox().followerInboxes(c, org));
              deps.audit().record(c, admin, "collab.correct", url, kind);
              return repo.corrections(c, url).get(0);
            })
        .onSuccess(v -> deps.outbox().wakeDelivery());
  }

  /** A correction as the Update's {@code correction} carries it. */
  public ObjectNode correction(CorrectionRow r) {
    ObjectNode o =
        deps.json()
            .createObjectNode()
            .put("id", r.objectId())
            .put("type", "Correction")
            .put("kind", r.kind())
            .put("published", r.published().toString());
    o.set("contentMap", Texts.node(deps.json(), Texts.read(deps.json(), r.note())));
    return o;
  }

  /**
   * Disputes {@code subject} with a Flag addressed to its author, which lands in its node's
   * moderation queue.
   */
  public Future<Void> dispute(String admin, String handle, JsonNode body) {
    String subject = body.path("subject").asText(null);
    String reason = body.path("content").asText("").strip();
    if (subject == null
        || !(subject.startsWith("https://") || subject.startsWith("http://"))
        || subject.length() > 2048) {
      return Future.failedFuture(
          Problem.unprocessable("Name the disputed entry or claim ('subject') by its URL."));
    }
    if (reason.isEmpty() || reason.length() > MAX_NOTE) {
      return Future.failedFuture(
          Problem.unprocessable("Say what is wrong in 1 to " + MAX_NOTE + " characters."));
    }
    String owner = ownerOf(subject);
    if (deps.localActors().handleOf(owner).isPresent()) {
      return Future.failedFuture(
          Problem.unprocessable("This entry is hosted here: report it to this node's moderators."));
    }
    return deps.remoteActors()
        .actor(owner, false)
        .recover(
            err -> Future.failedFuture(Problem.unprocessable("Could not fetch " + owner + ".")))
        .compose(
            v ->
                deps.db()
                    .tx(
                        c -> {
                          Organization org = org(c, handle);
                          ObjectNode flag =
                              deps.outbox()
                                  .activity(
                                      org,
                                      "Flag",
                                      deps.json()
                                          .getNodeFactory()
                                          .arrayNode()
                                          .add(owner)
                                          .add(subject));
                          flag.put("content", reason);
                          flag.putArray("to").add(owner);
                          deps.outbox()
                              .send(
                                  c,
                                  org,
                                  flag,
                                  "private",
                                  deps.outbox().inboxesOf(c, List.of(owner), false));
                          deps.audit().record(c, admin, "collab.dispute", subject, null);
                          return null;
                        }))
        .onSuccess(v -> deps.outbox().wakeDelivery())
        .mapEmpty();
  }

  /**
   * What pages show next to {@code subject}: attestations by organizations this node trusts or
   * hosts, corrections.
   */
  public Future<Facts> facts(String subject) {
    return deps.db().tx(c -> facts(c, subject));
  }

  public Facts facts(Connection c, String subject) throws SQLException {
    List<AttestationRow> trusted = new ArrayList<>();
    Set<String> attesters = new LinkedHashSet<>();
    for (AttestationRow a : repo.liveAttestations(c, subject)) {
      boolean ours = deps.localActors().handleOf(a.attester()).isPresent();
      if ((ours || trust.trusts(a.attester())) && attesters.add(a.attester())) trusted.add(a);
    }
    return new Facts(trusted, repo.corrections(c, subject));
  }

  /** Every live attestation of {@code subject}, trusted or not (the admin API). */
  public Future<List<AttestationRow>> all(String subject) {
    return deps.db().tx(c -> repo.liveAttestations(c, subject));
  }

  private String subjectOf(Connection c, String attestationId) throws SQLException {
    return repo.subjectOf(c, attestationId);
  }

  private Set<URI> inboxes(Connection c, Organization org, String owner) throws SQLException {
    Set<URI> out = new LinkedHashSet<>(deps.outbox().followerInboxes(c, org));
    if (owner != null && deps.localActors().handleOf(owner).isEmpty()) {
      out.addAll(deps.outbox().inboxesOf(c, List.of(owner), true));
    }
    return out;
  }

  private Organization org(Connection c, String handle) throws SQLException {
    return deps.orgs()
        .findByHandle(c, handle)
        .orElseThrow(() -> Problem.notFound("No organization '" + handle + "'."));
  }
}
