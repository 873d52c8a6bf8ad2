package org.madani.node.setup.web;

import io.vertx.core.Vertx;
import java.time.Clock;
import org.madani.node.http.FederationRoutes;
import org.madani.node.http.SenderLimits;
import org.madani.node.model.Urls;
import org.madani.node.setup.FederationModule;
import org.madani.node.setup.HealthModule;
import org.madani.node.setup.StoreModule;
import org.madani.node.setup.TrustModule;
import org.madani.node.spaces.SpacesWeb;

/**
 * The ActivityPub surface (inboxes, actors, logs, WebFinger and NodeInfo) with per-sender limits.
 */
public record FederationWeb(FederationRoutes routes, SenderLimits inboxLimits, SpacesWeb spaces) {

  public static FederationWeb of(
      Vertx vertx,
      Urls urls,
      Clock clock,
      StoreModule store,
      TrustModule trust,
      FederationModule federation,
      HealthModule health) {
    // Inbox allowances per verified sending host, higher for followed hosts (refreshed each
    // minute).
    SenderLimits inboxLimits = SenderLimits.defaults(trust.policy(), clock);
    Runnable refreshFollowed =
        () -> store.db().tx(store.follows()::followedActors).onSuccess(inboxLimits::followed);
    refreshFollowed.run();
    vertx.setPeriodic(60_000, id -> refreshFollowed.run());
    FederationRoutes routes =
        new FederationRoutes(
            federation.published(),
            federation.logPages(),
            federation.localActors(),
            federation.inbox(),
            federation.processor(),
            inboxLimits,
            trust.policy(),
            health.metrics(),
            store.json(),
            urls);
    return new FederationWeb(
        routes,
        inboxLimits,
        federation.spaces().web(federation.inbox(), java.net.URI.create(urls.root())));
  }
}
