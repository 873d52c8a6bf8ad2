package org.madani.node.setup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.madani.node.collab.CollabModule;
import org.madani.node.collab.invite.CollabDeps;
import org.madani.node.config.NodeConfig;
import org.madani.node.federation.actor.DocumentFetcher;
import org.madani.node.federation.actor.KeyPins;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.PrivateKeyFiles;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.federation.delivery.AddressTargetGuard;
import org.madani.node.federation.delivery.DeliveryOptions;
import org.madani.node.federation.delivery.DeliveryOutcome;
import org.madani.node.federation.delivery.DeliveryWorker;
import org.madani.node.federation.delivery.OrgRequestSigner;
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
import org.madani.node.federation.inbox.EndorseHandler;
import org.madani.node.federation.inbox.FlagHandler;
import org.madani.node.federation.inbox.FollowHandler;
import org.madani.node.federation.inbox.FollowResponses;
import org.madani.node.federation.inbox.HostedOrgs;
import org.madani.node.federation.inbox.InboxProcessor;
import org.madani.node.federation.inbox.InboxService;
import org.madani.node.federation.inbox.LikeHandler;
import org.madani.node.federation.inbox.MoveHandler;
import org.madani.node.federation.inbox.UndoEndorseHandler;
import org.madani.node.federation.inbox.UndoHandler;
import org.madani.node.federation.outbox.EntryObjects;
import org.madani.node.federation.outbox.Outbox;
import org.madani.node.federation.publish.LogPages;
import org.madani.node.federation.publish.PublishedDocuments;
import org.madani.node.federation.sync.LogItemHandler;
import org.madani.node.federation.sync.MirrorService;
import org.madani.node.federation.sync.Relay;
import org.madani.node.federation.sync.RelayedLogItemHandler;
import org.madani.node.federation.sync.SyncService;
import org.madani.node.federation.sync.SyncWorker;
import org.madani.node.model.Urls;
import org.madani.node.spaces.SpacesModule;
import org.madani.node.trust.TrustPolicy;

/**
 * Federation: local actors and their keys, remote actors with pinned keys, the guarded fetcher, the
 * outbox and the durable delivery worker, the inbox with one handler per activity type, mirrors and
 * catch-up, and what peers read from us. Building it starts nothing: the workers are verticles the
 * server deploys; the offline commands use the outbox alone.
 */
