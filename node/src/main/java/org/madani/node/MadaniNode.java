package org.madani.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.madani.node.config.NodeConfig;
import org.madani.node.config.Passphrases;
import org.madani.node.content.ContentEvents;
import org.madani.node.directory.search.SearchIndex;
import org.madani.node.federation.actor.PrivateKeyFiles;
import org.madani.node.federation.sig.NativeSignatures;
import org.madani.node.http.HttpServerVerticle;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Urls;
import org.madani.node.setup.AccountModule;
import org.madani.node.setup.ContentModule;
import org.madani.node.setup.DirectoryModule;
import org.madani.node.setup.FederationModule;
import org.madani.node.setup.HealthModule;
import org.madani.node.setup.NodeAddress;
import org.madani.node.setup.StoreModule;
import org.madani.node.setup.TrustModule;
import org.madani.node.setup.TrustSharingModule;
import org.madani.node.setup.web.AdminWeb;
import org.madani.node.setup.web.FederationWeb;
import org.madani.node.setup.web.OperationsWeb;
import org.madani.node.setup.web.PublicWeb;
import org.madani.node.setup.web.WebServer;
import org.madani.node.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node: builds every part from its configuration and wires them together. Holds no
 * static state, so several nodes run side by side in one JVM (the federation tests rely on it).
 */
public final class MadaniNode {

  private static final Logger LOG = LoggerFactory.getLogger(MadaniNode.class);

  private final Vertx vertx;
  private final Database db;
  private final NodeConfig config;
  private final List<String> deployments;
  private final int port;

  /**
   * What the HTTP server routes (method and path of each route), for the OpenAPI completeness test.
   */
  private final List<String> routes;

  private MadaniNode(
      Vertx vertx,
      Database db,
      NodeConfig config,
      List<String> deployments,
      int port,
      List<String> routes) {
    this.routes = List.copyOf(routes);
    this.vertx = vertx;
    this.db = db;
    this.config = config;
    this.deployments = List.copyOf(deployments);
    this.port = port;
  }

