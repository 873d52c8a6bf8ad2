package org.madani.node.setup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.madani.node.account.AdminAccounts;
import org.madani.node.account.ApiTokens;
import org.madani.node.account.LoginThrottle;
import org.madani.node.account.PasswordHasher;
import org.madani.node.config.NodeConfig;
import org.madani.node.content.ContentEvents;
import org.madani.node.content.DocumentChecks;
import org.madani.node.content.EntryService;
import org.madani.node.content.ProfileService;
import org.madani.node.content.SchemaValidator;
import org.madani.node.content.Taxonomies;
import org.madani.node.json.JsonCodec;
import org.madani.node.store.AccountRepository;
import org.madani.node.store.Database;
import org.madani.node.store.EntryRepository;
import org.madani.node.store.KeyRepository;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.trust.OrganizationKeys;

/**
 * The node's services without its HTTP server, for command-line work on the data directory
 * (init, token, import). Must not run while a node serves the same directory: H2 locks the file.
 */
public final class OfflineNode implements AutoCloseable {

  private final Vertx vertx;
  private final NodeConfig config;
  private final Database db;
  private final Clock clock;
  private final JsonCodec json;
  private final OrganizationRepository orgs;
  private final ProfileService profiles;
  private final EntryService entries;
  private final AdminAccounts admins;
  private final OrganizationKeys keys;

  /** Signing keys at rest: encrypted with MADANI_KEY_PASSPHRASE(_FILE) when set. */
  private final org.madani.node.trust.PrivateKeyFiles keyFiles =
      org.madani.node.trust.PrivateKeyFiles.fromEnv(System.getenv());

  public OfflineNode(NodeConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.vertx = Vertx.vertx();
    this.db = openOrExplain(vertx, config);
    this.json = new JsonCodec(config.maxJsonDepth());
    this.orgs = new OrganizationRepository(json.mapper());
    Taxonomies taxonomies = new Taxonomies(json.mapper());
    DocumentChecks checks = new DocumentChecks(new SchemaValidator(json.mapper()), taxonomies);
    this.profiles = new ProfileService(db, orgs, checks, ContentEvents.NONE, clock);
    // Entries made offline (init --examples) are published like any other write: logged with
    // their proof and put in the outbox, so followers get them (by delivery or by catch-up).
    // A node whose port is picked at start (port 0, tests only) has no actor ids yet: nothing to
    // publish under.
    boolean addressable = config.baseUrl() != null || config.port() != 0;
    this.entries = new EntryService(db, orgs, new EntryRepository(json.mapper()), checks,
        addressable ? outbox() : ContentEvents.NONE, clock);
    this.admins = new AdminAccounts(db, new AccountRepository(), new PasswordHasher(),
        new ApiTokens(), new LoginThrottle(clock), clock, vertx.createSharedWorkerExecutor("madani-password", 1));
    this.keys = new OrganizationKeys(new KeyRepository(), keyFiles);
  }

  /**
   * Opens the database, or says plainly that a node is serving this data directory (H2 locks its
   * file) and what to do instead, in place of H2's stack trace.
   */
  private static Database openOrExplain(Vertx vertx, NodeConfig config) {
    try {
      return Database.open(vertx, config.database(), config.databaseFile(),
          org.madani.node.config.Passphrases.fromEnv(System.getenv(), "MADANI_DB_PASSPHRASE"),
          org.madani.node.config.Passphrases.fromEnv(System.getenv(), "MADANI_DATABASE_PASSWORD"));
    } catch (RuntimeException e) {
      vertx.close();
      if (lockedByRunningNode(e)) throw new DataDirInUseException(config.dataDir());
      throw e;
    }
  }

  private static boolean lockedByRunningNode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) return true;
    }
    return false;
  }

  public JsonCodec json() {
    return json;
  }

  public AdminAccounts admins() {
    return admins;
  }

  public EntryService entries() {
    return entries;
  }

  /**
   * Key rotation and revocation on the data directory (protocol-spec/keys.md). The Update it queues
   * for followers waits in the durable delivery queue until the node serves again. The actor ids
   * are those the node serves: the configured base URL, else (development mode) http://bind:port.
   */
  public org.madani.node.trust.KeyRotation keyRotation(java.time.Duration overlap) {
    KeyRepository keyRepo = new KeyRepository();
    var actors = new org.madani.node.federation.actor.LocalActors(json.mapper(), urls(), keyRepo, keyFiles);
    return new org.madani.node.trust.KeyRotation(db, orgs, keyRepo, actors, outbox(), config.keysDir(), overlap, clock,
        keyFiles);
  }

  /** The actor ids the node serves: the configured base URL, else (development mode) http://bind:port. */
  private org.madani.node.model.Urls urls() {
    java.net.URI base = config.baseUrl() != null ? config.baseUrl()
        : java.net.URI.create("http://" + (config.bindAddress().contains(":") ? "[" + config.bindAddress() + "]"
            : config.bindAddress()) + ":" + config.port());
    return new org.madani.node.model.Urls(base);
  }

  /**
   * The outbox, writing to the durable delivery queue: what it queues waits there until the node
   * serves again.
   */
  private org.madani.node.federation.outbox.Outbox outbox() {
    org.madani.node.model.Urls urls = urls();
    var actors = new org.madani.node.federation.actor.LocalActors(json.mapper(), urls, new KeyRepository(), keyFiles);
    var deliveries = new org.madani.node.federation.delivery.DeliveryQueue(clock);
    return new org.madani.node.federation.outbox.Outbox(json.mapper(), actors,
        new org.madani.node.federation.outbox.EntryObjects(json.mapper(), urls, actors),
        new org.madani.node.store.OutboxRepository(), new org.madani.node.store.FollowRepository(),
        new org.madani.node.store.RemoteActorRepository(), deliveries::enqueue, clock);
  }

  /**
   * Creates a hosted organization with its key pairs, in one transaction: a failure leaves no
   * half-made organization behind (key files already written are then orphaned, never reused).
   */
  public OrganizationKeys.Created createOrganization(String handle, ObjectNode profile) throws SQLException {
    return new HostedOrganizations(db, orgs, profiles, keys, config.keysDir(), ContentEvents.NONE, clock)
        .createBlocking(handle, profile);
  }

  public static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out", e);
    }
  }

  @Override
  public void close() {
    db.close();
    vertx.close(); // called from a non-Vert.x thread; nothing to wait for

  }
}