public record FederationModule(
    PrivateKeyFiles keyFiles,
    LocalActors localActors,
    RemoteActors remoteActors,
    KeyPins keyPins,
    DocumentFetcher documents,
    DocumentFetcher webFinger,
    Outbox outbox,
    DeliveryWorker delivery,
    InboxService inbox,
    InboxProcessor processor,
    SyncWorker syncWorker,
    FollowService follows,
    PublishedDocuments published,
    LogPages logPages,
    CollabModule collab,
    SpacesModule spaces) {

  /** What the module needs from outside federation. */
  public record Needs(
      Vertx vertx,
      NodeConfig config,
      Urls urls,
      Clock clock,
      StoreModule store,
      TrustPolicy trust,
      PrivateKeyFiles keyFiles,
      Runnable onInboxHandled,
      Consumer<DeliveryOutcome> deliveryOutcomes,
      org.madani.node.account.AuditLog audit) {}

  public static FederationModule of(Needs n) {
    StoreModule store = n.store();
    ObjectMapper json = store.json().mapper();
    Clock clock = n.clock();
    boolean dev = n.config().devMode();
    LocalActors localActors = new LocalActors(json, n.urls(), store.keys(), n.keyFiles());
    // Signing and proof checks on their own workers, one per core ("madani-crypto" is shared).
    WorkerExecutor crypto =
        n.vertx()
            .createSharedWorkerExecutor(
                "madani-crypto", Math.max(2, Runtime.getRuntime().availableProcessors()));
    String userAgent = "Madani/0.1 (+" + n.config().baseUrl() + ")";
    OrgRequestSigner signer =
        new OrgRequestSigner(store.db(), store.orgs(), localActors, clock, userAgent, crypto);
    AddressGuard guard = new AddressGuard(dev, HostResolver.system(n.vertx()));
    GuardedFetcher fetcher =
        new GuardedFetcher(
            n.vertx(),
            guard,
            store.json(),
            new JsonLdContexts(json),
            userAgent,
            n.trust()::allowsUrl);
    FetchOptions signedGet = FetchOptions.defaults().withSigner(signer);
    DocumentFetcher documents =
        url ->
            fetcher
                .getJson(url, signedGet)
                .map(d -> new DocumentFetcher.Fetched(d.finalUrl(), d.document()));
    DocumentFetcher webFinger =
        url ->
            fetcher
                .getJson(url, FetchOptions.webFinger())
                .map(d -> new DocumentFetcher.Fetched(d.finalUrl(), d.document()));
    // Keys over time (protocol-spec/keys.md): remote keys pinned on first use, changes only with
    // proof.
    KeyPins keyPins =
        new KeyPins(
            store.remoteActors(),
            store.keyChanges(),
            store.mirrors(),
            store.remoteObjects(),
            json,
            clock);
    RemoteActors remoteActors =
        new RemoteActors(store.db(), store.remoteActors(), documents, json, clock, keyPins);

    DeliveryWorker delivery =
        new DeliveryWorker(
            store.db(),
            store.deliveries(),
            signer,
            // Trust settings, then addresses; the POST goes to the vetted address (no second
            // lookup).
            new AddressTargetGuard(guard, n.trust()::allowsUrl),
            deliveryOptions(dev),
            clock,
            n.deliveryOutcomes());
    EntryObjects entryObjects = new EntryObjects(json, n.urls(), localActors);
    Outbox outbox =
        new Outbox(
            json,
            localActors,
            entryObjects,
            store.outbox(),
            store.follows(),
            store.remoteActors(),
            org.madani.node.federation.outbox.OutboundQueue.of(store.deliveries()),
            clock,
            n.trust(),
            delivery::wakeUp);

    // The activity handlers: each gets only what it needs (STYLE.md, one handler per type).
    HostedOrgs hostedOrgs = new HostedOrgs(localActors, store.orgs());
    FollowResponses followResponses = new FollowResponses(json, localActors, outbox);
    CreateObjectHandler create =
        createObjectHandler(store, json, clock, hostedOrgs, remoteActors, false, n);
    // Collaboration (issue 16): its handlers wrap Accept/Reject/Create/Update/Delete and add its
    // own; log items the mirror applies (catch-up, peers' mirrors) are recorded as well.
    CollabModule collab =
        new CollabModule(
            new CollabDeps(
                store.db(),
                json,
                clock,
                store.orgs(),
                store.entries(),
                localActors,
                remoteActors,
                outbox,
                entryObjects,
                n.urls(),
                n.audit()),
            n.trust());
    // Resilience: verified mirrors of followed organizations' logs, and catch-up from origin or
    // peers.
    Relay relay = new Relay(store.db(), store.orgs(), store.follows(), localActors, outbox);
    MirrorService mirror =
        new MirrorService(
            store.db(),
            store.mirrors(),
            store.remoteActors(),
            store.remoteObjects(),
            store.follows(),
            create,
            json,
            crypto,
            clock,
            origin -> remoteActors.actor(origin, true),
            keyPins,
            relay,
            (c, row, activity) -> collab.records().record(c, row.type(), row, activity));
    // Log pages hold up to 500 signed items: a larger body cap and deadline than single documents.
    FetchOptions logPageFetch =
        signedGet
            .withMaxBytes(32L * 1024 * 1024)
            .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60));
    SyncService sync =
        new SyncService(
            store.db(),
            store.mirrors(),
            store.follows(),
            mirror,
            // The body too: each log item is kept as the text it came in (LogPageReader).
            url ->
                fetcher
                    .getJson(url, logPageFetch)
                    .map(d -> new DocumentFetcher.Fetched(d.finalUrl(), d.document(), d.body())),
            clock);
    SyncWorker syncWorker = new SyncWorker(sync, Duration.ofSeconds(dev ? 3 : 300));

    LogItemHandler createLogItems = new LogItemHandler(create, mirror, syncWorker::catchUpSoon);
    FollowService follows =
        new FollowService(
            store.db(),
            store.orgs(),
            store.follows(),
            store.federationSettings(),
            store.remoteObjects(),
            remoteActors,
            localActors,
            outbox,
            webFinger,
            followResponses,
            json,
            dev,
            clock,
            n.trust());
    // Private spaces (issue 17): end-to-end encrypted between member organizations; their handlers
    // join the inbox's.
    SpacesModule spaces =
        new SpacesModule(
            store.db(),
            store.orgs(),
            localActors,
            remoteActors,
            store.remoteActors(),
            outbox,
            store.json(),
            clock,
            n.config().keysDir(),
            n.keyFiles(),
            documents);
    InboxProcessor processor =
        new InboxProcessor(
            store.db(),
            store.inbox(),
            json,
            Stream.concat(
                    collab
                        .handlers(
                            List.of(
                                new FollowHandler(
                                    store.db(),
                                    clock,
                                    store.follows(),
                                    hostedOrgs,
                                    remoteActors,
                                    outbox,
                                    followResponses,
                                    store.federationSettings()),
                                new AcceptFollowHandler(
                                    store.db(),
                                    clock,
                                    store.follows(),
                                    true,
                                    syncWorker::catchUpSoon),
                                new AcceptFollowHandler(store.db(), clock, store.follows(), false),
                                new UndoEndorseHandler(
                                    store.db(),
                                    clock,
                                    store.endorsements(),
                                    new UndoHandler(
                                        store.db(),
                                        store.follows(),
                                        store.remoteObjects(),
                                        hostedOrgs)),
                                new EndorseHandler(store.db(), clock, store.endorsements()),
                                new FlagHandler(store.db(), clock, json, store.reports()),
                                createLogItems,
                                new LogItemHandler(
                                    createObjectHandler(
                                        store, json, clock, hostedOrgs, remoteActors, true, n),
                                    mirror,
                                    syncWorker::catchUpSoon),
                                new LogItemHandler(
                                    new DeleteHandler(store.db(), clock, store.remoteObjects()),
                                    mirror,
                                    syncWorker::catchUpSoon),
                                new RelayedLogItemHandler(
                                    new AnnounceHandler(
                                        store.db(),
                                        store.follows(),
                                        remoteActors,
                                        documents,
                                        create),
                                    createLogItems),
                                new LikeHandler(store.db(), store.remoteObjects(), localActors),
                                new MoveHandler(
                                    store.db(),
                                    json,
                                    store.orgs(),
                                    store.follows(),
                                    remoteActors,
                                    follows::follow,
                                    follows::unfollow,
                                    store.mirrors())))
                        .stream(),
                    spaces.handlers().stream())
                .toList(),
            dev ? 200 : 1000,
            () -> {
              n.onInboxHandled().run();
              // Log items applied together by the processor are relayed in its transaction.
              relay.committed();
            });
    InboxService inbox =
        new InboxService(
            store.db(), store.inbox(), remoteActors, store.json(), clock, crypto, n.trust());
    PublishedDocuments published =
        new PublishedDocuments(
            store.db(),
            store.orgs(),
            store.entries(),
            store.outbox(),
            store.follows(),
            localActors,
            entryObjects,
            json,
            clock);
    LogPages logPages =
        new LogPages(
            store.db(), store.orgs(), store.outbox(), store.mirrors(), localActors, json, n.urls());
    return new FederationModule(
        n.keyFiles(),
        localActors,
        remoteActors,
        keyPins,
        documents,
        webFinger,
        outbox,
        delivery,
        inbox,
        processor,
        syncWorker,
        follows,
        published,
        logPages,
        collab,
        spaces);
  }

  /** Create ({@code update} false) or Update of objects by their authors. */
  private static CreateObjectHandler createObjectHandler(
      StoreModule store,
      ObjectMapper json,
      Clock clock,
      HostedOrgs hostedOrgs,
      RemoteActors remoteActors,
      boolean update,
      Needs n) {
    return new CreateObjectHandler(
        store.db(),
        clock,
        json,
        store.orgs(),
        store.follows(),
        store.remoteObjects(),
        hostedOrgs,
        remoteActors,
        update,
        n.trust());
  }

  private static DeliveryOptions deliveryOptions(boolean dev) {
    DeliveryOptions options =
        DeliveryOptions.defaults().withPollInterval(Duration.ofMillis(dev ? 200 : 1000));
    if (!dev) return options;
    // Development mode (loopback peers): a job leased by a killed process is due again after
    // 20 s instead of 2 min, so crash tests and local networks recover quickly. The lease must
    // exceed connect + request timeout, hence 5 s + 10 s.
    return options.withTimeouts(
        Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(10));
  }
}
