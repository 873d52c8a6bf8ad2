package org.madani.node.trust;

import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.madani.node.account.AuditLog;
import org.madani.node.federation.Origins;
import org.madani.node.model.Problem;
import org.madani.node.store.Database;
import org.madani.node.store.TrustRepository;
import org.madani.node.store.TrustRepository.LevelRow;

/**
 * What an admin does about trust: the federation mode and levels per node and per organization.
 * Every change is stored and audited in one transaction, then the in-memory {@link TrustPolicy} is
 * refreshed. Thread-safe.
 */
public final class TrustService {

  /** One subject's stored and effective level. */
  public record Standing(
      String subject, TrustLevel stored, TrustLevel effective, String note, String source) {}

  private final Database db;
  private final TrustRepository repo;
  private final TrustPolicy policy;
  private final AuditLog audit;
  private final Clock clock;

  /**
   * @param onChange run after the settings were (re)read, e.g. to take blocked content out of the
   *     directory
   */
  public TrustService(
      Database db,
      TrustRepository repo,
      TrustPolicy policy,
      AuditLog audit,
      Clock clock,
      Runnable onChange) {
    this.onChange = onChange;
    this.db = db;
    this.repo = repo;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /** Reads the stored settings into the policy. Called at start and after every change. */
  public Future<TrustSnapshot> refresh() {
    long generation = policy.beginRead();
    return db.tx(this::snapshot)
        .onSuccess(
            s -> {
              policy.install(generation, s);
              onChange.run();
            });
  }

  private final Runnable onChange;

  public TrustSnapshot snapshot(Connection c) throws SQLException {
    TrustRepository.Settings s = repo.read(c);
    Map<String, TrustLevel> nodes = new HashMap<>();
    Map<String, TrustLevel> actors = new HashMap<>();
    s.nodes().forEach((k, v) -> nodes.put(k, TrustLevel.parse(v)));
    s.actors().forEach((k, v) -> actors.put(k, TrustLevel.parse(v)));
    return new TrustSnapshot(FederationMode.parse(s.mode()), nodes, actors);
  }

  public FederationMode mode() {
    return policy.snapshot().mode();
  }

  public Future<FederationMode> setMode(String admin, FederationMode mode) {
    return change(
        c -> {
          repo.putSetting(c, "federation_mode", mode.wireName());
          audit.record(c, admin, "trust.mode.set", "node", "mode=" + mode.wireName());
          return mode;
        });
  }

  public Future<List<Standing>> nodes() {
    return db.tx(
        c ->
            repo.nodes(c).stream()
                .map(
                    r ->
                        new Standing(
                            r.subject(),
                            TrustLevel.parse(r.level()),
                            policy.snapshot().effectiveNode(r.subject()),
                            r.note(),
                            r.source()))
                .toList());
  }

  public Future<List<Standing>> actors() {
    return db.tx(
        c -> {
          List<Standing> out = new java.util.ArrayList<>();
          for (LevelRow r : repo.actors(c)) out.add(standing(c, r.subject()));
          return out;
        });
  }

  public Future<Standing> node(String host) {
    String key = hostKey(host);
    return db.tx(
        c -> {
          Optional<LevelRow> r = repo.node(c, key);
          return new Standing(
              key,
              r.map(x -> TrustLevel.parse(x.level())).orElse(TrustLevel.UNKNOWN),
              policy.snapshot().effectiveNode(key),
              r.map(LevelRow::note).orElse(null),
              r.map(LevelRow::source).orElse(null));
        });
  }

  public Future<Standing> actor(String actorId) {
    String id = actorId(actorId);
    return db.tx(c -> standing(c, id));
  }

  public Future<Standing> setNode(String admin, String host, TrustLevel level, String note) {
    if (!level.settableOnNode()) {
      return Future.failedFuture(
          Problem.unprocessable("A node's level is blocked, allowed, trusted or unknown."));
    }
    String key = hostKey(host);
    return change(
            c -> {
              putNode(c, key, level, note, null);
              audit.record(c, admin, "trust.node.set", key, "level=" + level.wireName());
              return null;
            })
        .compose(v -> node(key));
  }

  public Future<Standing> setActor(String admin, String actorId, TrustLevel level, String note) {
    if (!level.settableOnActor()) {
      return Future.failedFuture(
          Problem.unprocessable("'followed' comes from following; it cannot be set."));
    }
    String id = actorId(actorId);
    return change(
            c -> {
              putActor(c, id, level, note, null);
              audit.record(c, admin, "trust.actor.set", id, "level=" + level.wireName());
              return null;
            })
        .compose(v -> actor(id));
  }

  /**
   * Stores a node level in the caller's transaction; UNKNOWN removes it. Call {@link #refresh()}
   * after commit.
   */
  public void putNode(Connection c, String hostKey, TrustLevel level, String note, String source)
      throws SQLException {
    if (level == TrustLevel.UNKNOWN) repo.deleteNode(c, hostKey);
    else repo.putNode(c, hostKey, level.wireName(), note, source, clock.instant());
  }

  /**
   * Stores an actor level in the caller's transaction; UNKNOWN removes it. Call {@link #refresh()}
   * after commit.
   */
  public void putActor(Connection c, String actorId, TrustLevel level, String note, String source)
      throws SQLException {
    if (level == TrustLevel.UNKNOWN) repo.deleteActor(c, actorId);
    else
      repo.putActor(
          c, actorId, Origins.hostKey(actorId), level.wireName(), note, source, clock.instant());
  }

  /** Whether the policy in force trusts this actor. */
  public boolean policyTrusts(String actorId) {
    return policy.trusts(actorId);
  }

  /** Runs a change in one transaction, then refreshes the policy before completing. */
  public <T> Future<T> change(Database.Work<T> work) {
    return db.tx(work).compose(r -> refresh().map(s -> r));
  }

  private Standing standing(Connection c, String id) throws SQLException {
    Optional<LevelRow> r = repo.actor(c, id);
    return new Standing(
        id,
        r.map(x -> TrustLevel.parse(x.level())).orElse(TrustLevel.UNKNOWN),
        policy.snapshot().effective(id, repo.followed(c, id)),
        r.map(LevelRow::note).orElse(null),
        r.map(LevelRow::source).orElse(null));
  }

  /** Normalizes an admin-given host ({@code example.org}, {@code Example.org:8443}) to its key. */
  public static String hostKey(String host) {
    String h = host == null ? "" : host.trim();
    if (h.isEmpty()
        || h.contains("/")
        || h.contains("@")
        || h.contains("?")
        || h.contains("#")
        || h.contains(" ")) {
      throw Problem.badRequest("Give a host name, optionally with :port, e.g. node.example.org.");
    }
    String key = Origins.hostKey("https://" + h);
    if (key == null) throw Problem.badRequest("Not a host name: " + h);
    return key;
  }

  /** Checks an admin-given actor id: an http(s) URL. */
  public static String actorId(String actor) {
    String a = actor == null ? "" : actor.trim();
    if (Origins.hostKey(a) == null) {
      throw Problem.badRequest(
          "An organization is named by its actor URL, e.g. https://node.example/orgs/name.");
    }
    return a;
  }
}
