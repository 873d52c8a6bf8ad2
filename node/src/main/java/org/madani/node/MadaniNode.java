package org.madani.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
import org.madani.node.http.ApiRoutes;
import org.madani.node.http.HealthRoutes;
import org.madani.node.http.HttpServerVerticle;
import org.madani.node.http.JsonCodec;
import org.madani.node.http.ProblemHandler;
import org.madani.node.http.PublicPages;
import org.madani.node.http.pages.PageRenderer;
import org.madani.node.model.Urls;
import org.madani.node.store.AccountRepository;
import org.madani.node.store.Database;
import org.madani.node.store.EntryRepository;
import org.madani.node.store.OrganizationRepository;
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
  private final String deploymentId;
  private final int port;

  private MadaniNode(Vertx vertx, Database db, NodeConfig config, String deploymentId, int port) {
    this.vertx = vertx;
    this.db = db;
    this.config = config;
    this.deploymentId = deploymentId;
    this.port = port;
  }

  /** Starts a node; port 0 picks a free port. The future completes once it serves requests. */
  public static Future<MadaniNode> start(NodeConfig requested, Clock clock) {
    NodeConfig config = resolvePort(requested);
    URI base = config.baseUrl() != null ? config.baseUrl()
        : URI.create("http://" + hostForUrl(config.bindAddress()) + ":" + config.port());
    if (config.baseUrl() == null && !config.devMode()) {
      return Future.failedFuture(new IllegalArgumentException(
          "set the public base URL (--base-url or MADANI_BASE_URL); only development mode may default to http://host:port"));
    }
    NodeConfig effective = config.withBaseUrl(base);
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(false));
    return vertx.<Database>executeBlocking(() -> Database.open(vertx, effective.databaseFile()))
        .compose(db -> deploy(vertx, db, effective, clock))
        .onFailure(err -> vertx.close());
  }

  private static Future<MadaniNode> deploy(Vertx vertx, Database db, NodeConfig config, Clock clock) {
    JsonCodec json = new JsonCodec(config.maxJsonDepth());
    Urls urls = new Urls(config.baseUrl());
    OrganizationRepository orgs = new OrganizationRepository(json.mapper());
    EntryRepository entries = new EntryRepository(json.mapper());
    Taxonomies taxonomies = new Taxonomies(json.mapper());
    DocumentChecks checks = new DocumentChecks(new SchemaValidator(json.mapper()), taxonomies);
    ContentEvents events = ContentEvents.NONE;
    ProfileService profiles = new ProfileService(db, orgs, checks, events, clock);
    EntryService entryService = new EntryService(db, orgs, entries, checks, events, clock);
    AdminAccounts admins = new AdminAccounts(db, new AccountRepository(), new PasswordHasher(),
        new ApiTokens(), new LoginThrottle(clock), clock);

    ApiRoutes api = new ApiRoutes(json, admins, profiles, entryService, urls, config.bodyLimitBytes());
    PublicPages pages = new PublicPages(profiles, entryService, new PageRenderer(taxonomies, urls));
    HealthRoutes health = new HealthRoutes(() -> db.tx(c -> {
      c.createStatement().execute("SELECT 1");
      return null;
    }));

    HttpServerVerticle http = new HttpServerVerticle(config.bindAddress(), config.port(),
        List.of(health::mount, api::mount, pages::mount), new ProblemHandler(json));
    return vertx.deployVerticle(http).map(id -> {
      LOG.info("node serving at {} (data directory {}, development mode {})",
          config.baseUrl(), config.dataDir(), config.devMode());
      return new MadaniNode(vertx, db, config, id, http.actualPort());
    }).onFailure(err -> db.close());
  }

  public int port() {
    return port;
  }

  public URI baseUrl() {
    return config.baseUrl();
  }

  public NodeConfig config() {
    return config;
  }

  /**
   * Stops serving, then closes the database and Vert.x. Runs on a plain thread: a future created
   * on one of Vert.x's own threads would be completed on an event loop that is shutting down and
   * never be delivered. Safe to call once.
   */
  public CompletableFuture<Void> close() {
    return CompletableFuture.runAsync(() -> {
      try {
        vertx.undeploy(deploymentId).toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("undeploy did not finish cleanly: {}", e.toString());
      }
      db.close();
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("Vert.x did not close cleanly: {}", e.toString());
      }
      LOG.info("node stopped");
    }, r -> new Thread(r, "madani-close").start());
  }

  private static NodeConfig resolvePort(NodeConfig c) {
    if (c.port() != 0) return c;
    // The base URL must be known before routes are built; pick a free port first.
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(c.bindAddress()))) {
      return c.withPort(s.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hostForUrl(String bind) {
    if (bind.equals("0.0.0.0") || bind.equals("::")) return "localhost";
    return bind.contains(":") ? "[" + bind + "]" : bind;
  }
}
