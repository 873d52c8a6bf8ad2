package org.madani.node.http;

import io.vertx.ext.web.Router;
import org.madani.node.federation.PeerPolicy;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.inbox.InboxProcessor;
import org.madani.node.federation.inbox.InboxService;
import org.madani.node.federation.publish.LogPages;
import org.madani.node.federation.publish.PublishedDocuments;
import org.madani.node.health.NodeMetrics;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Urls;

/**
 * The ActivityPub surface, mounted in one place and in one order: the reader gate first (signed
 * GETs from refused peers), then the inboxes, actor and object documents by content negotiation,
 * logs and mirrors, collections, WebFinger and NodeInfo. Each concern is its own route class.
 */
public final class FederationRoutes {

  private final ReaderGate gate;
  private final InboxRoutes inbox;
  private final ActorRoutes actors;
  private final LogRoutes logs;
  private final WellKnownRoutes wellKnown;

  /**
   * @param peers who may read signed: the same policy the inbox and delivery ask
   * @param metrics counts inbox outcomes for {@code /metrics}
   */
  public FederationRoutes(
      PublishedDocuments documents,
      LogPages logPages,
      LocalActors localActors,
      InboxService inbox,
      InboxProcessor processor,
      SenderLimits inboxLimits,
      PeerPolicy peers,
      NodeMetrics metrics,
      JsonCodec json,
      Urls urls) {
    PeerRequests requests = new PeerRequests(urls, json);
    this.gate = new ReaderGate(peers, requests);
    this.inbox = new InboxRoutes(inbox, processor, inboxLimits, metrics, requests);
    this.actors = new ActorRoutes(documents, inbox, requests);
    this.logs = new LogRoutes(logPages, requests);
    this.wellKnown = new WellKnownRoutes(documents, localActors, json, urls);
  }

  /**
   * The inbox POST routes, mounted ahead of the other areas' routes: a burst of activities is most
   * of the requests a hub gets, and each route ahead of the inbox is a path match per request.
   */
  public void mountInbox(Router router) {
    inbox.mount(router);
  }

  /** Everything else the federation answers (actors, logs, well-known); see {@link #mountInbox}. */
  public void mount(Router router) {
    gate.mount(router);
    actors.mount(router);
    logs.mount(router);
    actors.mountCollections(router);
    wellKnown.mount(router);
  }
}
