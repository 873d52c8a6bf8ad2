package org.madani.node.setup;

import java.time.Clock;
import java.time.Duration;
import org.madani.node.account.AuditLog;
import org.madani.node.config.NodeConfig;
import org.madani.node.model.Urls;
import org.madani.node.trust.DiscoveryService;
import org.madani.node.trust.EndorsementService;
import org.madani.node.trust.KeyChanges;
import org.madani.node.trust.KeyRotation;
import org.madani.node.trust.ListSubscriptionPoller;
import org.madani.node.trust.ModerationService;
import org.madani.node.trust.TrustListService;

/**
 * Trust between nodes once federation exists: endorsements, shared trust lists and their
 * subscriptions, moderation of reports, key rotation and flagged key changes, peer discovery.
 */
public record TrustSharingModule(
    EndorsementService endorsements,
    TrustListService trustLists,
    ListSubscriptionPoller listPoller,
    ModerationService moderation,
    KeyRotation keyRotation,
    KeyChanges keyChanges,
    DiscoveryService discovery) {

  public static TrustSharingModule of(
      NodeConfig config,
      Urls urls,
      Clock clock,
      StoreModule store,
      AuditLog audit,
      TrustModule trust,
      FederationModule federation) {
    var json = store.json().mapper();
    EndorsementService endorsements =
        new EndorsementService(
            store.db(),
            store.orgs(),
            store.endorsements(),
            federation.localActors(),
            federation.remoteActors(),
            federation.outbox(),
            trust.policy(),
            audit,
            json,
            clock);
    TrustListService trustLists =
        new TrustListService(
            store.db(),
            store.trust(),
            store.trustLists(),
            trust.trust(),
            store.orgs(),
            federation.localActors(),
            federation.remoteActors(),
            federation.documents(),
            audit,
            json,
            clock);
    ModerationService moderation =
        new ModerationService(
            store.db(),
            store.reports(),
            store.remoteObjects(),
            store.orgs(),
            trust.trust(),
            federation.localActors(),
            federation.remoteActors(),
            federation.outbox(),
            audit,
            json,
            clock);
    KeyRotation keyRotation =
        keyRotation(config, clock, store, federation, KeyRotation.DEFAULT_OVERLAP);
    KeyChanges keyChanges =
        new KeyChanges(store.db(), store.keyChanges(), federation.keyPins(), clock);
    DiscoveryService discovery =
        new DiscoveryService(
            store.db(),
            store.discovery(),
            trust.policy(),
            federation.documents(),
            json,
            urls.root(),
            config.devMode(),
            clock);
    return new TrustSharingModule(
        endorsements,
        trustLists,
        new ListSubscriptionPoller(trustLists, Duration.ofHours(1)),
        moderation,
        keyRotation,
        keyChanges,
        discovery);
  }

  /** Rotation and revocation with the given overlap (the offline commands choose theirs). */
  public static KeyRotation keyRotation(
      NodeConfig config,
      Clock clock,
      StoreModule store,
      FederationModule federation,
      Duration overlap) {
    return new KeyRotation(
        store.db(),
        store.orgs(),
        store.keys(),
        federation.localActors(),
        federation.outbox(),
        config.keysDir(),
        overlap,
        clock,
        federation.keyFiles());
  }
}
