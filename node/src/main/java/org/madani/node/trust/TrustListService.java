package org.madani.node.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.madani.node.account.AuditLog;
import org.madani.node.federation.Origins;
import org.madani.node.federation.actor.DocumentFetcher;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.federation.sig.ObjectProofs;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.store.Database;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.TrustListRepository;
import org.madani.node.store.TrustListRepository.ChangeRow;
import org.madani.node.store.TrustListRepository.SubscriptionRow;
import org.madani.node.store.TrustRepository;
import org.madani.node.store.TrustRepository.LevelRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared block and allow lists (protocol-spec/trust.md): export as CSV or signed JSON, import with
 * a preview first, publication for peers, and subscriptions to trusted peers' lists whose changes
 * wait for an admin's approval. Trust is not transitive: an imported or subscribed "trusted" entry
 * becomes "allowed" here. Thread-safe.
 */
public final class TrustListService {

  private static final Logger LOG = LoggerFactory.getLogger(TrustListService.class);

  /** One proposed or applied change of level. */
  public record Change(
      String type, String subject, TrustLevel oldLevel, TrustLevel newLevel, String note) {}

  private final Database db;
  private final TrustRepository levels;
  private final TrustListRepository repo;
  private final TrustService trust;
  private final OrganizationRepository orgs;
  private final LocalActors localActors;
  private final RemoteActors remoteActors;
  private final DocumentFetcher fetcher;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;

