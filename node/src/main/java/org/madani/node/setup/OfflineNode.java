package org.madani.node.setup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.h2.api.ErrorCode;
import org.madani.node.account.AdminAccounts;
import org.madani.node.config.NodeConfig;
import org.madani.node.config.Passphrases;
import org.madani.node.content.ContentEvents;
import org.madani.node.content.EntryService;
import org.madani.node.federation.actor.PrivateKeyFiles;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Urls;
import org.madani.node.store.Database;
import org.madani.node.trust.KeyRotation;
import org.madani.node.trust.OrganizationKeys;

/**
 * The node's services without its HTTP server, for command-line work on the data directory (init,
 * token, import). Must not run while a node serves the same directory: H2 locks the file.
 */
public final class OfflineNode implements AutoCloseable {

  private final Vertx vertx;
  private final NodeConfig config;
  private final Clock clock;
  private final StoreModule store;
  private final AccountModule accounts;
  private final FederationModule federation;
  private final ContentModule content;

  /**
   * Builds the same modules as the server (store, accounts, trust, federation, content), without
   * the search index, the workers or the HTTP server. The trust settings are read first, so the
   * outbox skips refused peers as the server's does.
   */
  public OfflineNode(NodeConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.vertx = Vertx.vertx();
    Database db = openOrExplain(vertx, config);
    this.store = StoreModule.of(db, new JsonCodec(config.maxJsonDepth()), clock);
    this.accounts = AccountModule.of(vertx, store, clock, 1);
    TrustModule trust = TrustModule.of(store, accounts.audit(), clock, () -> {});
    await(trust.trust().refresh());
    // Signing keys at rest: encrypted with MADANI_KEY_PASSPHRASE(_FILE) when set.
    this.federation =
        FederationModule.of(
            new FederationModule.Needs(
                vertx,
                config,
                new Urls(NodeAddress.baseUrl(config)),
                clock,
                store,
                trust.policy(),
                PrivateKeyFiles.fromEnv(System.getenv()),
                () -> {},
                outcome -> {},
                accounts.audit()));
    // Entries made offline (init --examples) are published like any other write: logged with
    // their proof and put in the outbox, so followers get them (by delivery or by catch-up); what
    // it queues waits in the durable delivery queue until the node serves again. A node whose port
    // is picked at start (port 0, tests only) has no actor ids yet: nothing to publish under.
    boolean addressable = config.baseUrl() != null || config.port() != 0;
    this.content =
        ContentModule.of(
            store,
            addressable ? federation.outbox() : ContentEvents.NONE,
            federation.keyFiles(),
            config.keysDir(),
            clock,
            ContentModule.resources(config, new Urls(NodeAddress.baseUrl(config))));
  }

  /**
   * Opens the database, or says plainly that a node is serving this data directory (H2 locks its
   * file) and what to do instead, in place of H2's stack trace.
   */
  private static Database openOrExplain(Vertx vertx, NodeConfig config) {
    try {
      return Database.open(
          vertx,
          config.database(),
          config.databaseFile(),
          Passphrases.fromEnv(System.getenv(), "MADANI_DB_PASSPHRASE"),
          Passphrases.fromEnv(System.getenv(), "MADANI_DATABASE_PASSWORD"));
    } catch (RuntimeException e) {
      vertx.close();
      if (lockedByRunningNode(e)) throw new DataDirInUseException(config.dataDir());
      throw e;
    }
  }

  private static boolean lockedByRunningNode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1)
        return true;
    }
    return false;
  }

  public JsonCodec json() {
    return store.json();
  }

  public AdminAccounts admins() {
    return accounts.admins();
  }

  public EntryService entries() {
    return content.entries();
  }

  /**
   * Key rotation and revocation on the data directory (protocol-spec/keys.md). The Update it queues
   * for followers waits in the durable delivery queue until the node serves again. The actor ids
   * are those the node serves: the configured base URL, else (development mode) http://bind:port.
   */
  public KeyRotation keyRotation(Duration overlap) {
    return TrustSharingModule.keyRotation(config, clock, store, federation, overlap);
  }

  /**
   * Creates a hosted organization with its key pairs, in one transaction: a failure leaves no
   * half-made organization behind (key files already written are then orphaned, never reused).
   */
  public OrganizationKeys.Created createOrganization(String handle, ObjectNode profile)
      throws SQLException {
    return content.hosting().createBlocking(handle, profile);
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
    store.db().close();
    vertx.close(); // called from a non-Vert.x thread; nothing to wait for
  }
}