  /** Starts a node; port 0 picks a free port. The future completes once it serves requests. */
  public static Future<MadaniNode> start(NodeConfig requested, Clock clock) {
    NodeConfig config = resolvePort(requested);
    if (config.baseUrl() == null && !config.devMode()) {
      return Future.failedFuture(
          new IllegalArgumentException(
              "set the public base URL (--base-url or MADANI_BASE_URL); only development mode may default to http://host:port"));
    }
    NodeConfig effective = config.withBaseUrl(NodeAddress.baseUrl(config));
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(false));
    // The store (schema check) and the search index open side by side on two worker threads:
    // both are on the way to /readyz and neither needs the other.
    Future<Database> store =
        vertx.executeBlocking(
            () ->
                Database.open(
                    vertx,
                    effective.database(),
                    effective.databaseFile(),
                    Passphrases.fromEnv(System.getenv(), "MADANI_DB_PASSPHRASE"),
                    Passphrases.fromEnv(System.getenv(), "MADANI_DATABASE_PASSWORD")),
            false);
    Future<SearchIndex> index =
        vertx.executeBlocking(() -> SearchIndex.open(effective.dataDir().resolve("index")), false);
    // The native signature engine unpacks and self-tests its library on first use (tens to
    // hundreds of milliseconds): here, beside the other two, never on an event loop.
    Future<Boolean> signatures = vertx.executeBlocking(NativeSignatures::available, false);
    return Future.join(store, index, signatures)
        .<MadaniNode>compose(
            both -> deploy(vertx, store.result(), index.result(), effective, clock),
            err -> {
              if (store.succeeded()) store.result().close();
              if (index.succeeded()) closeQuietly(index.result());
              return Future.failedFuture(store.failed() ? store.cause() : index.cause());
            })
        .onFailure(err -> vertx.close());
  }

  private static void closeQuietly(SearchIndex index) {
    try {
      index.close();
    } catch (RuntimeException e) {
      LOG.warn("closing the search index after a failed start: {}", e.toString());
    }
  }

  /**
   * Builds the node from its per-area modules (package {@code setup}), then deploys the workers and
   * the server.
   */
  private static Future<MadaniNode> deploy(
      Vertx vertx, Database db, SearchIndex searchIndex, NodeConfig config, Clock clock) {
    Urls urls = new Urls(config.baseUrl());
    boolean dev = config.devMode();
    StoreModule store =
        StoreModule.of(
            db,
            new JsonCodec(config.maxJsonDepth()),
            clock,
            org.madani.node.directory.IndexReaderName.of(config.dataDir()));
    AccountModule accounts = AccountModule.of(vertx, store, clock, 2);
    DirectoryModule directory = DirectoryModule.of(vertx, store, searchIndex, urls, clock, dev);
    HealthModule health = HealthModule.of(store, clock, dev);
    // Blocking, suspending or limiting an author takes its entries out of the directory (and
    // back): the trust tables write directory changes (V10), so a sync pass applies just those.
    TrustModule trust = TrustModule.of(store, accounts.audit(), clock, directory.indexer()::wakeUp);
    FederationModule federation =
        FederationModule.of(
            new FederationModule.Needs(
                vertx,
                config,
                urls,
                clock,
                store,
                trust.policy(),
                PrivateKeyFiles.fromEnv(System.getenv()),
                directory.indexer()::wakeUp,
                health.metrics()::delivery,
                accounts.audit()));
    ContentModule content =
        ContentModule.of(
            store,
            ContentEvents.both(federation.outbox(), directory.wakeOnCommit()),
            federation.keyFiles(),
            config.keysDir(),
            clock,
            ContentModule.resources(config, urls));
    TrustSharingModule sharing =
        TrustSharingModule.of(config, urls, clock, store, accounts.audit(), trust, federation);

    PublicWeb pub =
        PublicWeb.of(
            vertx, config, urls, clock, store, accounts, content, directory, federation, sharing);
    HttpServerVerticle http =
        WebServer.of(
            config,
            store.json(),
            OperationsWeb.of(config, store, health),
            AdminWeb.of(
                vertx,
                config,
                urls,
                clock,
                store,
                accounts,
                content,
                federation,
                trust,
                sharing,
                health),
            pub,
            FederationWeb.of(vertx, urls, clock, store, trust, federation, health));
    List<String> deployments = new ArrayList<>();
    // Keys first: a wrong key passphrase stops the start with a clear message (issue 11, finding
    // 14).
    return store
        .db()
        .tx(
            c -> {
              federation.localActors().checkSigningKeys(c, store.orgs().listAll(c));
              return null;
            })
        .compose(v -> trust.trust().refresh())
        .compose(s -> vertx.deployVerticle(health.runtime()))
        .onSuccess(deployments::add)
        .compose(id -> vertx.deployVerticle(directory.indexer()))
        .onSuccess(deployments::add)
        // Listening before the first delivery: a peer receiving one fetches our actor (the signing
        // key) at once, and a refused fetch makes it refuse the delivery for good.
        .compose(id -> vertx.deployVerticle(http))
        .onSuccess(deployments::add)
        .compose(id -> vertx.deployVerticle(federation.delivery()))
        .onSuccess(deployments::add)
        .compose(id -> vertx.deployVerticle(federation.processor()))
        .onSuccess(deployments::add)
        .compose(id -> vertx.deployVerticle(federation.syncWorker()))
        .onSuccess(deployments::add)
        .compose(id -> vertx.deployVerticle(sharing.listPoller()))
        .onSuccess(deployments::add)
        .compose(id -> vertx.deployVerticle(pub.reportScheduler()))
        .onSuccess(deployments::add)
        .map(
            id -> {
              LOG.info(
                  "node serving at {} (data directory {}, development mode {}, signatures on {})",
                  config.baseUrl(),
                  config.dataDir(),
                  config.devMode(),
                  NativeSignatures.describe());
              return new MadaniNode(
                  vertx, db, config, deployments, http.actualPort(), http.routes());
            })
        .onFailure(err -> db.close());
  }

  public int port() {
    return port;
  }

  /** Each route the HTTP server serves, as "METHOD path" (Vert.x path syntax, e.g. ":handle"). */
  public List<String> routes() {
    return routes;
  }

  public URI baseUrl() {
    return config.baseUrl();
  }

  public NodeConfig config() {
    return config;
  }

  /**
   * Stops serving, then closes the database and Vert.x. Runs on a plain thread: a future created on
   * one of Vert.x's own threads would be completed on an event loop that is shutting down and never
   * be delivered. Safe to call once.
   */
  public CompletableFuture<Void> close() {
    return CompletableFuture.runAsync(
        () -> {
          // Stop serving first, then the workers, so nothing new is accepted while they drain.
          for (int i = deployments.size() - 1; i >= 0; i--) {
            try {
              vertx
                  .undeploy(deployments.get(i))
                  .toCompletionStage()
                  .toCompletableFuture()
                  .get(15, TimeUnit.SECONDS);
            } catch (Exception e) {
              LOG.warn("undeploy did not finish cleanly: {}", e.toString());
            }
          }
          db.close();
          try {
            vertx.close().toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
          } catch (Exception e) {
            LOG.warn("Vert.x did not close cleanly: {}", e.toString());
          }
          LOG.info("node stopped");
        },
        r -> new Thread(r, "madani-close").start());
  }

  private static NodeConfig resolvePort(NodeConfig c) {
    if (c.port() != 0) return c;
    // The base URL must be known before routes are built; pick a free port first.
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(c.bindAddress()))) {
      return c.withPort(s.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