  public TrustListService(
      Database db,
      TrustRepository levels,
      TrustListRepository repo,
      TrustService trust,
      OrganizationRepository orgs,
      LocalActors localActors,
      RemoteActors remoteActors,
      DocumentFetcher fetcher,
      AuditLog audit,
      ObjectMapper json,
      Clock clock) {
    this.db = db;
    this.levels = levels;
    this.repo = repo;
    this.trust = trust;
    this.orgs = orgs;
    this.localActors = localActors;
    this.remoteActors = remoteActors;
    this.fetcher = fetcher;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  // ---- export and publication

  public Future<String> exportCsv(String name) {
    return db.tx(c -> current(c, name).toCsv());
  }

  /** The list signed by {@code handle}'s Ed25519 key (or the first organization's when null). */
  public Future<ObjectNode> exportJson(String name, String handle) {
    return db.tx(c -> signed(c, current(c, name), handle));
  }

  /** The published list, or 404 when publication is off. */
  public Future<ObjectNode> published(String name) {
    return db.tx(
        c -> {
          if (!"true".equals(levels.setting(c, "publish_lists").orElse("false")))
            throw Problem.notFound("Not published.");
          return signed(c, current(c, name), null);
        });
  }

  public Future<Boolean> setPublished(String admin, boolean publish) {
    return db.tx(
        c -> {
          levels.putSetting(c, "publish_lists", Boolean.toString(publish));
          audit.record(c, admin, "trust.lists.publish", "node", "publish=" + publish);
          return publish;
        });
  }

  private TrustList current(Connection c, String name) throws SQLException {
    List<TrustList.Item> items = new ArrayList<>();
    boolean blocks = name.equals("blocks");
    for (LevelRow r : levels.nodes(c)) add(items, "node", r, blocks);
    for (LevelRow r : levels.actors(c)) add(items, "actor", r, blocks);
    return new TrustList(name, items);
  }

  private static void add(List<TrustList.Item> items, String type, LevelRow r, boolean blocks) {
    TrustLevel l = TrustLevel.parse(r.level());
    if (blocks ? l == TrustLevel.BLOCKED : (l == TrustLevel.ALLOWED || l == TrustLevel.TRUSTED)) {
      items.add(new TrustList.Item(type, r.subject(), l, r.note()));
    }
  }

  private ObjectNode signed(Connection c, TrustList list, String handle) throws SQLException {
    Organization org =
        handle != null
            ? orgs.findByHandle(c, handle)
                .orElseThrow(() -> Problem.notFound("No organization '" + handle + "'."))
            : orgs.listAll(c).stream()
                .findFirst()
                .orElseThrow(() -> Problem.notFound("No organization to sign with."));
    String issuer = localActors.actorId(org.handle());
    // The id binds the list to the issuer's origin, so the proof's FEP-fe34 origin check has a
    // subject.
    ObjectNode doc =
        json.valueToTree(
            TrustListDocument.of(
                URI.create(issuer).resolve("/trust/lists/" + list.name() + ".json").toString(),
                list,
                issuer,
                clock.instant()));
    // An eddsa-jcs-2022 Data Integrity proof, as every other signed Madani document (integrity.md).
    return ObjectProofs.sign(doc, localActors.ed25519(c, org), clock.instant());
  }

  // ---- import

  /** A parsed list and who signed it (null for CSV). */
  public record Parsed(TrustList list, String issuer) {}

  /** Parses CSV, or signed JSON whose signature is checked against the issuer's published key. */
  public Future<Parsed> parse(String format, String name, String content) {
    if (content == null || content.isEmpty())
      return Future.failedFuture(Problem.unprocessable("No content."));
    try {
      return switch (format == null ? "" : format) {
        case "csv" ->
            Future.succeededFuture(
                new Parsed(TrustList.fromCsv(name == null ? "blocks" : name, content), null));
        case "json" -> verify((ObjectNode) checkedObject(content));
        default -> Future.failedFuture(Problem.unprocessable("format is csv or json."));
      };
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private JsonNode checkedObject(String content) {
    try {
      JsonNode n = json.readTree(content);
      if (n == null || !n.isObject()) throw Problem.unprocessable("A JSON list is one object.");
      return n;
    } catch (IOException e) {
      throw Problem.unprocessable("The JSON list does not parse.");
    }
  }

  /**
   * Checks a signed JSON list: type, issuer, the key's owner is the issuer, its eddsa-jcs-2022
   * proof.
   */
  Future<Parsed> verify(ObjectNode doc) {
    if (!TrustListDocument.TYPE.equals(doc.path("type").asText())) {
      return Future.failedFuture(Problem.unprocessable("Not a MadaniTrustList."));
    }
    String issuer = doc.path("issuer").asText("");
    // Only the eddsa-jcs-2022 proof is read. The detached "JcsEd25519Signature2026" signature of
    // earlier builds is refused: no released node published one, and an untested second path for
    // signed input is a liability rather than a convenience.
    JsonNode proof = doc.get("proof");
    if (proof == null || !proof.isObject()) {
      return Future.failedFuture(
          Problem.unprocessable("A JSON list must carry one eddsa-jcs-2022 proof."));
    }
    String keyId = proof.path("verificationMethod").asText("");
    if (!Origins.sameOrigin(keyId, issuer)) {
      return Future.failedFuture(
          Problem.unprocessable("The signing key is not on the issuer's origin."));
    }
    List<TrustList.Item> items = new ArrayList<>();
    for (JsonNode i : doc.path("items")) {
      TrustLevel level;
      try {
        level = TrustLevel.parse(i.path("level").asText(null));
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(
            Problem.unprocessable("Unknown level in list: " + i.path("level").asText()));
      }
      items.add(
          new TrustList.Item(
              i.path("type").asText(""),
              i.path("subject").asText(""),
              level,
              i.path("note").asText(null)));
    }
    TrustList list = new TrustList(doc.path("list").asText(""), items);
    return remoteActors
        .key(keyId, false)
        .recover(
            err ->
                Future.failedFuture(Problem.unprocessable("The signing key could not be fetched.")))
        .compose(
            resolved -> {
              // A revoked or rotated-out key signs no new lists (protocol-spec/keys.md).
              // the proof covers the whole list (JCS), with the FEP-fe34 origin rule: the list's id
              // and the key
              // are of the issuer's origin
              boolean signed =
                  ObjectProofs.verify(
                          doc,
                          id -> id.equals(keyId) ? Optional.of(resolved.key()) : Optional.empty())
                      .isVerified();
              if (!resolved.key().ownerId().equals(issuer)
                  || !resolved.validAt(clock.instant())
                  || !signed) {
                return Future.failedFuture(
                    Problem.unprocessable("The list's signature does not verify."));
              }
              return Future.succeededFuture(new Parsed(list, issuer));
            });
  }

  /** What importing the list would change, applying nothing. */
  public Future<List<Change>> preview(String format, String name, String content) {
    return parse(format, name, content).compose(p -> db.tx(c -> diff(c, p.list(), null)));
  }

  /** Applies the list's changes (source: import) and returns them. */
  public Future<List<Change>> apply(String admin, String format, String name, String content) {
    return parse(format, name, content)
        .compose(
            p ->
                trust.change(
                    c -> {
                      List<Change> changes = diff(c, p.list(), null);
                      for (Change ch : changes) put(c, ch, "import");
                      audit.record(
                          c,
                          admin,
                          "trust.lists.import",
                          p.issuer() == null ? "csv" : p.issuer(),
                          "changes=" + changes.size());
                      return changes;
                    }));
  }

  /**
   * Changes that would bring our levels in line with the list. "trusted" is taken as "allowed"; a
   * subject we already trust is not downgraded to allowed. With {@code source}, subjects that came
   * from that source and are no longer listed are proposed for removal.
   */
  List<Change> diff(Connection c, TrustList list, String source) throws SQLException {
    List<Change> out = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (TrustList.Item i : list.items()) {
      TrustLevel wanted = i.level() == TrustLevel.TRUSTED ? TrustLevel.ALLOWED : i.level();
      listed.add(i.type() + " " + i.subject());
      Optional<LevelRow> now =
          i.type().equals("node") ? levels.node(c, i.subject()) : levels.actor(c, i.subject());
      TrustLevel old = now.map(r -> TrustLevel.parse(r.level())).orElse(TrustLevel.UNKNOWN);
      if (old == wanted || (wanted == TrustLevel.ALLOWED && old == TrustLevel.TRUSTED)) continue;
      out.add(new Change(i.type(), i.subject(), old, wanted, i.note()));
    }
    if (source != null) {
      for (LevelRow r : levels.nodes(c)) {
        if (source.equals(r.source()) && !listed.contains("node " + r.subject())) {
          out.add(
              new Change(
                  "node", r.subject(), TrustLevel.parse(r.level()), TrustLevel.UNKNOWN, null));
        }
      }
      for (LevelRow r : levels.actors(c)) {
        if (source.equals(r.source()) && !listed.contains("actor " + r.subject())) {
          out.add(
              new Change(
                  "actor", r.subject(), TrustLevel.parse(r.level()), TrustLevel.UNKNOWN, null));
        }
      }
    }
    return out;
  }

  private void put(Connection c, Change ch, String source) throws SQLException {
    if (ch.type().equals("node")) trust.putNode(c, ch.subject(), ch.newLevel(), ch.note(), source);
    else trust.putActor(c, ch.subject(), ch.newLevel(), ch.note(), source);
  }

  // ---- subscriptions

  public Future<SubscriptionRow> subscribe(String admin, String url) {
    if (url == null || Origins.hostKey(url) == null) {
      return Future.failedFuture(
          Problem.unprocessable(
              "Send {\"url\": \"https://peer.example/trust/lists/blocks.json\"}."));
    }
    return db.tx(
        c -> {
          for (SubscriptionRow s : repo.subscriptions(c)) {
            if (s.url().equals(url)) return s;
          }
          long id = repo.subscribe(c, url, clock.instant());
          audit.record(c, admin, "trust.subscription.add", url, null);
          return repo.subscription(c, id).orElseThrow();
        });
  }

  public Future<Boolean> unsubscribe(String admin, long id) {
    return db.tx(
        c -> {
          boolean found = repo.unsubscribe(c, id);
          if (found)
            audit.record(c, admin, "trust.subscription.remove", "subscription:" + id, null);
          return found;
        });
  }

  public Future<List<SubscriptionRow>> subscriptions() {
    return db.tx(repo::subscriptions);
  }

  /**
   * Fetches a subscribed list through the guarded fetcher, checks its signature and that its issuer
   * is on the list's origin and trusted here, and queues what differs as pending changes.
   */
  public Future<List<ChangeRow>> refresh(long id) {
    return db.tx(
            c ->
                repo.subscription(c, id)
                    .orElseThrow(() -> Problem.notFound("No subscription " + id + ".")))
        .compose(
            s ->
                fetcher
                    .fetch(URI.create(s.url()))
                    .compose(f -> verify(f.document()))
                    .compose(
                        p -> {
                          if (!Origins.sameOrigin(p.issuer(), s.url())) {
                            return Future.failedFuture(
                                Problem.unprocessable(
                                    "The list's issuer is not on the list's origin."));
                          }
                          if (!trust.policyTrusts(p.issuer())) {
                            return Future.failedFuture(
                                Problem.unprocessable(
                                    "The list's issuer is not trusted by this node."));
                          }
                          return db.tx(c -> queue(c, s, p));
                        })
                    .recover(
                        err ->
                            db.tx(
                                    c -> {
                                      repo.fetched(
                                          c, id, null, truncate(err.getMessage()), clock.instant());
                                      return null;
                                    })
                                .compose(
                                    v ->
                                        Future.failedFuture(
                                            err instanceof org.madani.node.model.ProblemException
                                                ? err
                                                : Problem.of(
                                                        502,
                                                        "list-unavailable",
                                                        "List not available",
                                                        "The list could not be fetched: "
                                                            + truncate(err.getMessage()))
                                                    .exception()))));
  }

  private List<ChangeRow> queue(Connection c, SubscriptionRow s, Parsed p) throws SQLException {
    List<Change> changes = diff(c, p.list(), s.url());
    Set<String> wanted = new HashSet<>();
    for (Change ch : changes) {
      repo.propose(
          c,
          s.id(),
          ch.type(),
          ch.subject(),
          ch.oldLevel().wireName(),
          ch.newLevel().wireName(),
          ch.note(),
          clock.instant());
      wanted.add(ch.type() + " " + ch.subject() + " " + ch.newLevel().wireName());
    }
    List<Long> keep = new ArrayList<>();
    for (ChangeRow r : repo.changes(c, s.id(), "pending")) {
      if (wanted.contains(r.subjectType() + " " + r.subject() + " " + r.newLevel()))
        keep.add(r.id());
    }
    repo.supersedeExcept(c, s.id(), keep, clock.instant());
    repo.fetched(c, s.id(), p.issuer(), null, clock.instant());
    return repo.changes(c, s.id(), "pending");
  }

  /** Refreshes every subscription; failures are recorded on the subscription and logged. */
  public Future<Void> refreshAll() {
    return subscriptions()
        .compose(
            all -> {
              Future<Void> chain = Future.succeededFuture();
              for (SubscriptionRow s : all) {
                chain =
                    chain.compose(
                        v ->
                            refresh(s.id())
                                .<Void>mapEmpty()
                                .recover(
                                    err -> {
                                      LOG.info(
                                          "trust list {} not refreshed: {}",
                                          s.url(),
                                          err.getMessage());
                                      return Future.succeededFuture();
                                    }));
              }
              return chain;
            });
  }

  public Future<List<ChangeRow>> changes(String state) {
    return db.tx(c -> repo.changes(c, null, state));
  }

  /** Approves (applies, source: the list's URL) or rejects a pending change. */
  public Future<ChangeRow> decide(String admin, long id, boolean approve) {
    return trust.change(
        c -> {
          ChangeRow ch =
              repo.change(c, id).orElseThrow(() -> Problem.notFound("No change " + id + "."));
          if (!ch.state().equals("pending"))
            throw Problem.of(
                    409, "decided", "Already decided", "This change is " + ch.state() + ".")
                .exception();
          String url =
              repo.subscription(c, ch.subscriptionId())
                  .map(SubscriptionRow::url)
                  .orElse("subscription");
          if (approve)
            put(
                c,
                new Change(
                    ch.subjectType(),
                    ch.subject(),
                    TrustLevel.parse(ch.oldLevel()),
                    TrustLevel.parse(ch.newLevel()),
                    ch.note()),
                url);
          repo.decide(c, id, approve ? "applied" : "rejected", clock.instant());
          audit.record(
              c,
              admin,
              approve ? "trust.change.approve" : "trust.change.reject",
              ch.subject(),
              "level=" + ch.newLevel() + " from=" + url);
          return repo.change(c, id).orElseThrow();
        });
  }

  private static String truncate(String s) {
    if (s == null) return "unknown error";
    return s.length() > 400 ? s.substring(0, 400) : s;
  }
}
