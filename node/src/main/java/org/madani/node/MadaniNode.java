package org.madani.node;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.madani.node.account.AdminAccounts;
import org.madani.node.account.AdminSessions;
import org.madani.node.account.AuditLog;
import org.madani.node.account.Invitations;
import org.madani.node.account.SessionPolicy;
import org.madani.node.http.AdminApiRoutes;
import org.madani.node.http.AdminAuth;
import org.madani.node.http.AdminSessionRoutes;
import org.madani.node.http.AdminUiRoutes;
import org.madani.node.http.AuditTrail;
import org.madani.node.store.AuditRepository;
import org.madani.node.store.InvitationRepository;
import org.madani.node.store.SessionRepository;
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
import org.madani.node.directory.DirectoryEntries;
import org.madani.node.directory.DirectoryIndexer;
import org.madani.node.directory.DirectoryService;
import org.madani.node.directory.search.SearchIndex;
import org.madani.node.http.ApiRoutes;
import org.madani.node.http.TrustApiRoutes;
import org.madani.node.store.TrustRepository;
import org.madani.node.trust.TrustPolicy;
import org.madani.node.trust.TrustService;
import org.madani.node.http.DirectoryPages;
import org.madani.node.http.DirectoryRoutes;
import org.madani.node.http.pages.DirectoryPageRenderer;
import org.madani.node.federation.OrgRequestSigner;
import org.madani.node.federation.actor.DocumentFetcher;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.federation.delivery.DeliveryOptions;
import org.madani.node.federation.delivery.DeliveryQueue;
import org.madani.node.federation.delivery.DeliveryWorker;
import org.madani.node.federation.delivery.TargetGuard;
import org.madani.node.federation.fetch.AddressGuard;
import org.madani.node.federation.fetch.FetchOptions;
import org.madani.node.federation.fetch.GuardedFetcher;
import org.madani.node.federation.fetch.HostResolver;
import org.madani.node.federation.fetch.JsonLdContexts;
import org.madani.node.federation.follow.FollowService;
import org.madani.node.federation.inbox.AcceptFollowHandler;
import org.madani.node.federation.inbox.AnnounceHandler;
import org.madani.node.federation.inbox.CreateObjectHandler;
import org.madani.node.federation.inbox.DeleteHandler;
import org.madani.node.federation.inbox.FollowHandler;
import org.madani.node.federation.inbox.InboxContext;
import org.madani.node.federation.inbox.InboxProcessor;
import org.madani.node.federation.inbox.InboxService;
import org.madani.node.federation.inbox.LikeHandler;
import org.madani.node.federation.inbox.UndoHandler;
import org.madani.node.federation.outbox.EntryObjects;
import org.madani.node.federation.outbox.Outbox;
import org.madani.node.federation.sync.LogItemHandler;
import org.madani.node.federation.sync.MirrorService;
import org.madani.node.federation.sync.Relay;
import org.madani.node.federation.sync.RelayedLogItemHandler;
import org.madani.node.federation.sync.SyncService;
import org.madani.node.federation.sync.SyncWorker;
import org.madani.node.store.MirrorRepository;
import org.madani.node.http.FederationApiRoutes;
import org.madani.node.http.FederationRoutes;
import org.madani.node.json.JsonCodec;
import org.madani.node.store.FollowRepository;
import org.madani.node.store.InboxRepository;
import org.madani.node.store.KeyRepository;
import org.madani.node.store.OutboxRepository;
import org.madani.node.store.RemoteActorRepository;
import org.madani.node.store.RemoteObjectRepository;
import org.madani.node.http.HealthRoutes;
import org.madani.node.http.HttpServerVerticle;
import org.madani.node.http.RequestDeadlines;
import org.madani.node.json.JsonCodec;
import org.madani.node.http.ProblemHandler;
import org.madani.node.http.PublicPages;
import org.madani.node.http.pages.PageRenderer;
import org.madani.node.model.Urls;
import org.madani.node.store.AccountRepository;
import org.madani.node.store.Database;
import org.madani.node.store.DirectoryRepository;
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
  private final List<String> deployments;
  private final int port;

  /** What the HTTP server routes (method and path of each route), for the OpenAPI completeness test. */
  private final List<String> routes;

  private MadaniNode(Vertx vertx, Database db, NodeConfig config, List<String> deployments, int port,
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
    URI base = config.baseUrl() != null ? config.baseUrl()
        : URI.create("http://" + hostForUrl(config.bindAddress()) + ":" + config.port());
    if (config.baseUrl() == null && !config.devMode()) {
      return Future.failedFuture(new IllegalArgumentException(
          "set the public base URL (--base-url or MADANI_BASE_URL); only development mode may default to http://host:port"));
    }
    NodeConfig effective = config.withBaseUrl(base);
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(false));
    return vertx.<Database>executeBlocking(() -> Database.open(vertx, effective.databaseFile(),
        org.madani.node.config.Passphrases.fromEnv(System.getenv(), "MADANI_DB_PASSPHRASE")))
        .compose(db -> vertx.executeBlocking(() -> SearchIndex.open(effective.dataDir().resolve("index")))
            .onFailure(err -> db.close())
            .compose(index -> deploy(vertx, db, index, effective, clock)))
        .onFailure(err -> vertx.close());
  }

  private static Future<MadaniNode> deploy(Vertx vertx, Database db, SearchIndex searchIndex, NodeConfig config,
      Clock clock) {
    JsonCodec json = new JsonCodec(config.maxJsonDepth());
    Urls urls = new Urls(config.baseUrl());
    OrganizationRepository orgs = new OrganizationRepository(json.mapper());
    EntryRepository entries = new EntryRepository(json.mapper());
    FollowRepository follows = new FollowRepository();
    RemoteActorRepository remoteActorRepo = new RemoteActorRepository();
    RemoteObjectRepository remoteObjects = new RemoteObjectRepository();
    OutboxRepository outboxLog = new OutboxRepository();
    InboxRepository inboxRepo = new InboxRepository();
    Taxonomies taxonomies = new Taxonomies(json.mapper());
    DocumentChecks checks = new DocumentChecks(new SchemaValidator(json.mapper()), taxonomies);
    AuditLog audit = new AuditLog(db, new AuditRepository(), clock);

    // Trust: the policy every fetch, delivery and inbox request asks (protocol-spec/trust.md).
    TrustPolicy trustPolicy = new TrustPolicy();
    TrustService trust = new TrustService(db, new TrustRepository(), trustPolicy, audit, clock);

    // Federation: keys and actors, the guarded fetcher, the durable delivery queue.
    KeyRepository keyRepo = new KeyRepository();
    // Signing keys at rest: encrypted with MADANI_KEY_PASSPHRASE(_FILE) when set (issue 11, finding 14).
    org.madani.node.trust.PrivateKeyFiles keyFiles = org.madani.node.trust.PrivateKeyFiles.fromEnv(System.getenv());
    LocalActors localActors = new LocalActors(json.mapper(), urls, keyRepo, keyFiles);
    String userAgent = "Madani/0.1 (+" + config.baseUrl() + ")";
    // Signing on its own workers, one per core ("madani-crypto" is shared with proof checks).
    OrgRequestSigner signer = new OrgRequestSigner(db, orgs, localActors, clock, userAgent,
        vertx.createSharedWorkerExecutor("madani-crypto", Math.max(2, Runtime.getRuntime().availableProcessors())));
    AddressGuard guard = new AddressGuard(config.devMode(), HostResolver.system(vertx));
    GuardedFetcher fetcher = new GuardedFetcher(vertx, guard, json, new JsonLdContexts(json.mapper()),
        "Madani/0.1 (+" + config.baseUrl() + ")", trustPolicy::allowsUrl);
    FetchOptions signedGet = FetchOptions.defaults().withSigner(signer);
    DocumentFetcher documents = url -> fetcher.getJson(url, signedGet)
        .map(d -> new DocumentFetcher.Fetched(d.finalUrl(), d.document()));
    DocumentFetcher webFinger = url -> fetcher.getJson(url, FetchOptions.webFinger())
        .map(d -> new DocumentFetcher.Fetched(d.finalUrl(), d.document()));
    // Keys over time (protocol-spec/keys.md): remote keys pinned on first use, changes only with proof.
    MirrorRepository mirrorRepo = new MirrorRepository();
    org.madani.node.store.KeyChangeRepository keyChangeRepo = new org.madani.node.store.KeyChangeRepository();
    org.madani.node.federation.actor.KeyPins keyPins = new org.madani.node.federation.actor.KeyPins(remoteActorRepo,
        keyChangeRepo, mirrorRepo, remoteObjects, json.mapper(), clock);
    RemoteActors remoteActors = new RemoteActors(db, remoteActorRepo, documents, json.mapper(), clock, keyPins);
    DeliveryQueue deliveryQueue = new DeliveryQueue(clock);
    EntryObjects entryObjects = new EntryObjects(json.mapper(), urls, localActors);
    Outbox outbox = new Outbox(json.mapper(), localActors, entryObjects, outboxLog, follows, remoteActorRepo,
        deliveryQueue::enqueue, clock,
        trustPolicy);
    // Trust settings, then addresses; the POST goes to the vetted address (no second lookup).
    TargetGuard targetGuard = new org.madani.node.federation.delivery.AddressTargetGuard(guard, trustPolicy::allowsUrl);
    DeliveryOptions deliveryOptions = DeliveryOptions.defaults()
        .withPollInterval(java.time.Duration.ofMillis(config.devMode() ? 200 : 1000));
    if (config.devMode()) {
      // Development mode (loopback peers): a job leased by a killed process is due again after
      // 20 s instead of 2 min, so crash tests and local networks recover quickly. The lease must
      // exceed connect + request timeout, hence 5 s + 10 s.
      deliveryOptions = deliveryOptions.withTimeouts(java.time.Duration.ofSeconds(20),
          java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(10));
    }
    DeliveryWorker delivery = new DeliveryWorker(db, deliveryQueue, signer, targetGuard, deliveryOptions, clock);
    outbox.onEnqueued(delivery::wakeUp);

    InboxContext inboxContext = new InboxContext(db, json.mapper(), clock, orgs, follows, remoteObjects,
        localActors, remoteActors, outbox);
    org.madani.node.store.EndorsementRepository endorsementRepo = new org.madani.node.store.EndorsementRepository();
    org.madani.node.store.ReportRepository reportRepo = new org.madani.node.store.ReportRepository();
    CreateObjectHandler create = new CreateObjectHandler(inboxContext, false, trustPolicy);
    WorkerExecutor crypto =
        vertx.createSharedWorkerExecutor("madani-crypto", Math.max(2, Runtime.getRuntime().availableProcessors()));

    // Resilience: verified mirrors of followed organizations' logs, and catch-up from origin or peers.
    MirrorService mirror = new MirrorService(db, mirrorRepo, remoteActorRepo, remoteObjects, follows, create,
        json.mapper(), crypto, clock, origin -> remoteActors.actor(origin, true), keyPins);
    // Log pages hold up to 500 signed items: a larger body cap and deadline than single documents.
    FetchOptions logPages = signedGet.withMaxBytes(32L * 1024 * 1024)
        .withTimeouts(java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(60));
    SyncService sync = new SyncService(db, mirrorRepo, mirror, url -> fetcher.getJson(url, logPages)
        .map(d -> new DocumentFetcher.Fetched(d.finalUrl(), d.document())), clock);
    SyncWorker syncWorker = new SyncWorker(sync,
        java.time.Duration.ofSeconds(config.devMode() ? 3 : 300));

    Relay relay = new Relay(db, orgs, follows, localActors, outbox);
    mirror.onFirstFromOrigin(relay::relay);
    LogItemHandler createLogItems = new LogItemHandler(create, mirror, syncWorker::catchUpSoon);
    org.madani.node.collab.CollabModule collab = new org.madani.node.collab.CollabModule(new org.madani.node.collab.invite.CollabDeps(db, json.mapper(), clock, orgs, entries, localActors, remoteActors, outbox, entryObjects, urls, audit), trustPolicy); // issue 16
    InboxProcessor processor = new InboxProcessor(db, inboxRepo, json.mapper(), collab.handlers(List.of(
        new FollowHandler(inboxContext),
        new AcceptFollowHandler(inboxContext, true, syncWorker::catchUpSoon),
        new AcceptFollowHandler(inboxContext, false),
        new org.madani.node.federation.inbox.UndoEndorseHandler(inboxContext, endorsementRepo,
            new UndoHandler(inboxContext)),
        new org.madani.node.federation.inbox.EndorseHandler(inboxContext, endorsementRepo),
        new org.madani.node.federation.inbox.FlagHandler(inboxContext, reportRepo),
        createLogItems,
        new LogItemHandler(new CreateObjectHandler(inboxContext, true, trustPolicy), mirror, syncWorker::catchUpSoon),
        new LogItemHandler(new DeleteHandler(inboxContext), mirror, syncWorker::catchUpSoon),
        new RelayedLogItemHandler(new AnnounceHandler(inboxContext, documents, create), createLogItems),
        new LikeHandler(inboxContext))), config.devMode() ? 200 : 1000);
    InboxService inboxService = new InboxService(db, inboxRepo, remoteActors, json, clock, crypto, trustPolicy);
    FollowService followService = new FollowService(db, orgs, follows, remoteObjects, remoteActors, localActors,
        outbox, webFinger, inboxContext, config.devMode(), clock, trustPolicy);

    // Directory: the index follows H2; content and inbox commits only wake it (DirectoryIndexer).
    DirectoryRepository directoryRepo = new DirectoryRepository();
    DirectoryIndexer indexer = new DirectoryIndexer(db, directoryRepo, new DirectoryEntries(json.mapper(), urls),
        searchIndex, clock, config.devMode() ? 250 : 2000);
    DirectoryService directory = new DirectoryService(db, directoryRepo, searchIndex, indexer,
        vertx.createSharedWorkerExecutor("madani-search-" + System.identityHashCode(searchIndex), 2));
    processor.onHandled(indexer::wakeUp);

    ContentEvents events = ContentEvents.both(outbox, new ContentEvents() {
      @Override
      public void committed() {
        indexer.wakeUp();
      }
    });
    ProfileService profiles = new ProfileService(db, orgs, checks, events, clock);
    EntryService entryService = new EntryService(db, orgs, entries, checks, events, clock);
    AdminAccounts admins = new AdminAccounts(db, new AccountRepository(), new PasswordHasher(),
        new ApiTokens(), new LoginThrottle(clock), clock,
        vertx.createSharedWorkerExecutor("madani-password-" + System.identityHashCode(db), 2));

    // Admin UI security: browser sessions beside bearer tokens, CSRF checks, invitations, audit log.
    AdminSessions sessions = new AdminSessions(db, new SessionRepository(), admins, SessionPolicy.defaults(), clock);
    Invitations invitations = new Invitations(db, new InvitationRepository(), admins, clock);
    AuditLog auditLog = audit;
    AdminAuth adminAuth = new AdminAuth(admins, sessions, config.baseUrl());
    AdminSessionRoutes adminSessions = new AdminSessionRoutes(sessions, invitations, auditLog, json, config.baseUrl());
    // Health: peer state for the admin API and Prometheus (GET /metrics, behind MADANI_METRICS_TOKEN).
    org.madani.node.health.PeerHealthReader peerHealth =
        new org.madani.node.health.PeerHealthReader(db, deliveryQueue, mirrorRepo, clock);
    org.madani.node.health.NodeMetrics metrics = new org.madani.node.health.NodeMetrics(peerHealth, clock,
        java.time.Duration.ofSeconds(config.devMode() ? 1 : 15), 200);
    delivery.onOutcome(metrics::delivery);
    // JVM, process, HTTP (by route template) and database series beside Madani's own.
    db.instrument(metrics.registry());
    org.madani.node.health.RuntimeMetrics runtimeMetrics = new org.madani.node.health.RuntimeMetrics(metrics.registry());
    org.madani.node.http.HttpMetrics httpMetrics = new org.madani.node.http.HttpMetrics(metrics.registry());
    org.madani.node.http.MetricsRoutes metricsRoutes =
        new org.madani.node.http.MetricsRoutes(metrics, config.metricsToken());
    AdminApiRoutes adminApi = new AdminApiRoutes(auditLog, invitations, db, peerHealth, json, config.baseUrl(), clock);
    AdminUiRoutes adminUi = new AdminUiRoutes();
    // Hosting another organization while the node runs (add-org's client path).
    org.madani.node.http.HostingApiRoutes hostingApi = new org.madani.node.http.HostingApiRoutes(
        new org.madani.node.setup.HostedOrganizations(db, orgs, profiles,
            new org.madani.node.trust.OrganizationKeys(keyRepo, keyFiles), config.keysDir(), events, clock), json, urls);
    // Online backup: H2's consistent copy through the admin API (the file is locked while serving).
    org.madani.node.http.BackupRoutes backupRoutes = new org.madani.node.http.BackupRoutes(vertx, db,
        new org.madani.node.store.OnlineBackup(), config.dataDir().resolve("tmp"));

    ApiRoutes api = new ApiRoutes(json, admins, profiles, entryService, urls, config.bodyLimitBytes(),
        adminAuth, new AuditTrail(auditLog, json));
    FederationApiRoutes federationApi = new FederationApiRoutes(followService, json);
    TrustApiRoutes trustApi = new TrustApiRoutes(trust, json);
    org.madani.node.http.KeyApiRoutes keyApi = new org.madani.node.http.KeyApiRoutes(
        new org.madani.node.trust.KeyRotation(db, orgs, keyRepo, localActors, outbox, config.keysDir(),
            org.madani.node.trust.KeyRotation.DEFAULT_OVERLAP, clock, keyFiles),
        new org.madani.node.trust.KeyChanges(db, keyChangeRepo, keyPins, clock), json);
    org.madani.node.trust.EndorsementService endorsements = new org.madani.node.trust.EndorsementService(db, orgs,
        endorsementRepo, localActors, remoteActors, outbox, trustPolicy, audit, json.mapper(), clock);
    org.madani.node.trust.TrustListService trustLists = new org.madani.node.trust.TrustListService(db,
        new TrustRepository(), new org.madani.node.store.TrustListRepository(), trust, orgs, localActors, remoteActors,
        documents, audit, json.mapper(), clock);
    org.madani.node.trust.ModerationService moderation = new org.madani.node.trust.ModerationService(db, reportRepo,
        remoteObjects, orgs, trust, localActors, remoteActors, outbox, audit, json.mapper(), clock);
    org.madani.node.http.TrustSharingApiRoutes sharingApi = new org.madani.node.http.TrustSharingApiRoutes(
        endorsements, trustLists, json);
    org.madani.node.http.ModerationApiRoutes moderationApi = new org.madani.node.http.ModerationApiRoutes(moderation, json);
    org.madani.node.trust.ListSubscriptionPoller listPoller =
        new org.madani.node.trust.ListSubscriptionPoller(trustLists, java.time.Duration.ofHours(1));
    // Inbox allowances per verified sending host, higher for followed hosts (refreshed each minute).
    org.madani.node.http.SenderLimits inboxLimits = org.madani.node.http.SenderLimits.defaults(trustPolicy, clock);
    Runnable refreshFollowed = () -> db.tx(follows::followedActors).onSuccess(inboxLimits::followed);
    refreshFollowed.run();
    vertx.setPeriodic(60_000, id -> refreshFollowed.run());
    FederationRoutes federation = new FederationRoutes(db, orgs, entries, outboxLog, follows, localActors,
        entryObjects, inboxService, processor, json, urls, inboxLimits, mirrorRepo)
        .refusing(trustPolicy).counting(metrics);
    PageRenderer pageRenderer = new PageRenderer(taxonomies, urls);
    org.madani.node.http.collab.CollabWeb collabWeb = new org.madani.node.http.collab.CollabWeb(collab, json, directory,
        taxonomies, pageRenderer); // issue 16
    PublicPages pages = new PublicPages(profiles, entryService, pageRenderer, new PublicPages.Extras(
        new org.madani.node.http.pages.LandingPageRenderer(pageRenderer, urls), directory,
        new org.madani.node.directory.DirectoryEntries(json.mapper(), urls),
        new org.madani.node.federation.remotefollow.RemoteFollowLookup(webFinger, config.devMode()), urls, clock),
        collabWeb.entryPanel()); // issue 16
    DirectoryRoutes directoryApi = new DirectoryRoutes(directory, admins, json);
    DirectoryPages directoryPages = new DirectoryPages(directory,
        new DirectoryPageRenderer(pageRenderer, taxonomies, urls));
    // Feeds, reports, export and discovery: read the directory; public unless said otherwise.
    org.madani.node.http.FeedRoutes feeds = new org.madani.node.http.FeedRoutes(directory, profiles, taxonomies,
        urls, json, clock);
    org.madani.node.http.ReportRoutes reportRoutes = new org.madani.node.http.ReportRoutes(
        new org.madani.node.directory.report.DirectoryReports(db, new org.madani.node.store.CoverageRepository(),
            directory, urls, clock),
        directory, entryService, new org.madani.node.http.pages.ReportPageRenderer(pageRenderer, taxonomies),
        taxonomies, json, urls);
    org.madani.node.http.DiscoveryRoutes discoveryRoutes = new org.madani.node.http.DiscoveryRoutes(
        new org.madani.node.trust.DiscoveryService(db, new org.madani.node.store.DiscoveryRepository(), trustPolicy,
            documents, json.mapper(), urls.root(), config.devMode(), clock),
        followService, profiles, json, urls.root());
    org.madani.node.http.ExportRoutes exportRoutes = new org.madani.node.http.ExportRoutes(directory, profiles,
        admins, json, urls, taxonomies);
    // Image uploads (logo, entry image): re-encoded without metadata, served by this node.
    org.madani.node.http.MediaRoutes media = new org.madani.node.http.MediaRoutes(vertx,
        new org.madani.node.content.ImageSanitizer(), new org.madani.node.store.MediaStore(config.dataDir()),
        directory, json, urls.root());
    HealthRoutes health = new HealthRoutes(() -> db.tx(c -> {
      c.createStatement().execute("SELECT 1");
      return null;
    }));

    HttpServerVerticle http = new HttpServerVerticle(config.bindAddress(), config.port(),
        // The directory API goes before the admin API: its search also answers without a token.
        List.of(httpMetrics::mount, health::mount, metricsRoutes::mount, directoryApi::mount, exportRoutes::mount,
            media::mountBody, api::mount, federationApi::mount, trustApi::mount, keyApi::mount, sharingApi::mount, collabWeb::mount,
            moderationApi::mount, reportRoutes::mountAdmin, discoveryRoutes::mountAdmin, media::mountAdmin,
            adminApi::mount, backupRoutes::mount, hostingApi::mount, adminSessions::mount,
            adminUi::mount, federation::mount, pages::mount, directoryPages::mount, feeds::mount,
            reportRoutes::mount, discoveryRoutes::mount, media::mount),
        new ProblemHandler(json, new org.madani.node.http.pages.ErrorPageRenderer(pageRenderer)),
        RequestDeadlines.fromEnv(System.getenv()));
    List<String> deployments = new java.util.ArrayList<>();
    return trust.refresh()
        .compose(s -> vertx.deployVerticle(runtimeMetrics)).onSuccess(deployments::add)
        .compose(id -> vertx.deployVerticle(indexer)).onSuccess(deployments::add)
        .compose(id -> vertx.deployVerticle(delivery)).onSuccess(deployments::add)
        .compose(id -> vertx.deployVerticle(processor)).onSuccess(deployments::add)
        .compose(id -> vertx.deployVerticle(syncWorker)).onSuccess(deployments::add)
        .compose(id -> vertx.deployVerticle(listPoller)).onSuccess(deployments::add)
        .compose(id -> vertx.deployVerticle(http)).onSuccess(deployments::add)
        .map(id -> {
          // Blocking, suspending or limiting an author takes its entries out of the directory (and
          // back): the trust tables write directory changes (V10), so a sync pass applies just those.
          trust.onChange(indexer::wakeUp);
          LOG.info("node serving at {} (data directory {}, development mode {})",
              config.baseUrl(), config.dataDir(), config.devMode());
          return new MadaniNode(vertx, db, config, deployments, http.actualPort(), http.routes());
        }).onFailure(err -> db.close());
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
   * Stops serving, then closes the database and Vert.x. Runs on a plain thread: a future created
   * on one of Vert.x's own threads would be completed on an event loop that is shutting down and
   * never be delivered. Safe to call once.
   */
  public CompletableFuture<Void> close() {
    return CompletableFuture.runAsync(() -> {
      // Stop serving first, then the workers, so nothing new is accepted while they drain.
      for (int i = deployments.size() - 1; i >= 0; i--) {
        try {
          vertx.undeploy(deployments.get(i)).toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
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
